#!/usr/bin/env python3
"""Checks a kustomize build of thv-render objects for names inside strings that disagree with
the objects' names (tests/kustomize_names_test.sh):

    kustomize_names_check.py OUT.yaml

For every MCPServer Deployment: the pod patch's service account, Secrets and ConfigMaps exist; the
RunConfig (its ConfigMap volume, or the 7002a239b --name) names the server as its Deployment is
named; a default resource URL names the server's Service (7002a239b) or name (v0.44.0) in its
namespace; the RunConfig ConfigMap's content checksum is the checksum of its data and labels, and
the pod template carries the same. Prints one line per server checked, and every problem."""
import hashlib
import json
import sys

import yaml

docs = [d for d in yaml.safe_load_all(open(sys.argv[1])) if d]
objects = {(d["kind"], d["metadata"].get("namespace"), d["metadata"]["name"]): d for d in docs}
problems = []


def exists(kind, ns, name, where):
    if (kind, ns, name) not in objects:
        problems.append("%s: names %s %s/%s, which is not in the build" % (where, kind, ns, name))


def checksum(cm):
    text = "".join(k + v for k, v in sorted(cm.get("data", {}).items()))
    labels = cm["metadata"].get("labels", {})
    text += "".join(k + v for k, v in sorted(labels.items()) if k.startswith("toolhive.stacklok.io/"))
    return hashlib.sha256(text.encode()).hexdigest()


for d in docs:
    labels = d["metadata"].get("labels", {})
    if d["kind"] != "Deployment" or labels.get("app.kubernetes.io/name") != "mcpserver":
        continue
    name, ns = d["metadata"]["name"], d["metadata"]["namespace"]
    where = "Deployment %s/%s" % (ns, name)
    pod = d["spec"]["template"]
    args = pod["spec"]["containers"][0]["args"]
    flags = dict(a.split("=", 1) for a in args if a.startswith("--") and "=" in a)
    patch = json.loads(flags["--k8s-pod-patch"])
    exists("ServiceAccount", ns, patch["spec"]["serviceAccountName"], where + " pod patch")
    for c in patch["spec"].get("containers", []):
        for e in c.get("env", []):
            ref = e.get("valueFrom", {}).get("secretKeyRef")
            if ref:
                exists("Secret", ns, ref["name"], where + " pod patch env " + e["name"])
    volumes = {v["name"]: v for v in pod["spec"].get("volumes", [])}
    if "runconfig" in volumes:  # v0.44.0
        cm_name = volumes["runconfig"]["configMap"]["name"]
    else:  # 7002a239b: the ConfigMap beside the Deployment, and the proxy's own arguments
        cm_name = [k[2] for k, o in objects.items() if k[0] == "ConfigMap" and k[1] == ns and
                   o["metadata"].get("labels", {}).get("toolhive.stacklok.io/mcp-server") ==
                   labels["app.kubernetes.io/instance"]][0]
        if flags.get("--name") != name:
            problems.append("%s: --name=%s" % (where, flags.get("--name")))
        url = flags.get("--resource-url", "")
        services = [k[2] for k in objects if k[0] == "Service" and k[1] == ns and
                    objects[k]["spec"]["selector"].get("app.kubernetes.io/instance") ==
                    labels["app.kubernetes.io/instance"]]
        if url.startswith("http://") and url.split("//")[1].split(":")[0] != "%s.%s.svc.cluster.local" % (services[0], ns):
            problems.append("%s: --resource-url=%s, the Service is %s/%s" % (where, url, ns, services[0]))
    cm = objects.get(("ConfigMap", ns, cm_name))
    if not cm:
        problems.append("%s: no ConfigMap %s" % (where, cm_name))
        continue
    rc = json.loads(cm["data"]["runconfig.json"])
    for key in ("name", "container_name", "base_name"):
        if rc[key] != name:
            problems.append("%s: RunConfig %s is %s" % (where, key, rc[key]))
    resource = (rc.get("oidc_config") or {}).get("ResourceURL", "")
    if resource.startswith("http://") and ".svc.cluster.local" in resource and \
            resource.split("//")[1].split(":")[0] != "%s.%s.svc.cluster.local" % (name, ns):
        problems.append("%s: RunConfig ResourceURL %s" % (where, resource))
    want = checksum(cm)
    have = cm["metadata"]["annotations"]["toolhive.stacklok.dev/content-checksum"]
    if have != want:
        problems.append("%s: ConfigMap %s content-checksum %s, its content's is %s" % (where, cm_name, have, want))
    pod_sum = pod["metadata"].get("annotations", {}).get("toolhive.stacklok.dev/runconfig-checksum")
    if pod_sum is not None and pod_sum != want:
        problems.append("%s: pod template runconfig-checksum %s, the ConfigMap's is %s" % (where, pod_sum, want))
    print("checked %s (RunConfig %s, service account %s)" % (where, cm_name, patch["spec"]["serviceAccountName"]))

for p in problems:
    print("PROBLEM: " + p)
sys.exit(1 if problems else 0)
