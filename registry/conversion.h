// Upstream <-> ToolHive conversion with pkg/registry/upstream_conversion.go's rules
// (7002a239b), and the operator's source-data check (cmd/thv-operator/pkg/sources/types.go):
// at least one server, each with a name and a description (errors name the index), servers
// keyed by name, version "1.0" and an empty last_updated.
//
// Draft entries convert exactly as Go does. Entries in today's API shape use the same rules
// where the fields correspond; in addition an `oci` package is the container image
// (identifier, plus ":version" when the identifier has no tag or digest), ToolHive data comes
// from _meta's io.github.stacklok block, and servers that cannot run in the proxy (no oci
// package and no remote) or are marked deleted are skipped with a warning naming them.
#pragma once

#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "core/diagnostics.h"
#include "registry/registry_json.h"
#include "registry/upstream_format.h"

namespace thv {

struct ConvertOptions {
  // metadata.last_updated for servers that carry no ToolHive metadata. Go uses time.Now(); a
  // reproducible render passes a fixed instant (the lock file's fetch time) or leaves it empty.
  std::string now;
};

// One converted server: a container server unless `remote`.
struct ConvertedServer {
  bool remote = false;
  ImageMetadata image;
  RemoteServerMetadata remote_server;
};

// ConvertUpstreamToToolhive for a draft entry. False with *err ("no packages found for
// container server") when a server without remotes has no packages.
bool ConvertDraftServer(const UpstreamServerDetail& in, const ConvertOptions& opts,
                        ConvertedServer* out, std::string* err);
// The same for an entry in today's shape: false with *warning when it is skipped; *warning may
// also be set on success (several oci packages: the first is used).
bool ConvertCurrentServer(const UpstreamEntry& in, const ConvertOptions& opts, ConvertedServer* out,
                          std::string* warning);

// ConvertToolhiveToUpstream.
UpstreamServerDetail ConvertImageToUpstream(const ImageMetadata& server);
UpstreamServerDetail ConvertRemoteToUpstream(const RemoteServerMetadata& server);
// Every server of a ToolHive registry, container servers then remote servers, each in key
// order; a server without a name takes its registry key (as the ToolHive CLI fills it in).
std::vector<UpstreamServerDetail> ConvertRegistryToUpstream(const Registry& registry);

// validateUpstreamFormatAndParse: the ToolHive registry for an upstream document. Warnings
// name skipped servers. False with *err (Go's wording) on an invalid document.
// *error_entry (if given) receives the failing entry's index, or SIZE_MAX for the document.
bool ConvertUpstreamDocument(const UpstreamDocument& doc, const ConvertOptions& opts, Registry* out,
                             std::vector<std::string>* warnings, std::string* err,
                             size_t* error_entry = nullptr);

// The rules' helpers, exposed for tests.
std::string UpstreamStatusToToolhive(const std::string& status);  // convertStatus
std::string ToolhiveStatusToUpstream(const std::string& status);  // convertStatusToUpstream
std::string UpstreamTransportToToolhive(const std::string& t);    // convertTransport
std::string ToolhiveTransportToUpstream(const std::string& t);    // convertTransportToUpstream
std::string FormatImageName(const UpstreamPackage& pkg);          // formatImageName
std::string ExtractImageName(const std::string& image);
std::string ExtractImageTag(const std::string& image);
std::string ExtractSourceFromUrl(const std::string& url);
// The draft's and today's arguments and key-value inputs have the same members.
template <typename Argument>
std::vector<std::string> ConvertPackageArguments(const std::vector<Argument>& args) {
  std::vector<std::string> out;
  for (const Argument& a : args) {
    const std::string& value = !a.value.empty()    ? a.value
                               : a.type == "named" ? a.default_value
                                                   : a.value_hint;
    if (a.type == "positional" && !value.empty()) out.push_back(value);
    if (a.type == "named" && !value.empty()) out.insert(out.end(), {a.name, value});
  }
  return out;
}
// Header or EnvVar from the draft's or today's key-value inputs (only headers carry choices).
template <typename Out, typename KeyValue>
std::vector<Out> FromKeyValues(const std::vector<KeyValue>& in) {
  std::vector<Out> out;
  out.reserve(in.size());
  for (const KeyValue& h : in) {
    if constexpr (std::is_same_v<Out, Header>) {
      out.push_back(
          {h.name, h.description, h.is_required, h.default_value, h.is_secret, h.choices});
    } else {
      out.push_back({h.name, h.description, h.is_required, h.default_value, h.is_secret});
    }
  }
  return out;
}
// opts.now: the instant stamped on converted servers' metadata.
std::string ConvertNow(const ConvertOptions& opts);
// The image of an oci package in today's shape: identifier, plus ":version" unless the
// identifier already names a tag or digest.
std::string OciImageReference(const std::string& identifier, const std::string& version);

enum class RegistryFormat { kToolhive, kUpstream };

// The operator's SourceDataValidator.ValidateData plus thv-render's upstream support: empty
// data is rejected; ToolHive data is schema-checked (pkg/registry/schema_validation.go) and
// decoded; upstream data is parsed and converted. Errors go to diags with positions and paths.
bool LoadRegistryData(std::string_view data, RegistryFormat format, const std::string& file,
                      const ConvertOptions& opts, Registry* out, std::vector<std::string>* warnings,
                      Diagnostics* diags);

}  // namespace thv
