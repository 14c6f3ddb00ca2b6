#!/usr/bin/env python3
"""Checks a kustomize build of thv-render objects for names inside strings that disagree with
the objects' names (tests/kustomize_names_test.sh):

    kustomize_names_check.py OUT.yaml [KIND/NAME...]

KIND/NAME: an object a pod may name that lives outside the build (the 7002a239b registry API's
service account, which the operator does not create).

For every MCPServer Deployment: the pod patch's service account, Secrets and ConfigMaps exist; the
RunConfig (its ConfigMap volume, or the 7002a239b --name) names the server as its Deployment is
named; a default resource URL names the server's Service (7002a239b) or name (v0.44.0) in its
namespace; the RunConfig ConfigMap's content checksum is the checksum of its data and labels, and
the pod template carries the same. With the embedded auth server (v0.44.0): the audience and
allowed audiences are the resource URL, the Redis key prefix names the server in its namespace, a
Sentinel address names a Service in the build. For every Deployment: the service
account, ConfigMaps and Secrets its pod names exist. For every v0.44.0 MCPRegistry API
Deployment: its RoleBinding binds its service account in its namespace to its Role, its Service
selects its pods, its config ConfigMap's content checksum is the checksum of config.yaml. An
MCPRemoteProxy's Deployment is checked as an MCPServer's (it has no pod patch) and as a
registry's RoleBinding and Service. Every StatefulSet (an EmbeddingServer's): its serviceName is
a Service in the build that selects its pods. Prints
one line per server or registry checked, and every problem."""
import json
import sys

import yaml

from kustomize_names_lib import checksum

docs = [d for d in yaml.safe_load_all(open(sys.argv[1])) if d]
objects = {(d["kind"], d["metadata"].get("namespace"), d["metadata"]["name"]): d for d in docs}
problems = []
outside = set(tuple(a.split("/", 1)) for a in sys.argv[2:])


def exists(kind, ns, name, where):
    if (kind, ns, name) not in objects:
        problems.append("%s: names %s %s/%s, which is not in the build" % (where, kind, ns, name))


def config_hash(data):
    """ctrlutil.CalculateConfigHash([]byte(data)): FNV-1a 32 of dump.ForHash's text."""
    h = 2166136261
    for c in ("([]uint8)[" + " ".join(str(b) for b in data.encode()) + "]").encode():
        h = ((h ^ c) * 16777619) & 0xFFFFFFFF
    return "%x" % h


def pod_references(d):
    """(kind, name, where) of every object a Deployment's pod names."""
    spec = d["spec"]["template"]["spec"]
    refs = [("ServiceAccount", spec.get("serviceAccountName"), "serviceAccountName")]
    for v in spec.get("volumes", []):
        if "configMap" in v:
            refs.append(("ConfigMap", v["configMap"]["name"], "volume " + v["name"]))
        if "secret" in v:
            refs.append(("Secret", v["secret"]["secretName"], "volume " + v["name"]))
    for c in spec.get("containers", []) + spec.get("initContainers", []):
        for e in c.get("env", []):
            ref = e.get("valueFrom", {}).get("secretKeyRef")
            if ref:
                refs.append(("Secret", ref["name"], "env " + e["name"]))
    return [r for r in refs if r[1]]


def check_auth_server(rc, name, ns, where):
    auth = rc.get("embedded_auth_server_config")
    if not auth:
        return
    oidc = rc.get("oidc_config") or {}
    if auth.get("allowed_audiences") != [oidc.get("ResourceURL")] or oidc.get("Audience") != oidc.get("ResourceURL"):
        problems.append("%s: auth server audiences %s, OIDC audience %s, resource URL %s" % (
            where, auth.get("allowed_audiences"), oidc.get("Audience"), oidc.get("ResourceURL")))
    for c in auth.get("delegate_clients", []):
        if not set(c.get("audiences", [])) <= set(auth.get("allowed_audiences", [])):
            problems.append("%s: delegate client %s audiences %s" % (where, c["client_id"], c["audiences"]))
    for u in auth.get("upstreams", []):
        redirect = (u.get("oidc_config") or u.get("oauth2_config") or {}).get("redirect_uri", "")
        if ".svc.cluster.local" in redirect and not redirect.startswith(oidc.get("ResourceURL", "")):
            problems.append("%s: upstream %s redirect_uri %s" % (where, u["name"], redirect))
    redis = (auth.get("storage") or {}).get("redis_config") or {}
    if redis and redis.get("key_prefix") != "thv:auth:{%s:%s}:" % (ns, name):
        problems.append("%s: auth server Redis key_prefix %s" % (where, redis.get("key_prefix")))
    for addr in (redis.get("sentinel_config") or {}).get("sentinel_addrs", []):
        host = addr.split(":")[0].split(".")  # the tests' Sentinel Services are in the build
        exists("Service", host[1], host[0], where + " auth server sentinel_addrs")


def check_rbac_and_service(pod, ns, where):
    """A RoleBinding binds the pod's service account in its namespace to a Role in the build; a
    Service selects the pod."""
    sa = pod["spec"]["serviceAccountName"]
    bindings = [o for k, o in objects.items() if k[0] == "RoleBinding" and k[1] == ns and
                {"kind": "ServiceAccount", "name": sa, "namespace": ns} in o.get("subjects", [])]
    if not bindings:
        problems.append("%s: no RoleBinding binds ServiceAccount %s/%s" % (where, ns, sa))
    for b in bindings:
        exists("Role", ns, b["roleRef"]["name"], where + " RoleBinding roleRef")
    if not any(k[0] == "Service" and k[1] == ns and o["spec"]["selector"].items() <= pod["metadata"]["labels"].items()
               for k, o in objects.items()):
        problems.append("%s: no Service selects its pods" % where)


def check_remote_proxy(d, rc, name, ns, where):
    """Its runner's RoleBinding binds its service account to its Role; a Service selects it; the
    telemetry service name is its name (the tests' proxy sets none)."""
    service_name = (rc.get("telemetry_config") or {}).get("serviceName", name)
    if service_name != name:
        problems.append("%s: RunConfig telemetry serviceName %s" % (where, service_name))
    check_rbac_and_service(d["spec"]["template"], ns, where)


for d in docs:
    labels = d["metadata"].get("labels", {})
    if d["kind"] == "Deployment":
        for kind, ref, field in pod_references(d):
            if (kind, ref) not in outside:
                exists(kind, d["metadata"]["namespace"], ref,
                       "Deployment %s %s" % (d["metadata"]["name"], field))
    if d["kind"] == "Deployment" and labels.get("app.kubernetes.io/component") == "registry-api" and \
            "registry-server-config" in [v["name"] for v in d["spec"]["template"]["spec"]["volumes"]]:
        ns, where = d["metadata"]["namespace"], "registry Deployment %s" % d["metadata"]["name"]
        pod = d["spec"]["template"]
        sa = pod["spec"]["serviceAccountName"]
        check_rbac_and_service(pod, ns, where)
        config = [v["configMap"]["name"] for v in pod["spec"]["volumes"] if v["name"] == "registry-server-config"][0]
        cm = objects.get(("ConfigMap", ns, config))
        if cm:
            have = cm["metadata"]["annotations"]["toolhive.stacklok.dev/content-checksum"]
            if have != config_hash(cm["data"]["config.yaml"]):
                problems.append("%s: ConfigMap %s content-checksum %s, its content's is %s" % (
                    where, config, have, config_hash(cm["data"]["config.yaml"])))
        print("checked %s (config %s, service account %s)" % (where, config, sa))
    if d["kind"] == "StatefulSet":  # an EmbeddingServer's: its serviceName is its Service
        ns, service = d["metadata"]["namespace"], d["spec"]["serviceName"]
        where = "StatefulSet %s/%s" % (ns, d["metadata"]["name"])
        exists("Service", ns, service, where + " serviceName")
        svc = objects.get(("Service", ns, service))
        if svc and not svc["spec"]["selector"].items() <= d["spec"]["template"]["metadata"]["labels"].items():
            problems.append("%s: Service %s does not select its pods" % (where, service))
        print("checked %s (Service %s)" % (where, service))
    if d["kind"] != "Deployment" or labels.get("app.kubernetes.io/name") not in ("mcpserver", "mcpremoteproxy"):
        continue
    name, ns = d["metadata"]["name"], d["metadata"]["namespace"]
    where = "Deployment %s/%s" % (ns, name)
    pod = d["spec"]["template"]
    args = pod["spec"]["containers"][0]["args"]
    flags = dict(a.split("=", 1) for a in args if a.startswith("--") and "=" in a)
    # An MCPRemoteProxy's pod has no patch: its service account is the pod's.
    patch = json.loads(flags.get("--k8s-pod-patch", '{"spec": {}}'))
    patch["spec"].setdefault("serviceAccountName", pod["spec"].get("serviceAccountName"))
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
    for m in rc.get("middleware_configs") or []:
        inner = ((m.get("parameters") or {}).get("oidc_config") or {}).get("ResourceURL")
        if inner is not None and inner != resource:
            problems.append("%s: %s middleware ResourceURL %s, the RunConfig's %s" % (where, m["type"], inner, resource))
    check_auth_server(rc, name, ns, where)
    if labels["app.kubernetes.io/name"] == "mcpremoteproxy":
        check_remote_proxy(d, rc, name, ns, where)
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
