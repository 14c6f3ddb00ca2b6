// The object validator against the API server's rules (Kubernetes 1.34): each case an object
// kubectl apply would refuse, or one it accepts.
#include "render/validate_object.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/testing.h"
#include "core/yaml_reader.h"

namespace thv {

namespace {

std::vector<FieldError> Errors(const std::string& yaml) {
  std::vector<FieldError> errors;
  ValidateObject(ReadYamlValue(yaml), &errors);
  return errors;
}

// "path: detail" of each error, one per line, as kubectl prints them.
std::string Describe(const std::vector<FieldError>& errors) {
  std::string out;
  for (const FieldError& e : errors) out += (e.path.empty() ? "" : e.path + ": ") + e.detail + "\n";
  return out;
}

bool Has(const std::vector<FieldError>& errors, const std::string& text) {
  return Describe(errors).find(text) != std::string::npos;
}

const char kDeployment[] = R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: ns, labels: {app: web}}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web, tier: front}}
    spec:
      volumes: [{name: data, emptyDir: {}}]
      containers:
      - name: web
        image: ghcr.io/example/web:1.0
        ports: [{name: http, containerPort: 8080, protocol: TCP}]
        env: [{name: A, value: b}, {name: S, valueFrom: {secretKeyRef: {name: creds, key: token}}}]
        volumeMounts: [{name: data, mountPath: /data}]
        resources: {limits: {cpu: "1", memory: 1Gi}, requests: {cpu: 500m, memory: 512Mi}}
)";

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, from);
  return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("valid objects pass") {
  CHECK(Describe(Errors(kDeployment)) == "");
  CHECK(Describe(Errors("apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n"
                        "  ports: [{port: 80, targetPort: http}]\n  selector: {app: web}\n")) ==
        "");
  CHECK(Describe(Errors("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c.d}\n"
                        "data: {a.json: '{}', .hidden: x}\nbinaryData: {b: aGk=}\n")) == "");
  CHECK(Describe(Errors("apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\n"
                        "metadata: {name: 'system:Aggregate_To:view', namespace: Ignored.NS}\n")) ==
        "");
  CHECK(Describe(Errors("apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n"
                        "  annotations: {Example.COM/Key: v}\n")) == "");
}

TEST_CASE("names follow each kind's rule") {
  auto name_error = [](const char* api, const char* kind, const char* name) {
    return Describe(Errors(std::string("apiVersion: ") + api + "\nkind: " + kind +
                           "\nmetadata: {name: '" + name + "'}\n"));
  };
  CHECK(name_error("v1", "ServiceAccount", "1sa") == "");
  CHECK(name_error("v1", "Service", "1reg-api")
            .rfind("metadata.name: Invalid value: \"1reg-api\": a DNS-1035 label must consist",
                   0) == 0);
  CHECK(name_error("v1", "Service", ("mcp-" + std::string(60, 'a') + "-proxy").c_str())
            .rfind("metadata.name: Invalid value: \"mcp-" + std::string(60, 'a') +
                       "-proxy\": must be no more than 63 characters\n",
                   0) == 0);
  CHECK(name_error("v1", "Namespace", "a.b") ==
        "metadata.name: Invalid value: \"a.b\": must not contain dots\n");
  CHECK(name_error("rbac.authorization.k8s.io/v1", "RoleBinding", "a/b") ==
        "metadata.name: Invalid value: \"a/b\": may not contain '/'\n");
  CHECK(name_error("v1", "ConfigMap", "Bad_Name") != "");
  CHECK(name_error("example.com/v1", "Service", "a.b") == "");  // not the core Service
  CHECK(Has(Errors("apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: " + std::string(53, 'c') +
                   "}\n"),
            "metadata.name: Invalid value: \"" + std::string(53, 'c') +
                "\": must be no more than 52 characters\n"));
  CHECK(Describe(Errors("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: A}\n")) ==
        "metadata.namespace: Invalid value: \"A\": a lowercase RFC 1123 label must consist of "
        "lower case alphanumeric characters or '-', and must start and end with an alphanumeric "
        "character (e.g. 'my-name', or '123-abc', regex used for validation is "
        "'[a-z0-9]([-a-z0-9]*[a-z0-9])?')\n");
}

TEST_CASE("labels and annotations") {
  std::vector<FieldError> e = Errors(
      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels: {'bad key': v, ok: " +
      std::string(64, 'v') + ", n: 3}\n  annotations: {a/b/c: x}\n");
  CHECK(Has(e,
            "metadata.labels: Invalid value: \"bad key\": name part must consist of alphanumeric"));
  CHECK(Has(e, "metadata.labels: Invalid value: \"" + std::string(64, 'v') +
                   "\": must be no more than 63 characters"));
  CHECK(Has(e, "metadata.labels: Invalid value: 3: the labels cannot be decoded"));
  CHECK(Has(e, "metadata.annotations: Invalid value: \"a/b/c\": a qualified name must consist"));
  REQUIRE(e.size() == 4);
  CHECK(e[0].mark.line == 5);  // the key's position
  CHECK(e[0].bad_value == "bad key");

  std::vector<FieldError> big = Errors(
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n"
      "  annotations: {k: " +
      std::string(262144, 'x') + "}\n");
  CHECK(Has(big, "metadata.annotations: Too long: may not be more than 262144 bytes"));
  CHECK(big.front().kind == FieldError::Kind::kTooLarge);
}

TEST_CASE("containers") {
  std::string yaml =
      Replace(kDeployment, "      - name: web\n        image: ghcr.io/example/web:1.0",
              "      - name: web\n        image: --help\n      - name: web");
  std::vector<FieldError> e = Errors(yaml);
  CHECK(Has(e,
            "spec.template.spec.containers[0].image: Invalid value: \"--help\": invalid "
            "reference format"));
  CHECK(e[0].kind == FieldError::Kind::kNeverRuns);
  CHECK(Has(e, "spec.template.spec.containers[1].name: Duplicate value: \"web\""));
  CHECK(Has(e, "spec.template.spec.containers[1].image: Required value"));

  e = Errors(Replace(kDeployment, "name: A, value: b", "name: 'A=B', value: b"));
  CHECK(Describe(e) ==
        "spec.template.spec.containers[0].env[0].name: Invalid value: \"A=B\": a valid "
        "environment variable name must consist only of printable ASCII characters other than "
        "'='\n");
  e = Errors(Replace(kDeployment, "name: A, value: b", "name: '', value: b"));
  CHECK(Describe(e) == "spec.template.spec.containers[0].env[0].name: Required value\n");
  // kDeployment with `from` replaced by `to`, and errors it must report (among others).
  const struct {
    const char* from;
    const char* to;
    std::vector<std::string> errors;
  } kEdits[] = {
      {"{name: creds, key: token}",
       "{name: Creds_1}",
       {"env[1].valueFrom.secretKeyRef.name: Invalid value: \"Creds_1\": a lowercase RFC "
        "1123 subdomain",
        "env[1].valueFrom.secretKeyRef.key: Required value"}},
      {"key: token}",
       "key: 'a b'}",
       {"secretKeyRef.key: Invalid value: \"a b\": a valid config key"}},
      {"{name: S, valueFrom:",
       "{name: S, value: x, valueFrom:",
       {"env[1].valueFrom: Invalid value: \"\": may not be specified when `value` is not "
        "empty"}},
      {"{secretKeyRef: {name: creds, key: token}}",
       "{}",
       {"env[1].valueFrom: Invalid value: \"\": must specify one of: `fieldRef`"}},
      {"containerPort: 8080, protocol: TCP",
       "containerPort: 70000, protocol: tcp",
       {"ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, "
        "inclusive",
        "ports[0].protocol: Unsupported value: \"tcp\": supported values: \"SCTP\", "
        "\"TCP\", \"UDP\""}},
      {"[{name: http, containerPort: 8080, protocol: TCP}]",
       "[{name: http, containerPort: 1}, {name: http, containerPort: 2}, "
       "{name: HTTP, containerPort: 3}, {containerPort: 0}]",
       {"ports[1].name: Duplicate value: \"http\"",
        "ports[2].name: Invalid value: \"HTTP\": must contain only alpha-numeric",
        "ports[3].containerPort: Required value"}},
      {"[{name: data, mountPath: /data}]",
       "[{name: cache, mountPath: /data}, {name: data, mountPath: /data}]",
       {"volumeMounts[0].name: Not found: \"cache\"",
        "volumeMounts[1].mountPath: Invalid value: \"/data\": must be unique"}},
      {"[{name: data, emptyDir: {}}]",
       "[{name: data, emptyDir: {}}, {name: data, emptyDir: {}}, {name: Data}]",
       {"spec.template.spec.volumes[1].name: Duplicate value: \"data\"",
        "spec.template.spec.volumes[2].name: Invalid value: \"Data\""}},
      {"      containers:",
       "      initContainers: []\n      c:",
       {"spec.template.spec.containers: Required value"}},
      {"      volumes:",
       "      serviceAccountName: Runner\n      nodeSelector: {'a b': c}\n"
       "      hostname: a.b\n      volumes:",
       {"spec.template.spec.serviceAccountName: Invalid value: \"Runner\"",
        "spec.template.spec.nodeSelector: Invalid value: \"a b\"",
        "spec.template.spec.hostname: Invalid value: \"a.b\": must not contain dots"}},
  };
  for (const auto& edit : kEdits) {
    CAPTURE(edit.to);
    e = Errors(Replace(kDeployment, edit.from, edit.to));
    for (const std::string& want : edit.errors) CHECK(Has(e, want));
  }
}

TEST_CASE("resource quantities") {
  auto resources = [](const std::string& text) {
    return Errors(
        Replace(kDeployment,
                "{limits: {cpu: \"1\", memory: 1Gi}, requests: {cpu: 500m, memory: 512Mi}}", text));
  };
  CHECK(Describe(resources("{limits: {cpu: '1'}, requests: {cpu: '2'}}")) ==
        "spec.template.spec.containers[0].resources.requests: Invalid value: \"2\": must be less "
        "than or equal to cpu limit of 1\n");
  CHECK(Describe(resources("{limits: {memory: 1Gi}, requests: {memory: 1025Mi}}")) ==
        "spec.template.spec.containers[0].resources.requests: Invalid value: \"1025Mi\": must be "
        "less than or equal to memory limit of 1Gi\n");
  CHECK(Describe(resources("{limits: {cpu: 1000m}, requests: {cpu: '1'}}")) == "");
  CHECK(Describe(resources("{limits: {cpu: -500m}}")) ==
        "spec.template.spec.containers[0].resources.limits[cpu]: Invalid value: \"-500m\": must "
        "be greater than or equal to 0\n");
  CHECK(Has(resources("{requests: {memory: lots}}"),
            "resources.requests[memory]: Invalid value: \"lots\": quantities must match"));
  CHECK(Has(resources("{requests: {gpu: '1'}}"),
            "resources.requests[gpu]: Invalid value: \"gpu\": must be a standard resource for "
            "containers"));
  CHECK(Has(resources("{limits: {example.com/gpu: '2'}, requests: {example.com/gpu: '1'}}"),
            "resources.requests: Invalid value: \"1\": must be equal to example.com/gpu limit of "
            "2"));
  CHECK(Has(resources("{requests: {example.com/gpu: '1'}}"),
            "resources.limits: Required value: Limit must be set for non overcommitable"));
}

TEST_CASE("workload selectors select their template") {
  CHECK(Describe(
            Errors(Replace(kDeployment, "matchLabels: {app: web}", "matchLabels: {app: api}"))) ==
        "spec.template.metadata.labels: Invalid value: {\"app\":\"web\",\"tier\":\"front\"}: "
        "`selector` does not match template `labels`\n");
  CHECK(Describe(Errors(Replace(kDeployment, "{matchLabels: {app: web}}", "{}"))) ==
        "spec.selector: Invalid value: {}: empty selector is invalid for deployment\n");
  CHECK(Describe(Errors(Replace(kDeployment, "  selector: {matchLabels: {app: web}}\n", ""))) ==
        "spec.selector: Required value\n");
  CHECK(Describe(Errors(Replace(
            kDeployment, "{matchLabels: {app: web}}",
            "{matchExpressions: [{key: tier, operator: In, values: [front]}, {key: x, operator: "
            "DoesNotExist}]}"))) == "");
  CHECK(Has(Errors(Replace(kDeployment, "{matchLabels: {app: web}}",
                           "{matchExpressions: [{key: tier, operator: NotIn, values: [front]}]}")),
            "`selector` does not match template `labels`"));
  CHECK(Has(Errors(Replace(Replace(kDeployment, "kind: Deployment", "kind: StatefulSet"),
                           "{matchLabels: {app: web}}", "{}")),
            "empty selector is not valid for statefulset."));
}

TEST_CASE("a StatefulSet's pods mount its volumeClaimTemplates by name") {
  const std::string sts =
      Replace(Replace(kDeployment, "kind: Deployment", "kind: StatefulSet"),
              "volumeMounts: [{name: data, mountPath: /data}]",
              "volumeMounts: [{name: data, mountPath: /data}, {name: claim, mountPath: /c}]");
  CHECK(Describe(Errors(sts)) ==
        "spec.template.spec.containers[0].volumeMounts[1].name: Not found: \"claim\"\n");
  CHECK(Describe(Errors(sts + "  volumeClaimTemplates: [{metadata: {name: claim}}]\n")) == "");
  // Only a StatefulSet has them.
  CHECK(Has(Errors(Replace(sts, "kind: StatefulSet", "kind: Deployment") +
                   "  volumeClaimTemplates: [{metadata: {name: claim}}]\n"),
            "Not found: \"claim\""));
}

TEST_CASE("services") {
  auto service = [](const std::string& spec) {
    return Describe(Errors("apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: " + spec));
  };
  const Case kCases[] = {
      {"{selector: {app: a}}", "spec.ports: Required value\n"},
      {"{clusterIP: None}", ""},
      {"{ports: [{port: 80}, {port: 81}]}",
       "spec.ports[0].name: Required value\nspec.ports[1].name: Required value\n"},
      {"{ports: [{name: a, port: 0}]}",
       "spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive\n"},
      {"{ports: [{name: a, port: 1}, {name: a, port: 2}]}",
       "spec.ports[1].name: Duplicate value: \"a\"\n"},
      {"{ports: [{port: 1, targetPort: 99999}]}",
       "spec.ports[0].targetPort: Invalid value: 99999: must be between 1 and 65535, inclusive\n"},
  };
  CheckCases(service, kCases);
  CHECK(service("{ports: [{port: 1}], selector: {'a b': c}}")
            .rfind("spec.selector: Invalid value: \"a b\"", 0) == 0);
}

TEST_CASE("ConfigMaps and Secrets") {
  auto config_map = [](const std::string& rest) {
    return Errors("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n" + rest);
  };
  std::vector<FieldError> e =
      config_map("data:\n  'a b': x\n  count: 3\n  flag: true\n  n: null\n");
  CHECK(Has(e,
            "data[a b]: Invalid value: \"a b\": a valid config key must consist of "
            "alphanumeric characters"));
  CHECK(Has(e,
            "data[count]: Invalid value: 3: the ConfigMap cannot be decoded: json: cannot "
            "unmarshal number into a string (quote the value)"));
  CHECK(Has(e,
            "data[flag]: Invalid value: true: the ConfigMap cannot be decoded: json: cannot "
            "unmarshal bool"));
  CHECK(e.size() == 3);
  CHECK(e[1].mark.line == 6);
  CHECK(Describe(config_map("data: [a, b]\n")) ==
        "data: Invalid value: array: the ConfigMap cannot be decoded: json: cannot unmarshal array "
        "into a map of strings\n");
  CHECK(Has(config_map("data: {x: a}\nbinaryData: {x: aGk=}\n"),
            "data[x]: Invalid value: \"x\": duplicate of key present in binaryData"));

  // The API server counts value bytes (binaryData decoded), not keys: 1 MiB exactly passes.
  CHECK(config_map("data: {k: " + std::string(1048576, 'x') + "}\n").empty());
  e = config_map("data: {k: " + std::string(1048000, 'x') +
                 "}\nbinaryData: {b: " + std::string(800, 'A') + "}\n");
  CHECK(Describe(e) ==
        "data: Too long: may not be more than 1048576 bytes (its data is 1048600 "
        "bytes)\n");
  CHECK(e[0].kind == FieldError::Kind::kTooLarge);

  auto secret = [](const std::string& rest) {
    return Describe(Errors("apiVersion: v1\nkind: Secret\nmetadata: {name: s}\n" + rest));
  };
  // 1048576 bytes in base64, and one more.
  CHECK(secret("data: {token: " + std::string(1398102, 'A') + "==}\n") == "");
  CHECK(secret("data: {token: " + std::string(1398104, 'A') + "}\n") ==
        "data: Too long: may not be more than 1048576 bytes (its data is 1048578 bytes)\n");
  CHECK(secret("stringData: {'..x': z}\n") ==
        "stringData[..x]: Invalid value: \"..x\": must not start with '..'\n");
  CHECK(secret("stringData: {a: " + std::string(1048577, 'y') + "}\n") ==
        "data: Too long: may not be more than 1048576 bytes (its data is 1048577 bytes)\n");
}

TEST_CASE("objects beyond etcd's request limit") {
  const std::string big(kEtcdRequestLimit, 'x');
  std::vector<FieldError> e = Errors(
      "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {blob: " + big + "}\n");
  REQUIRE(e.size() == 1);
  CHECK(e[0].kind == FieldError::Kind::kTooLarge);
  CHECK(e[0].path == "");
  CHECK(e[0].detail ==
        "Too large: 1572954 bytes as JSON, over etcd's default request limit of "
        "1572864 bytes (1.5 MiB), so the API server cannot store it");
  CHECK(Errors("apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {blob: " +
               std::string(kEtcdRequestLimit - 100, 'x') + "}\n")
            .empty());
}

TEST_CASE("pod template patches are checked for what they decide alone") {
  Value tmpl = ReadYamlValue(R"(spec:
  volumes: [{name: Bad}]
  containers:
  - name: mcp
    env: [{name: 'X=1', value: v}, {name: S, valueFrom: {secretKeyRef: {name: Creds, key: k}}}]
    volumeMounts: [{name: from-base, mountPath: /x}]
    resources: {limits: {cpu: 100m}, requests: {cpu: 200m}}
  - name: sidecar
)");
  std::vector<FieldError> e;
  ValidatePodTemplatePatch(tmpl, "spec.podTemplateSpec", &e);
  CHECK(Describe(e) ==
        "spec.podTemplateSpec.spec.volumes[0].name: Invalid value: \"Bad\": a lowercase RFC 1123 "
        "label must consist of lower case alphanumeric characters or '-', and must start and end "
        "with an alphanumeric character (e.g. 'my-name', or '123-abc', regex used for validation "
        "is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')\n"
        "spec.podTemplateSpec.spec.containers[0].env[0].name: Invalid value: \"X=1\": a valid "
        "environment variable name must consist only of printable ASCII characters other than "
        "'='\n"
        "spec.podTemplateSpec.spec.containers[0].env[1].valueFrom.secretKeyRef.name: Invalid "
        "value: \"Creds\": a lowercase RFC 1123 subdomain must consist of lower case "
        "alphanumeric characters, '-' or '.', and must start and end with an alphanumeric "
        "character (e.g. 'example.com', regex used for validation is "
        "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')\n"
        "spec.podTemplateSpec.spec.containers[0].resources.requests: Invalid value: \"200m\": "
        "must be less than or equal to cpu limit of 100m\n"
        "spec.podTemplateSpec.spec.containers[1].image: Required value\n");
  CHECK(e[1].mark.line == 5);
}

}  // namespace thv
