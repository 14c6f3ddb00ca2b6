#!/usr/bin/env bash
# `thv-render schema`: the JSON Schemas of both targets, in kubeconform's layout, checked with a
# JSON Schema validator (python3-jsonschema, draft-07 with format checks): every example of the
# target validates, the schema violations among testdata/bad/ are refused at their field, and
# the output directory is guarded as render --output-dir is.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
# Debian's python3 has python3-jsonschema (scripts/setup.sh); another python3 first on PATH may not.
py=python3
/usr/bin/python3 -c 'import jsonschema, yaml' 2>/dev/null && py=/usr/bin/python3
"$py" -c 'import jsonschema, yaml' || fail "python3-jsonschema and python3-yaml are required"
validate() { "$py" "$root/tests/schema_validate.py" "$@"; }

# Both targets: one file per kind and served version, kubeconform's names under the group.
"$bin" schema --operator-version 7002a239b --output-dir "$work/7002a239b" || fail "schema 7002a239b"
"$bin" schema --operator-version v0.44.0 --output-dir "$work/v0.44.0" || fail "schema v0.44.0"
(cd "$work/7002a239b" && find . -type f | sort) >"$work/list"
printf './toolhive.stacklok.dev/%s.json\n' mcpregistry_v1alpha1 mcpserver_v1alpha1 mcptoolconfig_v1alpha1 |
  diff - "$work/list" || fail "7002a239b: unexpected files"
for f in mcpserver_v1beta1 mcpserver_v1alpha1 mcptoolconfig_v1beta1 mcpoidcconfig_v1beta1 \
  mcpexternalauthconfig_v1beta1 mcpwebhookconfig_v1alpha1 mcpregistry_v1beta1; do
  [ -f "$work/v0.44.0/toolhive.stacklok.dev/$f.json" ] || fail "v0.44.0: no $f.json"
done
[ ! -e "$work/v0.44.0/toolhive.stacklok.dev/mcpwebhookconfig_v1beta1.json" ] ||
  fail "v0.44.0 serves MCPWebhookConfig at v1alpha1 only"
grep -q '"default": 8080' "$work/v0.44.0/toolhive.stacklok.dev/mcpserver_v1beta1.json" ||
  fail "defaults are missing"
grep -q '"x-kubernetes-validations"' "$work/v0.44.0/toolhive.stacklok.dev/mcpserver_v1beta1.json" ||
  fail "CEL rules are not passed through"
grep -q '"description": "MCPServer is the Schema for the mcpservers API' \
  "$work/v0.44.0/toolhive.stacklok.dev/mcpserver_v1beta1.json" || fail "descriptions are missing"
grep -q 'Deprecated: toolhive.stacklok.dev/v1alpha1' \
  "$work/v0.44.0/toolhive.stacklok.dev/mcpserver_v1alpha1.json" || fail "no deprecation note"
echo "ok: one schema per kind and served version, with defaults, descriptions and CEL rules"

# Every example of each target validates, except those its CRDs refuse (listed with the reason).
mapfile -t examples < <(cd "$root" && find testdata/examples/v0.44.0 testdata/servers/v0.44.0 -name '*.yaml' | sort)
(cd "$root" && validate "$work/v0.44.0" "${examples[@]}") >"$work/v044.out" && fail "no v0.44.0 example was refused"
cat >"$work/v044.want" <<'WANT'
testdata/examples/v0.44.0/embedding-servers/embedding-advanced.yaml#0: invalid: spec.resourceOverrides: Additional properties are not allowed ('deployment' was unexpected)
testdata/examples/v0.44.0/external-auth/complete_example.yaml#1: invalid: spec.tokenExchange: 'tokenUrl' is a required property
testdata/examples/v0.44.0/external-auth/mcpexternalauthconfig_basic.yaml#0: invalid: spec.tokenExchange: 'tokenUrl' is a required property
testdata/examples/v0.44.0/external-auth/mcpexternalauthconfig_minimal.yaml#0: invalid: spec.tokenExchange: 'tokenUrl' is a required property
testdata/examples/v0.44.0/virtual-mcps/composite_tool_complex.yaml#4: invalid: spec: Additional properties are not allowed ('failureMode' was unexpected)
testdata/examples/v0.44.0/virtual-mcps/composite_tool_simple.yaml#3: invalid: spec: Additional properties are not allowed ('failureMode' was unexpected)
testdata/examples/v0.44.0/virtual-mcps/composite_tool_with_elicitations.yaml#2: invalid: spec: Additional properties are not allowed ('failureMode' was unexpected)
WANT
# The snake_case external-auth examples lack the required tokenUrl (thv-render validate refuses
# them too); the others carry fields the CRDs do not have (the API server prunes them,
# kubectl apply's strict field validation refuses them, thv-render validate warns).
grep -v -e ': ok$' -e 'Additional properties.*client_id' -e 'onError: Additional' "$work/v044.out" | sort |
  diff "$work/v044.want" - || fail "v0.44.0 examples: unexpected verdicts"
ok=$(grep -c ': ok$' "$work/v044.out")
[ "$ok" -ge 100 ] || fail "only $ok v0.44.0 documents validated"
mapfile -t examples < <(cd "$root" && find testdata/examples/mcp-servers testdata/examples/mcp-registries testdata/examples/tool-configs testdata/servers/full -name '*.yaml' | sort)
(cd "$root" && validate "$work/7002a239b" "${examples[@]}") >"$work/7002.out" || fail "7002a239b examples: $(grep -v ': ok$' "$work/7002.out")"
ok=$(grep -c ': ok$' "$work/7002.out")
[ "$ok" -ge 15 ] || fail "only $ok 7002a239b documents validated"
echo "ok: every example validates ($(grep -c ': ok$' "$work/v044.out") v0.44.0, $ok 7002a239b documents), but those the CRDs refuse"

# MCPRegistry v1beta1 (configYAML): the tag's six examples and the full golden input validate
# against mcpregistry_v1beta1.json; the old source shape is not it.
(cd "$root" && validate "$work/v0.44.0" testdata/examples/v0.44.0/mcp-registries/*.yaml \
  testdata/registries/v0.44.0/full.yaml) >"$work/reg.out" || fail "MCPRegistry v1beta1: $(grep -v ': ok$' "$work/reg.out")"
[ "$(grep -c ': ok$' "$work/reg.out")" = 7 ] || fail "MCPRegistry v1beta1: not 7 documents: $(cat "$work/reg.out")"
grep -q '"configYAML"' "$work/v0.44.0/toolhive.stacklok.dev/mcpregistry_v1beta1.json" ||
  fail "mcpregistry_v1beta1.json lacks configYAML"
echo "ok: MCPRegistry v1beta1: the 6 configYAML examples and a registry using every field validate"

# The schema violations among testdata/bad/ are refused at their field. CEL rules are not JSON
# Schema: a case only a rule refuses passes (validate checks rules).
count=0
while IFS=$'\t' read -r name field; do
  version=7002a239b
  grep -q '^# flags: .*--operator-version v0.44.0' "$root/testdata/bad/$name" && version=v0.44.0
  if validate "$work/$version" "$root/testdata/bad/$name" >"$work/bad.out"; then
    fail "$name: the $version schema accepts it"
  fi
  grep -qF "invalid: $field:" "$work/bad.out" || fail "$name: not refused at $field: $(cat "$work/bad.out")"
  count=$((count + 1))
done <<'CASES'
args-not-list.yaml	spec.args
audit-not-bool.yaml	spec.audit.enabled
authz-inline-no-policies.yaml	spec.authzConfig.inline.policies
bad-proxymode.yaml	spec.proxyMode
bad-transport.yaml	spec.transport
cel-blocked-by-schema-error.yaml	spec.transport
env-missing-value.yaml	spec.env.0
env-wrong-type.yaml	spec.env.0.value
image-not-string.yaml	spec.image
label-not-string.yaml	metadata.labels.team
missing-image.yaml	spec
oidc-bad-type.yaml	spec.oidcConfig.type
permission-profile-bad-type.yaml	spec.permissionProfile.type
pod-template-bad-container.yaml	spec.podTemplateSpec.spec.containers.0
pod-template-not-object.yaml	spec.podTemplateSpec
port-float.yaml	spec.port
port-string.yaml	spec.port
port-too-big.yaml	spec.port
port-zero.yaml	spec.port
registry-bad-interval.yaml	spec.syncPolicy.interval
registry-bad-source-type.yaml	spec.source.type
registry-bad-timeout.yaml	spec.source.url.timeout
registry-git-bad-repo.yaml	spec.source.git.repository
registry-missing-source.yaml	spec
secret-missing-key.yaml	spec.secrets.0
targetport-negative.yaml	spec.targetPort
unknown-field-strict.yaml	spec
v0.44.0-mcpregistry-configyaml-empty.yaml	spec.configYAML
v0.44.0-mcpregistry-configyaml-missing.yaml	spec
v0.44.0-mcpregistry-source.yaml	spec
v0.44.0-renamed-fields.yaml	spec
v0.44.0-webhook-url-format.yaml	spec.validating.0.timeout
v0.44.0-webhook-url-format.yaml	spec.validating.0.url
volume-missing-mountpath.yaml	spec.volumes.0
CASES
validate "$work/v0.44.0" "$root/testdata/bad/cel-mcpserver-s1-authz-exclusive.yaml" >/dev/null ||
  fail "a case only a CEL rule refuses failed the schema"
echo "ok: $count schema violations among testdata/bad refused at their field; CEL rules left to validate"

# The output directory: replaced when it holds an earlier schema output, refused (exit 2,
# untouched) when it holds anything else or is not a directory.
"$bin" schema --operator-version 7002a239b --output-dir "$work/v0.44.0" || fail "rewriting an earlier output"
[ ! -e "$work/v0.44.0/toolhive.stacklok.dev/mcpoidcconfig_v1beta1.json" ] || fail "stale schemas kept"
mkdir -p "$work/mine" && echo keep >"$work/mine/notes.txt"
set +e
"$bin" schema --output-dir "$work/mine" 2>"$work/err"
code=$?
"$bin" schema --output-dir "$work/mine/notes.txt" 2>/dev/null
code2=$?
"$bin" schema 2>/dev/null
code3=$?
set -e
[ "$code" = 2 ] && grep -q "holds files thv-render did not write (notes.txt)" "$work/err" ||
  fail "a foreign directory: exit $code, $(cat "$work/err")"
[ "$(cat "$work/mine/notes.txt")" = keep ] && [ "$(ls "$work/mine")" = notes.txt ] || fail "the foreign directory changed"
[ "$code2" = 2 ] && [ "$code3" = 2 ] || fail "a file as --output-dir, or none: exit $code2, $code3"
echo "ok: --output-dir replaces only an earlier schema output"
