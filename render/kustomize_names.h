// After kustomize's namePrefix, nameSuffix and namespace: the names rendered objects hold inside
// strings (the proxy's --k8s-pod-patch, the RunConfig JSON, ...) made to match the renamed
// objects again, and the checksums over them recomputed (thv-render's kustomize transformer).
//
// kustomize hands a transformer every object with its original name and namespace in the
// annotations internal.config.kubernetes.io/previousNames and previousNamespaces (first entry:
// the original), so each reference is mapped exactly. Which strings name what is declared per
// target and kind in tables (RenamedKind), so a new kind is one more table.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/value.h"

namespace thv {

// One string a rendered object holds that names something. Forms are text with placeholders:
//   {name}       the instance's name (an MCPServer's), which follows its anchor object's renaming
//   {namespace}  its namespace
//   {Kind %-sa}  the object of Kind whose original name is "%-sa", % the instance's name
//   {Kind *}     any object of Kind in the instance's namespace (a user's Secret, ...); a kind
//                with a RenamedKind row is found by its anchor too (an MCPServer by its
//                Deployment); {A|B *}: an object of kind A, else of kind B
//   (json_path "a.b{}": the keys of the mapping a.b)
//   {*}          any text, kept
//   {{ and }}    a literal { and }
// A string that does not have the form (a value the user gave) is left as it is.
struct NameInString {
  const char* kind;  // the object holding it; nullptr ends a table
  const char* name;  // its original name, % the instance's: "%-runconfig"
  // "args PREFIX": container args starting with PREFIX (the rest is the value);
  // "env NAME": a container env var's value; "data KEY": a ConfigMap's data.
  const char* field;
  // Within a JSON value (kept as Go wrote it: compact or indented by two spaces), dotted, "[]"
  // for every element: "spec.containers[].env[].valueFrom.secretKeyRef.name"; "" the whole.
  const char* json_path;
  const char* form;
};

// A ConfigMap content checksum, checked against the content before and recomputed after its data
// changed, and copied to a pod template annotation.
struct ContentChecksum {
  const char* config_map;                       // original name, % the instance's; nullptr ends
  const char* annotation;                       // on the ConfigMap
  std::string (*sum)(const Value& config_map);  // as the operator computes it
  const char* deployment;      // original name of a Deployment carrying it too, or nullptr
  const char* pod_annotation;  // on its pod template
};

// checksum.ComputeConfigMapChecksum: the data and the operator's toolhive.stacklok.io/ labels
// (the RunConfig ConfigMaps' content checksum).
std::string OperatorConfigMapChecksum(const Value& config_map);

// A ConfigMap data value in a format other than JSON (a yaml.v3 document): how it is read and
// written again as the operator writes it (orders included). Its names are rewritten only when
// write(read(text)) gives the text back byte for byte.
struct DataCodec {
  const char* field;  // "data config.yaml"; nullptr ends a table
  bool (*read)(const std::string& text, Value* out);
  std::string (*write)(const Value& doc);
};

// A kind whose controller names rendered objects after it.
struct RenamedKind {
  const char* kind;                    // "MCPServer"; nullptr ends a table
  const char* anchor_kind;             // an object rendered for every instance: "Deployment"
  const char* anchor_name;             // its original name, % the instance's: "%", "%-api"
  const char* anchor_selector;         // label=value only the anchors have
  const char* anchor_label;            // the label holding the instance's name
  const NameInString* const* strings;  // tables, nullptr ends the list
  const ContentChecksum* checksums;    // may be nullptr
  const DataCodec* codecs;             // may be nullptr: every data value with a path is JSON
};

// The anchors both releases find their instances by, the operator's labels on them: an
// MCPServer's Deployment <name>, an MCPRegistry's API Deployment <name>-api. A target's row is
// one of them WithTables.
constexpr RenamedKind kMcpServerAnchor = {"MCPServer",
                                          "Deployment",
                                          "%",
                                          "app.kubernetes.io/name=mcpserver",
                                          "app.kubernetes.io/instance",
                                          nullptr,
                                          nullptr,
                                          nullptr};
constexpr RenamedKind kMcpRegistryAnchor = {"MCPRegistry",
                                            "Deployment",
                                            "%-api",
                                            "app.kubernetes.io/component=registry-api",
                                            "toolhive.stacklok.io/registry-name",
                                            nullptr,
                                            nullptr,
                                            nullptr};
constexpr RenamedKind WithTables(RenamedKind anchor, const NameInString* const* strings,
                                 const ContentChecksum* checksums) {
  anchor.strings = strings;
  anchor.checksums = checksums;
  return anchor;
}

// The names a pod template patch (the proxy's --k8s-pod-patch argument, JSON) holds where a
// PodSpec would: the service account, Secrets, ConfigMaps and claims it mounts or reads.
extern const NameInString kPodPatchNames[];

// Rewrites items in place; what it cannot make consistent (an object a string names that is no
// longer among them, JSON it cannot rewrite byte for byte, a checksum that is not the
// operator's) is an error naming the object and the field.
void TransformRenamedObjects(const RenamedKind* kinds, std::vector<Value>* items,
                             Diagnostics* diags);

}  // namespace thv
