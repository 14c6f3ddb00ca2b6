#!/usr/bin/env bash
# Proves the Kubernetes model validator accepts valid objects and rejects each kind of mistake.
set -euo pipefail
dir=$(cd "$(dirname "$0")" && pwd)
validate="node $dir/k8s_validate/validate.mjs"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cat >"$work/good.yaml" <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata: {name: d, namespace: n, labels: {app: a}}
spec:
  replicas: 1
  selector: {matchLabels: {app: a}}
  template:
    metadata: {labels: {app: a}}
    spec:
      containers:
      - name: c
        image: i
        ports: [{name: http, containerPort: 8080, protocol: TCP}]
        resources: {limits: {cpu: 100m, memory: 1Gi}}
        livenessProbe: {httpGet: {path: /health, port: http}}
---
apiVersion: v1
kind: Service
metadata: {name: s}
spec: {ports: [{name: http, port: 80, targetPort: 8080}], selector: {app: a}}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: c}
data: {a.json: "{}"}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: sa}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: r}
rules: [{apiGroups: [""], resources: [pods], verbs: [get]}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: rb}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: r}
subjects: [{kind: ServiceAccount, name: sa, namespace: n}]
YAML
$validate "$work/good.yaml" | grep -q "validated 6 objects" || { echo "FAIL: valid objects rejected"; exit 1; }

expect_invalid() {
  local name=$1
  if $validate "$work/$name.yaml" >"$work/$name.out" 2>&1; then
    echo "FAIL: $name accepted"; exit 1
  fi
  grep -q "$2" "$work/$name.out" || { echo "FAIL: $name: $(cat "$work/$name.out")"; exit 1; }
}
sed 's/replicas: 1/replicas: "one"/' "$work/good.yaml" >"$work/replicas.yaml"
expect_invalid replicas "Deployment n/d"
sed 's/      - name: c/      - nam: c/' "$work/good.yaml" >"$work/noname.yaml"
expect_invalid noname "Deployment n/d"
sed 's/port: 80,/port: "http",/' "$work/good.yaml" >"$work/port.yaml"
expect_invalid port "Service s"
sed 's/selector: {app: a}}/selectr: {app: a}}/' "$work/good.yaml" >"$work/typo.yaml"
expect_invalid typo 'unknown field "spec.selectr"'
sed 's/image: i/image: i\n        imagePullPolicyy: Always/' "$work/good.yaml" >"$work/deep.yaml"
expect_invalid deep 'unknown field "spec.template.spec.containers\[0\].imagePullPolicyy"'
printf 'apiVersion: toolhive.stacklok.dev/v1alpha1\nkind: MCPServer\nmetadata: {name: x}\n' >"$work/crd.yaml"
expect_invalid crd "no model"
$validate --allow-unknown "$work/crd.yaml" >/dev/null || { echo "FAIL: --allow-unknown"; exit 1; }
echo "ok: validator accepts valid objects and rejects 6 kinds of mistakes"
