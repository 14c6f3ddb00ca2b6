#!/usr/bin/env python3
"""A VirtualMCPServer under kustomize's namePrefix, nameSuffix and namespace with the thv-render
transformer against what the operator creates for the renamed inputs
(tests/kustomize_names_test.sh):

    kustomize_names_vmcp.py BUILT.yaml RENAMED_RENDER.yaml

BUILT: kubectl kustomize over thv-render's output (testdata/kustomize/names-vmcp-v0.44.0).
RENAMED_RENDER: thv-render's output for the inputs renamed as kustomize renames the objects
(rename_inputs below), references included. The VirtualMCPServer's config.yaml must be the same
text except for the workloads' Services, which kustomize names team-mcp-X-proxy-v1 where the
operator would name them mcp-team-X-v1-proxy (the URLs must name the Service in the build); its
authserver-config.yaml (an embedded auth server's) must be the same text; its
plain env must be the same; its ConfigMap's content checksum must be the checksum of its data and
toolhive.stacklok.io labels, and the pod template's the same. Prints every problem."""
import sys

import yaml

from kustomize_names_lib import checksum

PREFIX, SUFFIX, NS = "team-", "-v1", "mcp-e2e"


def new(name):
    return PREFIX + name + SUFFIX


def load(path):
    return [d for d in yaml.safe_load_all(open(path)) if d]


def vmcp(docs):
    dep = [d for d in docs if d["kind"] == "Deployment" and
           d["metadata"]["labels"].get("app.kubernetes.io/name") == "virtualmcpserver"][0]
    volume = [v for v in dep["spec"]["template"]["spec"]["volumes"] if v["name"] == "vmcp-config"][0]
    cm = [d for d in docs if d["kind"] == "ConfigMap" and d["metadata"]["name"] == volume["configMap"]["name"]][0]
    return dep, cm


def replace_strings(value, old, new_text):
    if isinstance(value, dict):
        return {k: replace_strings(v, old, new_text) for k, v in value.items()}
    if isinstance(value, list):
        return [replace_strings(v, old, new_text) for v in value]
    return value.replace(old, new_text) if isinstance(value, str) else value


def rename_inputs(docs):
    """The inputs as kustomize would rename them, with every reference to a renamed object (and
    the server's own URL http://<name>.<namespace>.svc.cluster.local where the user wrote it)."""
    for d in docs:
        old = "http://%s.%s.svc.cluster.local:" % (d["metadata"]["name"], d["metadata"].get("namespace", "default"))
        d["metadata"]["name"] = new(d["metadata"]["name"])
        d["metadata"]["namespace"] = NS
        if "spec" in d:
            d["spec"] = replace_strings(d["spec"], old, "http://%s.%s.svc.cluster.local:" % (d["metadata"]["name"], NS))
        spec = d.get("spec") or {}
        sentinel = ((((spec.get("authServerConfig") or {}).get("storage") or {}).get("redis") or {})
                    .get("sentinelConfig") or {}).get("sentinelService")
        if sentinel and "namespace" not in sentinel:
            sentinel["name"] = new(sentinel["name"])
        for key in ("groupRef", "oidcConfigRef", "telemetryConfigRef", "embeddingServerRef"):
            if key in spec:
                spec[key]["name"] = new(spec[key]["name"])
        inline = (spec.get("inline") or {}).get("clientSecretRef")
        if inline:
            inline["name"] = new(inline["name"])
        auth = spec.get("incomingAuth", {}).get("oidcConfigRef")
        if auth:
            auth["name"] = new(auth["name"])
        backends = spec.get("outgoingAuth", {}).get("backends")
        if backends:
            spec["outgoingAuth"]["backends"] = {new(k): v for k, v in backends.items()}
        agg = (spec.get("config") or {}).get("aggregation") or {}
        crc = agg.get("conflictResolutionConfig") or {}
        if "priorityOrder" in crc:
            crc["priorityOrder"] = [new(w) for w in crc["priorityOrder"]]
        for t in agg.get("tools", []):
            t["workload"] = new(t["workload"])
    return docs


def compare(built, renamed):
    """Problems of the first VirtualMCPServer of built against renamed's, and its backend count."""
    problems = []
    dep, cm = vmcp(built)
    want_dep, want_cm = vmcp(renamed)
    text = want_cm["data"]["config.yaml"]
    for d in renamed:  # the operator's Service names for the renamed workloads -> kustomize's
        if d["kind"] == "Service" and d["metadata"]["name"].startswith("mcp-" + PREFIX):
            inner = d["metadata"]["name"][len("mcp-" + PREFIX):]  # X-v1-proxy, X-v1-remote-proxy
            workload, kind = inner.split(SUFFIX + "-", 1)
            text = text.replace(d["metadata"]["name"] + ".", new("mcp-%s-%s" % (workload, kind)) + ".")
    if cm["data"].get("authserver-config.yaml") != want_cm["data"].get("authserver-config.yaml"):
        problems.append("authserver-config.yaml differs from the renamed inputs':\n--- built\n%s--- renamed\n%s"
                        % (cm["data"].get("authserver-config.yaml"), want_cm["data"].get("authserver-config.yaml")))
    if cm["data"]["config.yaml"] != text:
        problems.append("config.yaml differs from the renamed inputs' (Services mapped):\n--- built\n%s--- renamed\n%s"
                        % (cm["data"]["config.yaml"], text))
    plain = lambda d: [e for e in d["spec"]["template"]["spec"]["containers"][0]["env"] if "value" in e]
    if plain(dep) != plain(want_dep):
        problems.append("plain env %s, the renamed inputs' %s" % (plain(dep), plain(want_dep)))
    have = cm["metadata"]["annotations"]["toolhive.stacklok.dev/content-checksum"]
    if have != checksum(cm):
        problems.append("ConfigMap %s content-checksum %s, its content's %s" % (cm["metadata"]["name"], have, checksum(cm)))
    pod = dep["spec"]["template"]["metadata"]["annotations"]["toolhive.stacklok.dev/runconfig-checksum"]
    if pod != have:
        problems.append("pod template runconfig-checksum %s, the ConfigMap's %s" % (pod, have))
    return problems, "checked VirtualMCPServer %s (%d backends)" % (dep["metadata"]["name"], text.count("    - name: "))


if __name__ == "__main__":
    built, renamed = load(sys.argv[1]), load(sys.argv[2])
    problems = []
    # Each VirtualMCPServer by itself: its Deployment and what it names.
    servers = lambda docs: [[d] + [o for o in docs if o["kind"] != "Deployment"] for d in docs if d["kind"] == "Deployment"
                            and d["metadata"]["labels"].get("app.kubernetes.io/name") == "virtualmcpserver"]
    for got, want in zip(sorted(servers(built), key=lambda s: s[0]["metadata"]["name"]),
                         sorted(servers(renamed), key=lambda s: s[0]["metadata"]["name"])):
        found, checked = compare(got, want)
        problems += found
        print(checked)
    if len(servers(built)) != len(servers(renamed)):
        problems.append("%d VirtualMCPServers built, %d rendered" % (len(servers(built)), len(servers(renamed))))
    for p in problems:
        print("PROBLEM: " + p)
    sys.exit(1 if problems else 0)
