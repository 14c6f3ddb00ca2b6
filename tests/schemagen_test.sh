#!/usr/bin/env bash
# schemagen fails the build on an x-kubernetes-validations rule the CEL evaluator cannot run,
# naming the CRD file, the kind and node path, the rule and the evaluator's error; the same CRD
# with a rule inside the subset compiles, and its rule reaches the generated table.
set -uo pipefail
source "$(dirname "$0")/lib.sh"  # bin: schemagen
failures=0
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
crd() {  # crd RULE > file
  cat <<YAML
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.example.com}
spec:
  group: example.com
  names: {kind: Widget, plural: widgets}
  scope: Namespaced
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            properties:
              parts:
                type: array
                items:
                  type: object
                  x-kubernetes-validations:
                  - rule: $1
                    message: tags are not empty
                  properties:
                    tags: {type: array, items: {type: string}}
YAML
}
crd "'self.tags.map(t, t.size()).all(n, n > 0)'" >"$work/bad.yaml"
"$bin" --namespace t "$work/bad.cc" "$work/bad.yaml" 2>"$work/err"
code=$?
want="schemagen: $work/bad.yaml: Widget.spec.parts[]: x-kubernetes-validations rule \"self.tags.map(t, t.size()).all(n, n > 0)\": column 11: unsupported function 'map'"
[ "$code" = 1 ] || fail "bad rule: exit $code, want 1"
[ "$(cat "$work/err")" = "$want" ] || fail "bad rule: stderr '$(cat "$work/err")', want '$want'"
[ ! -e "$work/bad.cc" ] || fail "bad rule: wrote an output"

crd "'!has(self.tags) || self.tags.all(t, size(t) > 0)'" >"$work/good.yaml"
"$bin" --namespace t "$work/good.cc" "$work/good.yaml" 2>"$work/err" || fail "good rule: exit $?: $(cat "$work/err")"
grep -qF '{"!has(self.tags) || self.tags.all(t, size(t) > 0)", "tags are not empty"}' "$work/good.cc" ||
  fail "good rule: not in the generated table"
[ "$failures" = 0 ] && echo "schemagen: bad rule refused, good rule kept"
[ "$failures" = 0 ]
