#include "model/inputs.h"

#include <set>
#include <tuple>

#include "model/decode.h"
#include "model/names.h"
#include "model/schema.h"
#include "model/schema_validate.h"
#include "targets/target.h"

namespace thv {

namespace {

std::string Group(const std::string& api_version) {
  size_t slash = api_version.find('/');
  return slash == std::string::npos ? "" : api_version.substr(0, slash);
}

std::string Quoted(const std::string& s) { return "\"" + s + "\""; }

// The CRD version a ToolHive object is checked against at target, and its kind's behaviour in
// object->toolhive. nullptr (and an error) when the target has no CRD for it; a kind the target
// has a CRD for but does not take yet is reported and left without behaviour, so that its fields
// are still checked (renamed ones included).
const CrdVersion* IdentifyToolhiveKind(const std::string& file, const Value& doc,
                                       const Target& target, Object* object, Diagnostics* diags) {
  const std::string at = " (operator " + std::string(target.name) + ")";
  const CrdVersion* crd = FindCrd(target, object->api_version, object->kind);
  if (!crd) {
    std::string served, kinds;
    for (const CrdVersion* c = target.crds; c->kind; ++c)
      if (object->kind == c->kind) served += (served.empty() ? "" : ", ") + Quoted(c->api_version);
    if (!served.empty()) {
      diags->Error(file, doc.Find("apiVersion")->mark, "apiVersion",
                   "Unsupported value: " + Quoted(object->api_version) +
                       ": supported values: " + served + at);
      return nullptr;
    }
    for (const TargetKind* k = target.kinds; k->kind; ++k)
      if (k->role != KindRole::kUnsupported) kinds += (kinds.empty() ? "" : ", ") + Quoted(k->kind);
    diags->Error(
        file, doc.Find("kind")->mark, "kind",
        "Unsupported value: " + Quoted(object->kind) + ": supported values: " + kinds + at);
    return nullptr;
  }
  const TargetKind* kind = FindKind(target, object->kind);
  if (!kind || kind->role == KindRole::kUnsupported) {
    diags->Error(file, doc.Find("kind")->mark, "kind",
                 object->kind + " is not supported at " + target.name + " yet" +
                     (kind && kind->hint ? std::string("; ") + kind->hint : std::string()));
  } else {
    object->toolhive = kind;
  }
  return crd;
}

// Reads apiVersion, kind and metadata; false when the document cannot be an object at all.
bool ReadIdentity(const std::string& file, const Value& doc, Object* object, Diagnostics* diags) {
  bool ok = true;
  auto require_string = [&](const char* key, std::string* out) {
    const Value* v = doc.Find(key);
    if (!v || v->IsNull() || (v->IsString() && v->text.empty())) {
      diags->Error(file, doc.mark, key, "Required value: every object needs " + std::string(key));
      ok = false;
    } else if (!v->IsString()) {
      diags->Error(file, v->mark, key, std::string("must be a string, not ") + TypeName(v->type));
      ok = false;
    } else {
      *out = v->text;
    }
  };
  require_string("apiVersion", &object->api_version);
  require_string("kind", &object->kind);

  const Value* meta = doc.Find("metadata");
  if (!meta || meta->IsNull()) {
    diags->Error(file, doc.mark, "metadata.name", "Required value: name is required");
    return false;
  }
  if (!meta->IsMapping()) {
    diags->Error(file, meta->mark, "metadata", "must be a mapping");
    return false;
  }
  const Value* name = meta->Find("name");
  if (!name || name->IsNull() || (name->IsString() && name->text.empty())) {
    diags->Error(file, meta->mark, "metadata.name", "Required value: name is required");
    ok = false;
  } else if (!name->IsString()) {
    diags->Error(file, name->mark, "metadata.name", "must be a string");
    ok = false;
  } else {
    object->meta.name = name->text;
  }
  if (const Value* ns = meta->Find("namespace"); ns && !ns->IsNull()) {
    if (!ns->IsString()) {
      diags->Error(file, ns->mark, "metadata.namespace", "must be a string");
      ok = false;
    } else if (std::string err = CheckDns1123Label(ns->text); !err.empty()) {
      diags->Error(file, ns->mark, "metadata.namespace",
                   "Invalid value: \"" + ns->text + "\": " + err);
      ok = false;
    } else {
      object->meta.namespace_ = ns->text;
    }
  }
  for (const char* key : {"labels", "annotations"}) {
    const Value* map = meta->Find(key);
    if (!map || map->IsNull()) continue;
    if (!map->IsMapping()) {
      diags->Error(file, map->mark, std::string("metadata.") + key, "must be a map of strings");
      ok = false;
      continue;
    }
    for (const Member& m : map->members) {
      if (!m.value.IsString()) {
        diags->Error(
            file, m.value.mark, std::string("metadata.") + key + "." + m.key,
            std::string("must be a string, not ") + TypeName(m.value.type) + " (quote the value)");
        ok = false;
      }
    }
  }
  object->meta.labels = GetStringMap(*meta, "labels");
  object->meta.annotations = GetStringMap(*meta, "annotations");
  return ok;
}

}  // namespace

ToolhiveKind ToolhiveKindOf(const Object& object) {
  return object.toolhive ? object.toolhive->id : ToolhiveKind::kNone;
}

bool IsReferenceable(const Object& object) {
  return object.kind == "ConfigMap" ||
         (object.toolhive && object.toolhive->role == KindRole::kConfig);
}

bool IsNamespacedKind(const std::string& kind) {
  static const std::set<std::string> kClusterScoped = {"Namespace",
                                                       "Node",
                                                       "PersistentVolume",
                                                       "ClusterRole",
                                                       "ClusterRoleBinding",
                                                       "CustomResourceDefinition",
                                                       "StorageClass",
                                                       "PriorityClass",
                                                       "IngressClass",
                                                       "ValidatingWebhookConfiguration",
                                                       "MutatingWebhookConfiguration",
                                                       "APIService",
                                                       "RuntimeClass",
                                                       "CSIDriver",
                                                       "CSINode",
                                                       "VolumeAttachment",
                                                       "PodSecurityPolicy",
                                                       "ValidatingAdmissionPolicy",
                                                       "ValidatingAdmissionPolicyBinding",
                                                       "ComponentStatus"};
  return kClusterScoped.count(kind) == 0;
}

void CollectObjects(const std::string& file, std::vector<Value> docs, const InputOptions& options,
                    std::vector<Object>* objects, Diagnostics* diags) {
  int index = -1;
  for (Value& doc : docs) {
    ++index;
    if (!doc.IsMapping()) {
      diags->Error(file, doc.mark, "",
                   std::string("document is a ") + TypeName(doc.type) +
                       ", not a Kubernetes object (a mapping with apiVersion, kind and metadata)");
      continue;
    }
    // A kind: List is unpacked, as kubectl does.
    if (const Value* kind = doc.Find("kind"); kind && kind->text == "List") {
      if (const Value* items = doc.Find("items"); items && items->IsSequence()) {
        CollectObjects(file, std::move(doc.Find("items")->items), options, objects, diags);
        continue;
      }
    }
    Object object;
    object.origin = Origin{file, index, doc.mark};
    if (!ReadIdentity(file, doc, &object, diags)) continue;

    object.target = options.target;
    const std::string group = Group(object.api_version);
    const bool toolhive = group == kToolhiveGroup || group == kRenderGroup;
    if (group == kRenderGroup && options.target &&
        !FindCrd(*options.target, object.api_version, object.kind)) {
      // thv-render's own kinds exist only where a target takes them.
      diags->Error(
          file, doc.Find("kind")->mark, "kind",
          object.kind + " (" + object.api_version + ") is not supported at " +
              options.target->name +
              (object.kind == kRegistryDataKind
                   ? std::string(": it feeds a v0.44.0 registry server's file source; at ") +
                         options.target->name +
                         " the MCPRegistry itself has spec.source, spec.filter and "
                         "spec.syncPolicy (put them there)"
                   : std::string()));
      continue;
    }
    if (toolhive) {
      if (!options.target) {
        diags->Error(file, doc.mark, "apiVersion",
                     "no operator release to read ToolHive kinds for");
        continue;
      }
      const Target& target = *options.target;
      const CrdVersion* crd = IdentifyToolhiveKind(file, doc, target, &object, diags);
      if (!crd) continue;
      // ToolHive objects become other objects whose names derive from theirs.
      if (std::string err = CheckDns1123Subdomain(object.meta.name); !err.empty()) {
        const Value* name = doc.Find("metadata")->Find("name");
        diags->Error(file, name->mark, "metadata.name",
                     "Invalid value: \"" + object.meta.name + "\": " + err);
        continue;
      }
      // kubectl prints the API server's deprecation warning for the version as it is.
      if (crd->deprecation_warning && object.toolhive)
        diags->Warning(file, doc.Find("apiVersion")->mark, "apiVersion", crd->deprecation_warning);
      SchemaOptions schema_options;
      schema_options.strict = options.strict;
      schema_options.target = &target;
      schema_options.kind = object.kind;
      if (!ValidateAgainstSchema(*crd->schema, file, &doc, schema_options, diags) ||
          !object.toolhive)
        continue;
    }
    if (object.meta.namespace_.empty() && IsNamespacedKind(object.kind) &&
        (toolhive || options.namespace_explicit)) {
      object.meta.namespace_ = options.default_namespace;
      object.namespace_defaulted = true;
      if (!toolhive) doc.Find("metadata")->Set("namespace", Value::String(object.meta.namespace_));
    }
    object.doc = std::move(doc);
    objects->push_back(std::move(object));
  }
}

void CheckDuplicates(const std::vector<Object>& objects, Diagnostics* diags) {
  std::map<std::tuple<std::string, std::string, std::string, std::string>, const Object*> seen;
  for (const Object& o : objects) {
    auto key = std::make_tuple(Group(o.api_version), o.kind, o.meta.namespace_, o.meta.name);
    auto [it, inserted] = seen.emplace(key, &o);
    if (!inserted) {
      const Origin& first = it->second->origin;
      diags->Error(o.origin.file, o.origin.mark, "metadata.name",
                   "Duplicate value: " + o.kind + " " +
                       (o.meta.namespace_.empty() ? "" : o.meta.namespace_ + "/") + o.meta.name +
                       " is already defined at " + first.file + ":" +
                       std::to_string(first.mark.line));
    }
  }
}

namespace {

std::string IndexKey(const std::string& kind, const std::string& namespace_,
                     const std::string& name) {
  return kind + '\0' + namespace_ + '\0' + name;
}

}  // namespace

ObjectIndex::ObjectIndex(const std::vector<Object>& objects) {
  by_key_.reserve(objects.size());
  for (const Object& o : objects)
    by_key_.emplace(IndexKey(o.kind, o.meta.namespace_, o.meta.name), &o);
}

const Object* ObjectIndex::Find(const std::string& kind, const std::string& namespace_,
                                const std::string& name) const {
  auto it = by_key_.find(IndexKey(kind, namespace_, name));
  return it == by_key_.end() ? nullptr : it->second;
}

}  // namespace thv
