// Whole documents: cmd/thv-operator/pkg/sources/types.go's ValidateData and
// validateUpstreamFormatAndParse.
#include <cstdint>
#include <unordered_set>

#include "registry/conversion.h"
#include "registry/registry_schema.h"

namespace thv {

bool ConvertUpstreamDocument(const UpstreamDocument& doc, const ConvertOptions& opts, Registry* out,
                             std::vector<std::string>* warnings, std::string* err,
                             size_t* error_entry) {
  auto fail = [&](size_t index, std::string message) {
    *err = std::move(message);
    if (error_entry) *error_entry = index;
    return false;
  };
  if (doc.servers.empty())
    return fail(SIZE_MAX, "upstream registry must contain at least one server");
  for (size_t i = 0; i < doc.servers.size(); ++i) {
    const UpstreamEntry& s = doc.servers[i];
    if (s.name().empty())
      return fail(i, "server at index " + std::to_string(i) + ": name is required");
    if (s.description().empty()) {
      return fail(i, "server at index " + std::to_string(i) + " (" + s.name() +
                         "): description is required");
    }
  }
  // The registry API lists every version of a server; where one is marked latest, it wins.
  std::unordered_set<std::string> has_latest;
  for (const UpstreamEntry& d : doc.servers) {
    if (d.is_latest.value_or(false)) has_latest.insert(d.name());
  }
  *out = Registry();
  out->version = "1.0";
  out->servers.emplace();
  for (size_t i = 0; i < doc.servers.size(); ++i) {
    const UpstreamEntry& d = doc.servers[i];
    if (d.is_latest && !*d.is_latest && has_latest.count(d.name())) continue;
    ConvertedServer cs;
    if (d.shape == UpstreamShape::kDraft) {
      std::string why;
      if (!ConvertDraftServer(d.draft, opts, &cs, &why)) {
        return fail(i, "failed to convert server " + d.name() + ": " + why);
      }
    } else {
      std::string warning;
      bool ok = ConvertCurrentServer(d, opts, &cs, &warning);
      if (!warning.empty() && warnings) warnings->push_back(warning);
      if (!ok) continue;
    }
    // Keyed by name; a later entry with the same name replaces an earlier one (Go's map).
    if (cs.remote) {
      out->remote_servers[d.name()] = std::move(cs.remote_server);
    } else {
      (*out->servers)[d.name()] = std::move(cs.image);
    }
  }
  return true;
}

bool LoadRegistryData(std::string_view data, RegistryFormat format, const std::string& file,
                      const ConvertOptions& opts, Registry* out, std::vector<std::string>* warnings,
                      Diagnostics* diags) {
  if (data.empty()) {
    diags->Error(file, Mark{}, "", "data cannot be empty");
    return false;
  }
  Value doc;
  bool toolhive = format == RegistryFormat::kToolhive;
  if (!ParseJsonDocument(data, file,
                         toolhive ? "failed to parse registry data: " : "invalid upstream format: ",
                         &doc, diags)) {
    return false;
  }
  if (toolhive) {
    std::vector<RegistrySchemaError> errors = ValidateRegistrySchema(doc);
    if (!errors.empty()) {
      ReportRegistrySchemaErrors(errors, file, diags);
      return false;
    }
    *out = Registry();
    return DecodeToolhiveRegistry(doc, file, out, diags);
  }
  UpstreamDocument upstream;
  if (!DecodeUpstreamDocument(doc, file, &upstream, diags)) return false;
  std::vector<std::string> local;
  std::string err;
  size_t entry = SIZE_MAX;
  bool ok =
      ConvertUpstreamDocument(upstream, opts, out, warnings ? warnings : &local, &err, &entry);
  if (!warnings) {
    for (const std::string& w : local) diags->Warning(file, Mark{}, "", w);
  }
  if (!ok) {
    Mark mark = entry < upstream.servers.size() ? upstream.servers[entry].mark : doc.mark;
    diags->Error(file, mark, "", err);
  }
  return ok;
}

}  // namespace thv
