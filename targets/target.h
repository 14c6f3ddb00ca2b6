// An operator release thv-render renders for (--operator-version): its CRDs, the defaults its
// Helm chart and code give the operator's environment, and its controllers' behaviour as a
// function table. model/, render/ and cli/ reach what differs between releases only through this
// table, never by comparing version strings; adding a release is a directory under targets/ and a
// line in targets/targets.cc.
#pragma once

#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/value.h"
#include "model/inputs.h"
#include "model/object.h"
#include "model/schema.h"
#include "render/options.h"

namespace thv {

struct RenderAllOptions;
struct RenamedKind;

// What a kind's controller sees: every input, and the render settings.
struct RenderContext {
  const ObjectIndex& index;
  const RenderAllOptions& options;
  const std::vector<Object>* objects = nullptr;  // every input, in input order (for listings)
};

// Hands one rendered object on; validate: check it as the API server would (false when its
// input already reported errors, which would only repeat them).
using Emit = std::function<void(Value doc, bool validate)>;

enum class KindRole : uint8_t {
  kRendered,        // the controller creates objects for it
  kConfig,          // read by other kinds' controllers; renders nothing itself
  kNotRenderedYet,  // validated and its references checked, but thv-render cannot render it at
                    // this target yet: `validate` passes it, `render` refuses it
  kUnsupported,     // refused as an input at this target
};

// `thv-render list`'s table for a kind: its CRD's printer columns (additionalPrinterColumns, as
// kubectl get heads them), after NAMESPACE and NAME, Age left out (an input has no
// creationTimestamp). A column whose value only the operator's status holds is empty, as kubectl
// shows it for an object with no status.
struct KindLister {
  const char* columns[8];  // headers, nullptr-terminated
  // The cells under columns for object; objects: every input, for columns about the others.
  std::vector<std::string> (*cells)(const Object& object, const std::vector<Object>& objects);
};

struct TargetKind {
  const char* kind;  // nullptr ends a table
  ToolhiveKind id;
  KindRole role;
  // Reference resolution and the controller's own validation, without rendering (kConfig and
  // kNotRenderedYet); nullptr when there is nothing to check.
  void (*check)(const Object& object, const RenderContext& context, Diagnostics* diags);
  // kRendered: the objects, in the operator's order, with its problems reported.
  void (*render)(const Object& object, const RenderContext& context, Diagnostics* diags,
                 const Emit& emit);
  // Appended to "not supported" messages: what to do instead (nullptr for nothing).
  const char* hint;
  const KindLister* list = nullptr;  // nullptr: `list` leaves the kind out
};

// A field an older release had and this one renamed or moved (issue 18 item 6): an error at the
// field, never the silent pruning an unknown field gets.
struct FieldRename {
  const char* kind;  // nullptr ends a table
  const char* path;  // dotted, without list indices: "spec.port"
  const char* became;
};

// An operator-environment flag this release does not read, and why: giving it is a usage error
// rather than a setting that silently does nothing.
struct UnreadFlag {
  const char* flag;  // nullptr ends a table
  const char* why;
};

// The columns `thv-render list` prints for an MCPServer.
struct ServerListRow {
  std::string transport;
  std::string port;
  std::string url;
};

struct Target {
  const char* name;            // the --operator-version value: "7002a239b", "v0.44.0"
  const char* operator_build;  // the version the operator reports itself as
  const char* source;          // where its CRDs and behaviour were read (repository@commit)
  TargetDefaults defaults;
  const CrdVersion* crds;      // every served version of every CRD; ends with {nullptr}
  const TargetKind* kinds;     // one entry per CRD kind; ends with {nullptr}
  const FieldRename* renames;  // ends with {nullptr}; may be nullptr
  const char* renames_from;    // the release whose field names the renames refer to
  // The single MCPServer table of releases without KindLister tables (nullptr otherwise).
  ServerListRow (*list_server)(const Object& server);
  const UnreadFlag* unread_flags;          // ends with {nullptr}
  const SchemaDescriptions* descriptions;  // the CRDs' descriptions (thv-render schema)
  // The names its objects hold inside strings, for the kustomize transformer
  // (render/kustomize_names.h); ends with {nullptr}.
  const RenamedKind* renamed_kinds;
};

// The CRD version serving apiVersion/kind at target, or nullptr.
inline const CrdVersion* FindCrd(const Target& target, const std::string& api_version,
                                 const std::string& kind) {
  for (const CrdVersion* c = target.crds; c->kind; ++c)
    if (kind == c->kind && api_version == c->api_version) return c;
  return nullptr;
}

// The behaviour of kind at target, or nullptr.
inline const TargetKind* FindKind(const Target& target, const std::string& kind) {
  for (const TargetKind* k = target.kinds; k->kind; ++k)
    if (kind == k->kind) return k;
  return nullptr;
}

// What field `path` of kind became at target, or nullptr when it was not renamed.
inline const char* RenamedTo(const Target& target, const std::string& kind,
                             const std::string& path) {
  for (const FieldRename* r = target.renames; r && r->kind; ++r)
    if (kind == r->kind && path == r->path) return r->became;
  return nullptr;
}

}  // namespace thv
