// thv-render migrate on arbitrary YAML: never a crash, and whatever it accepts comes out as text
// that reads back as YAML, that a second migrate leaves alone.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/yaml_reader.h"
#include "migrate/migrate.h"
#include "targets/targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  thv::MigrateOptions options;
  options.to = thv::FindTarget("v0.44.0");
  options.registry_database = "db:5432/registry";
  options.registry_database_user = "app";
  options.registry_sync_interval = "1h";
  thv::Diagnostics diags;
  std::vector<std::string> out = thv::Migrate({{"fuzz.yaml", text}}, options, &diags);
  if (diags.HasErrors()) return 0;
  std::vector<thv::Value> docs;
  thv::Diagnostics read;
  if (!thv::ReadYamlDocuments("migrated.yaml", out.at(0), &docs, &read)) std::abort();
  thv::Diagnostics again;
  std::vector<std::string> twice = thv::Migrate({{"migrated.yaml", out[0]}}, options, &again);
  if (again.HasErrors() || twice.at(0) != out[0]) std::abort();
  return 0;
}
