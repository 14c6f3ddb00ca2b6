#!/usr/bin/env python3
"""Synthetic inputs for the benchmarks.
  gen.py servers N OUT.yaml        N MCPServers of mixed transports (args, env, secrets,
                                   permission profiles, tools, resources; every 5th references
                                   a ConfigMap permission profile, every 7th an MCPToolConfig),
                                   toolhive.stacklok.dev/v1alpha1 as operator 7002a239b reads it
  gen.py servers-v1beta1 N OUT.yaml  the same mix as v0.44.0 reads it (v1beta1, proxyPort/mcpPort;
                                   tools through MCPToolConfigs: every 7th its own, the others a
                                   shared one per namespace; every 5th the builtin none profile,
                                   as v0.44.0 refuses ConfigMap profiles)
  gen.py servers-v1beta1-cel N OUT.yaml  that mix plus what the v0.44.0 CRDs' CEL rules look at:
                                   every 4th rate-limited per user and per tool, with Redis
                                   session storage and an MCPOIDCConfig; every 6th with inline
                                   authorization (bench/README.md: the cost of the rules)
  gen.py registry N OUT.json       a ToolHive registry with N servers and realistic tags
  gen.py upstream N OUT.json       the same registry in the upstream (server.json) format
"""
import json
import random
import sys

TAGS = ["api", "files", "search", "database", "github", "cloud", "security", "ai", "monitoring",
        "kubernetes", "productivity", "communication", "data", "devops", "web"]


def servers(n, v1beta1=False, cel=False):
    """The mix as 7002a239b reads it (v1alpha1), or as v0.44.0 does (v1beta1); cel: with the
    fields the v0.44.0 CRDs' CEL rules look at."""
    rng = random.Random(42)
    api = "toolhive.stacklok.dev/" + ("v1beta1" if v1beta1 else "v1alpha1")
    docs = []
    if cel:
        for t in range(20):
            docs.append("\n".join([
                f"apiVersion: {api}", "kind: MCPOIDCConfig",
                f"metadata: {{name: idp, namespace: team-{t}}}",
                "spec: {type: inline, inline: {issuer: 'https://idp.example.com', clientId: mcp}}"]))
    if v1beta1:  # spec.tools became MCPToolConfigs: one shared per namespace
        for t in range(20):
            docs.append("\n".join([
                f"apiVersion: {api}", "kind: MCPToolConfig",
                f"metadata: {{name: tools, namespace: team-{t}}}",
                "spec: {toolsFilter: [read_file, write_file, search]}"]))
    for i in range(n):
        transport = ("stdio", "sse", "streamable-http")[i % 3]
        ns = f"team-{i % 20}"
        lines = [
            f"apiVersion: {api}", "kind: MCPServer",
            f"metadata: {{name: server-{i}, namespace: {ns}}}", "spec:",
            f"  image: ghcr.io/example/server-{i}:{rng.randint(1, 9)}.{rng.randint(0, 20)}.0",
            f"  transport: {transport}",
        ]
        if transport != "stdio":
            lines.append("  mcpPort: 8000" if v1beta1 else "  targetPort: 8000")
        lines += [
            '  args: ["--log-level", "info", "--root", "/data"]',
            '  env: [{name: LOG_LEVEL, value: info}, {name: REGION, value: eu-west-1}]',
            f"  secrets: [{{name: server-{i}-secrets, key: token, targetEnvName: API_TOKEN}}]",
        ]
        if not v1beta1:
            lines.append("  tools: [read_file, write_file, search]")
        lines.append(
            "  resources: {limits: {cpu: 500m, memory: 512Mi}, requests: {cpu: 100m, memory: 128Mi}}")
        if i % 5 == 0 and v1beta1:  # v0.44.0 refuses ConfigMap profiles
            lines.append("  permissionProfile: {type: builtin, name: none}")
        elif i % 5 == 0:
            lines.append(f"  permissionProfile: {{type: configmap, name: profile-{i}, key: profile.json}}")
            docs.append("\n".join([
                "apiVersion: v1", "kind: ConfigMap", f"metadata: {{name: profile-{i}, namespace: {ns}}}",
                "data:", '  profile.json: \'{"name": "custom", "network": {"outbound": {"allow_host": [".example.com"], "allow_port": [443]}}}\''
            ]))
        else:
            lines.append("  permissionProfile: {type: builtin, name: network}")
        if i % 7 == 0:
            lines.append(f"  toolConfigRef: {{name: tools-{i}}}")
            docs.append("\n".join([
                f"apiVersion: {api}", "kind: MCPToolConfig",
                f"metadata: {{name: tools-{i}, namespace: {ns}}}",
                "spec: {toolsFilter: [read_file, search], toolsOverride: {search: {description: Search}}}"
            ]))
        elif v1beta1:
            lines.append("  toolConfigRef: {name: tools}")
        if cel and i % 4 == 0:
            lines += [
                f"  oidcConfigRef: {{name: idp, audience: server-{i}}}",
                "  sessionStorage: {provider: redis, address: 'redis:6379'}",
                "  rateLimiting:",
                "    perUser: {maxTokens: 100, refillPeriod: 1m}",
                "    tools:",
                "      - {name: search, perUser: {maxTokens: 10, refillPeriod: 1m}}",
                "      - {name: write_file, shared: {maxTokens: 50, refillPeriod: 1m}}",
            ]
        if cel and i % 6 == 0:
            lines.append("  authzConfig: {type: inline, inline: {policies: ['permit(principal, action, resource);']}}")
        docs.append("\n".join(lines))
    return "\n---\n".join(docs) + "\n"


def registry(n):
    rng = random.Random(7)
    out = {"$schema": "https://raw.githubusercontent.com/stacklok/toolhive/main/pkg/registry/data/schema.json",
           "version": "1.0.0", "last_updated": "2025-09-19T00:00:00Z", "servers": {}, "remote_servers": {}}
    for i in range(n):
        name = f"server-{i:05d}"
        entry = {
            "description": f"Synthetic MCP server number {i} for benchmarks",
            "tier": rng.choice(["Official", "Community"]), "status": "Active",
            "transport": rng.choice(["stdio", "sse", "streamable-http"]),
            "tools": [f"tool_{j}" for j in range(rng.randint(1, 8))],
            "metadata": {"stars": rng.randint(0, 5000), "pulls": rng.randint(0, 100000),
                         "last_updated": "2025-09-01T00:00:00Z"},
            "repository_url": f"https://github.com/example/server-{i}",
            "tags": sorted(rng.sample(TAGS, rng.randint(1, 4))),
        }
        if i % 10 == 9:
            entry["transport"] = rng.choice(["sse", "streamable-http"])
            entry["url"] = f"https://mcp.example.com/{name}"
            out["remote_servers"][name] = entry
        else:
            entry["image"] = f"ghcr.io/example/{name}:1.0.{i % 10}"
            entry["permissions"] = {"network": {"outbound": {"allow_host": [".example.com"], "allow_port": [443]}}}
            entry["env_vars"] = [{"name": "API_KEY", "description": "Key for the API", "required": True, "secret": True}]
            out["servers"][name] = entry
    return out


def upstream(n):
    reg = registry(n)
    docs = []
    for kind in ("servers", "remote_servers"):
        for name, s in reg[kind].items():
            server = {"name": name, "description": s["description"], "status": "active",
                      "repository": {"url": s["repository_url"], "source": "github"},
                      "version_detail": {"version": "1.0.0"}}
            ext = {k: s[k] for k in ("tier", "transport", "tools", "metadata", "tags")}
            if kind == "servers":
                image, tag = s["image"].rsplit(":", 1)
                server["packages"] = [{"registry_name": "docker", "name": image, "version": tag}]
                ext["permissions"] = s["permissions"]
            else:
                server["remotes"] = [{"transport_type": "sse", "url": s["url"]}]
            docs.append({"server": server, "x-publisher": {"x-dev.toolhive": ext}})
    return docs


kind, n, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with open(path, "w") as f:
    if kind == "servers":
        f.write(servers(n))
    elif kind in ("servers-v1beta1", "servers-v1beta1-cel"):
        f.write(servers(n, v1beta1=True, cel=kind.endswith("-cel")))
    else:
        json.dump(registry(n) if kind == "registry" else upstream(n), f, indent=2)
