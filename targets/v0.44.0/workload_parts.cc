#include "targets/v0.44.0/workload_parts.h"

#include <cctype>
#include <set>
#include <utility>

#include "core/diagnostics.h"
#include "core/go_json.h"
#include "core/json_parse.h"
#include "core/value_builder.h"
#include "model/decode.h"
#include "render/k8s_objects.h"
#include "targets/v0.44.0/core_v1.h"
#include "targets/v0.44.0/workload_objects.h"

namespace thv {
namespace t0_44_0 {

void AppendTelemetryEnv(const Object& telemetry, const std::string& service_name,
                        const std::string& default_name, const std::string& ns, Value* env) {
  env->Append(PlainEnv("OTEL_RESOURCE_ATTRIBUTES",
                       "service.name=" + (service_name.empty() ? default_name : service_name) +
                           ",service.namespace=" + ns));
  const Value* spec = GetObject(telemetry.doc, "spec");
  const Value* otel = spec ? GetObject(*spec, "openTelemetry") : nullptr;
  const Value* sensitive = otel ? otel->Find("sensitiveHeaders") : nullptr;
  if (!sensitive || !sensitive->IsSequence()) return;
  for (const Value& sh : sensitive->items) {
    std::string var = "TOOLHIVE_OTEL_HEADER_";
    for (char c : GetString(sh, "name"))
      var += c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    const Value* ref = GetObject(sh, "secretKeyRef");
    env->Append(SecretKeyEnvVar(var, ref ? GetString(*ref, "name") : "",
                                ref ? GetString(*ref, "key") : ""));
  }
}

}  // namespace t0_44_0
}  // namespace thv
