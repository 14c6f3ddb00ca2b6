#include "render/server_fields.h"

#include <string>
#include <vector>

#include "model/names.h"
#include "render/quantity.h"
#include "render/validate_object.h"

namespace thv {

namespace {

using FieldRule = std::string (*)(const std::string&);

// spec.resources: each quantity valid and not negative, each request within its limit.
void CheckResources(const Value* resources, const std::string& file, Diagnostics* diags) {
  const Value* limits = resources ? resources->Find("limits") : nullptr;
  const Value* requests = resources ? resources->Find("requests") : nullptr;
  Quantity parsed[2][2];  // [limits, requests][cpu, memory]
  bool valid[2][2] = {};
  const char* const kNames[] = {"cpu", "memory"};
  for (int list = 0; list < 2; ++list) {
    const Value* values = list == 0 ? limits : requests;
    for (int r = 0; r < 2; ++r) {
      const Value* q = values ? values->Find(kNames[r]) : nullptr;
      if (!q || !q->IsString() || q->text.empty()) continue;
      const std::string path =
          std::string("spec.resources.") + (list == 0 ? "limits." : "requests.") + kNames[r];
      std::string err;
      if (!ParseQuantity(q->text, &parsed[list][r], &err)) {
        diags->Error(file, q->mark, path, "Invalid value: " + GoQuote(q->text) + ": " + err);
      } else if (parsed[list][r].negative) {
        diags->Error(file, q->mark, path,
                     "Invalid value: " + GoQuote(CanonicalQuantityOrText(q->text)) +
                         ": must be greater than or equal to 0");
      } else {
        valid[list][r] = true;
      }
    }
  }
  for (int r = 0; r < 2; ++r) {
    if (!valid[0][r] || !valid[1][r] || CompareQuantities(parsed[1][r], parsed[0][r]) <= 0)
      continue;
    const Value* request = requests->Find(kNames[r]);
    diags->Error(file, request->mark, std::string("spec.resources.requests.") + kNames[r],
                 "Invalid value: " + GoQuote(CanonicalQuantityOrText(request->text)) +
                     ": must be less than or equal to " + kNames[r] + " limit of " +
                     CanonicalQuantityOrText(limits->Find(kNames[r])->text) +
                     "; the API server would reject the proxy Deployment");
  }
}

}  // namespace

void CheckServerFieldsThatReachObjects(const Object& server, Diagnostics* diags,
                                       bool pod_template) {
  const std::string& file = server.origin.file;
  const Value* spec = server.doc.Find("spec");
  if (!spec || !spec->IsMapping()) return;
  auto check = [&](const Value* node, const std::string& path, FieldRule rule, const char* why) {
    if (!node || !node->IsString()) return;
    if (std::string message = rule(node->text); !message.empty())
      diags->Error(file, node->mark, path,
                   "Invalid value: " + GoQuote(node->text) + ": " + message + "; " + why);
  };
  const Value* image = spec->Find("image");
  if (image && image->IsString() && image->text.empty()) {
    diags->Error(file, image->mark, "spec.image", "Required value: the image of the MCP server");
  } else {
    check(image, "spec.image", CheckImageReference,
          image && !image->text.empty() && image->text[0] == '-'
              ? "the proxy runner would read it as a command-line flag"
              : "the proxy runner passes it to the container runtime, which cannot parse it");
  }
  const char* kStatefulSet =
      "the proxy runner could not create the MCP server's StatefulSet with it";
  if (const Value* env = spec->Find("env"); env && env->IsSequence()) {
    for (size_t i = 0; i < env->items.size(); ++i) {
      check(env->items[i].Find("name"), "spec.env[" + std::to_string(i) + "].name", CheckEnvVarName,
            kStatefulSet);
    }
  }
  if (const Value* secrets = spec->Find("secrets"); secrets && secrets->IsSequence()) {
    for (size_t i = 0; i < secrets->items.size(); ++i) {
      const Value& secret = secrets->items[i];
      const std::string path = "spec.secrets[" + std::to_string(i) + "].";
      check(secret.Find("name"), path + "name", CheckDns1123Subdomain, kStatefulSet);
      check(secret.Find("key"), path + "key", CheckConfigMapKey, kStatefulSet);
      const Value* target = secret.Find("targetEnvName");
      if (target && !target->text.empty())
        check(target, path + "targetEnvName", CheckEnvVarName, kStatefulSet);
    }
  }
  // The proxy runner's StatefulSet runs as it (serviceAccountName in --k8s-pod-patch).
  check(spec->Find("serviceAccount"), "spec.serviceAccount", CheckDns1123Subdomain, kStatefulSet);
  CheckResources(spec->Find("resources"), file, diags);
  const Value* tmpl = pod_template ? spec->Find("podTemplateSpec") : nullptr;
  if (tmpl && tmpl->IsMapping()) {
    std::vector<FieldError> errors;
    ValidatePodTemplatePatch(*tmpl, "spec.podTemplateSpec", &errors);
    for (const FieldError& e : errors) {
      diags->Error(file, e.mark.line > 0 ? e.mark : tmpl->mark, e.path,
                   e.detail + "; " + kStatefulSet + " (--k8s-pod-patch)");
    }
  }
}

}  // namespace thv
