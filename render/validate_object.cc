#include "render/validate_object.h"

#include <algorithm>
#include <cstring>
#include <string_view>
#include <utility>

#include "core/json_text.h"
#include "model/inputs.h"
#include "model/names.h"
#include "render/quantity.h"
#include "render/validate_object_parts.h"

namespace thv {

namespace {

constexpr size_t kMaxAnnotationsBytes = 256 * 1024;  // TotalAnnotationSizeLimitB
constexpr size_t kMaxDataBytes = 1024 * 1024;        // core.MaxSecretSize, ConfigMaps too

using Kind = FieldError::Kind;
using namespace validate_parts;  // the validator's building blocks

struct Caches {
  RecentlyValid<bool> label_keys;  // qualified names: label, annotation and resource keys
  RecentlyValid<bool> label_values;
  RecentlyValid<bool> images;
  RecentlyValid<bool> namespaces;
  RecentlyValid<Quantity> quantities;  // valid and not negative
};

// One set per thread, kept across objects (the checks themselves are pure).
Caches& ThreadCaches() {
  static thread_local Caches caches;
  return caches;
}
using NameRule = std::string (*)(const std::string&);

std::string MaskTrailingDash(std::string name) {  // apimachinery's, for name prefixes
  if (name.size() > 1 && name.back() == '-') name = name.substr(0, name.size() - 2) + "a";
  return name;
}

class Validator {
 public:
  explicit Validator(std::vector<FieldError>* errors) : errors_(errors), caches_(ThreadCaches()) {}

  const char* base_container_ = "mcp";

  void Object(const Value& doc) {
    // One pass: this runs for every output object.
    const auto [api_version, kind_node, meta, spec] =
        GetAll(&doc, {"apiVersion", "kind", "metadata", "spec"});
    const std::string& version = Text(api_version);
    const std::string& kind = Text(kind_node);
    const std::string_view group =
        std::string_view(version).substr(0, std::min(version.find('/'), version.size()));
    const bool core = KeyIs(version, "v1");
    const Path root;
    ObjectMeta(meta, root.Child("metadata"), NameRuleFor(core, group, kind), kind);
    const Path spec_path = root.Child("spec");
    if (group == "apps") {
      if (KeyIs(kind, "Deployment") || KeyIs(kind, "StatefulSet") || KeyIs(kind, "DaemonSet") ||
          KeyIs(kind, "ReplicaSet")) {
        Selector(spec, spec_path, kind);
        // A StatefulSet's pods also get a volume per volumeClaimTemplates entry.
        PodTemplate(Get(spec, "template"), spec_path.Child("template"), false,
                    KeyIs(kind, "StatefulSet") ? Get(spec, "volumeClaimTemplates") : nullptr);
      }
    } else if (group == "batch") {
      if (KeyIs(kind, "Job")) {
        PodTemplate(Get(spec, "template"), spec_path.Child("template"), false);
      } else if (KeyIs(kind, "CronJob")) {
        // The Jobs it creates are named <name>-<minutes>, which must still be a label value.
        const Value* name = Get(meta, "name");
        if (Text(name).size() > 52)
          Invalid(root.Child("metadata").Child("name"), *name,
                  "must be no more than 52 characters");
        const Path job_template = spec_path.Child("jobTemplate");
        const Path job_spec = job_template.Child("spec");
        PodTemplate(Get(Get(Get(spec, "jobTemplate"), "spec"), "template"),
                    job_spec.Child("template"), false);
      }
    } else if (core) {
      if (KeyIs(kind, "Pod")) {
        PodSpec(spec, doc.mark, spec_path, false);
      } else if (KeyIs(kind, "Service")) {
        Service(spec, doc.mark, spec_path);
      } else if (KeyIs(kind, "ConfigMap")) {
        ConfigMap(doc, root);
      } else if (KeyIs(kind, "Secret")) {
        Secret(doc, root);
      }
    }
  }

  void PodTemplate(const Value* tmpl, const Path& path, bool patch,
                   const Value* claim_templates = nullptr) {
    const Value* meta = Get(tmpl, "metadata");
    Labels(Get(meta, "labels"), path.Child("labels"));
    Annotations(Get(meta, "annotations"), path.Child("annotations"));
    PodSpec(Get(tmpl, "spec"), tmpl ? tmpl->mark : Mark{}, path.Child("spec"), patch,
            claim_templates);
  }

  // Objects the API server stores whole: beyond etcd's request limit it cannot.
  void Size(const Value& doc) {
    if (UpperBoundJsonSize(doc) <= kEtcdRequestLimit) return;
    const size_t size = GoJsonCompact(doc).size();
    if (size <= kEtcdRequestLimit) return;
    Add(Kind::kTooLarge, Path(), doc.mark,
        "Too large: " + std::to_string(size) +
            " bytes as JSON, over etcd's default request limit of 1572864 bytes (1.5 MiB), so "
            "the API server cannot store it",
        "");
  }

 private:
  static NameRule NameRuleFor(bool core, std::string_view group, const std::string& kind) {
    if (core && KeyIs(kind, "Service")) return CheckDns1035Label;
    if (core && KeyIs(kind, "Namespace")) return CheckDns1123Label;
    if (group == "rbac.authorization.k8s.io" &&
        (KeyIs(kind, "Role") || KeyIs(kind, "RoleBinding") || KeyIs(kind, "ClusterRole") ||
         KeyIs(kind, "ClusterRoleBinding")))
      return CheckPathSegmentName;
    return CheckDns1123Subdomain;
  }

  // A cheap bound on the compact JSON size: every byte escaped, generous punctuation.
  static size_t UpperBoundJsonSize(const Value& v) {
    size_t n = 6 * v.text.size() + 8;
    for (const Value& item : v.items)
      n += item.IsScalar() ? 6 * item.text.size() + 8 : UpperBoundJsonSize(item);
    for (const Member& m : v.members) {
      n += 6 * m.key.size() +
           (m.value.IsScalar() ? 6 * m.value.text.size() + 8 : UpperBoundJsonSize(m.value));
    }
    return n;
  }

  void Add(Kind kind, const Path& path, Mark mark, std::string detail, std::string bad_value) {
    errors_->push_back({kind, path.String(), std::move(detail), std::move(bad_value), mark});
  }
  void Invalid(const Path& path, const Value& node, const std::string& message,
               Kind kind = Kind::kRejected) {
    Add(kind, path, node.mark, "Invalid value: " + Shown(node) + ": " + message, node.text);
  }
  void InvalidText(const Path& path, Mark mark, const std::string& value,
                   const std::string& message) {
    Add(Kind::kRejected, path, mark, "Invalid value: " + GoQuote(value) + ": " + message, value);
  }
  void Required(const Path& path, Mark mark, const std::string& detail = "") {
    Add(Kind::kRejected, path, mark,
        detail.empty() ? "Required value" : "Required value: " + detail, "");
  }
  void Duplicate(const Path& path, const Value& node) {
    Add(Kind::kRejected, path, node.mark, "Duplicate value: " + Shown(node), node.text);
  }
  // Runs a rule on a string node, reporting its message.
  void Check(const Path& path, const Value& node, NameRule rule) {
    if (std::string message = rule(node.text); !message.empty()) Invalid(path, node, message);
  }
  // The API server cannot decode a non-string where it expects one.
  bool IsStringOrReport(const Path& path, const Value& v, const char* owner) {
    if (v.IsString()) return true;
    if (v.IsNull()) return false;  // decodes as ""
    Add(Kind::kRejected, path, v.mark,
        "Invalid value: " + (v.IsScalar() ? v.text : std::string(GoJsonTypeName(v))) + ": " +
            owner + " cannot be decoded: json: cannot unmarshal " + GoJsonTypeName(v) +
            " into a string (quote the value)",
        v.text);
    return false;
  }

  void ObjectMeta(const Value* meta, const Path& path, NameRule name_rule,
                  const std::string& kind) {
    const auto [name, ns, labels, annotations, generate_name] =
        GetAll(meta, {"name", "namespace", "labels", "annotations", "generateName"});
    if (Text(name).empty()) {
      if (Text(generate_name).empty())
        Required(path.Child("name"), meta ? meta->mark : Mark{},
                 "name or generateName is required");
    } else {
      Check(path.Child("name"), *name, name_rule);
    }
    // Cluster-scoped objects ignore a namespace.
    if (!Text(ns).empty() && !caches_.namespaces.Contains(ns->text)) {
      if (CheckDns1123Label(ns->text).empty())
        caches_.namespaces.Add(ns->text);
      else if (IsNamespacedKind(kind))
        Check(path.Child("namespace"), *ns, CheckDns1123Label);
    }
    Labels(labels, path.Child("labels"));
    Annotations(annotations, path.Child("annotations"));
  }

  // Every key a qualified name, every value a label value (errors name the map, as Go's do).
  void Labels(const Value* labels, const Path& path) {
    if (!labels || !labels->IsMapping()) return;
    for (const Member& m : labels->members) {
      if (std::string message = KeyMessage(m.key); !message.empty())
        InvalidText(path, m.key_mark, m.key, message);
      if (!IsStringOrReport(path, m.value, "the labels") ||
          caches_.label_values.Contains(m.value.text))
        continue;
      if (std::string message = CheckLabelValue(m.value.text); !message.empty())
        Invalid(path, m.value, message);
      else
        caches_.label_values.Add(m.value.text);
    }
  }

  void Annotations(const Value* annotations, const Path& path) {
    if (!annotations || !annotations->IsMapping()) return;
    size_t size = 0;
    for (const Member& m : annotations->members) {
      // The API server checks keys lowercased: an uppercase prefix is accepted.
      const bool upper =
          std::any_of(m.key.begin(), m.key.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
      std::string message;
      if (upper) {
        std::string lower = m.key;
        std::transform(lower.begin(), lower.end(), lower.begin(),
                       [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; });
        message = CheckQualifiedName(lower);
      } else {
        message = KeyMessage(m.key);
      }
      if (!message.empty()) InvalidText(path, m.key_mark, m.key, message);
      IsStringOrReport(path.Key(m.key), m.value, "the annotations");
      size += m.key.size() + m.value.text.size();
    }
    if (size > kMaxAnnotationsBytes) {
      Add(Kind::kTooLarge, path, annotations->mark,
          "Too long: may not be more than 262144 bytes (keys and values hold " +
              std::to_string(size) + ")",
          "");
    }
  }

  // apps/v1 workloads: a selector that selects the template's own pods.
  void Selector(const Value* spec, const Path& spec_path, const std::string& kind) {
    const Path path = spec_path.Child("selector");
    const Value* selector = Get(spec, "selector");
    if (!selector || !selector->IsMapping()) {
      Required(path, spec ? spec->mark : Mark{});
      return;
    }
    const Value* match_labels = Get(selector, "matchLabels");
    const Value* expressions = Get(selector, "matchExpressions");
    if (IsEmpty(match_labels) && IsEmpty(expressions)) {
      const char* message = KeyIs(kind, "StatefulSet")
                                ? "empty selector is not valid for statefulset."
                            : KeyIs(kind, "DaemonSet") ? "empty selector is invalid for daemonset"
                                                       : "empty selector is invalid for deployment";
      Add(Kind::kRejected, path, selector->mark,
          "Invalid value: " + GoJsonCompact(*selector) + ": " + message, "");
      return;
    }
    Labels(match_labels, path.Child("matchLabels"));
    const Value* tmpl = Get(spec, "template");
    const Value* labels = Get(Get(tmpl, "metadata"), "labels");
    if (!Selects(match_labels, expressions, labels)) {
      const Path tmpl_path = spec_path.Child("template");
      const Path meta_path = tmpl_path.Child("metadata");
      const Path labels_path = meta_path.Child("labels");
      Add(Kind::kRejected, labels_path,
          labels ? labels->mark
          : tmpl ? tmpl->mark
                 : selector->mark,
          "Invalid value: " + MapJson(labels) + ": `selector` does not match template `labels`",
          "");
    }
  }

  static bool Selects(const Value* match_labels, const Value* expressions, const Value* labels) {
    auto label = [labels](const std::string& key) -> const Value* { return Get(labels, key); };
    if (match_labels && match_labels->IsMapping()) {
      for (const Member& m : match_labels->members) {
        const Value* have = label(m.key);
        if (!have || have->text != m.value.text) return false;
      }
    }
    for (const Value& e : Items(expressions)) {
      const Value* have = label(Text(Get(&e, "key")));
      const std::string& op = Text(Get(&e, "operator"));
      const std::vector<Value>& values = Items(Get(&e, "values"));
      const bool listed = have && std::any_of(values.begin(), values.end(),
                                              [&](const Value& v) { return v.text == have->text; });
      if ((op == "In" && !listed) || (op == "NotIn" && listed) || (op == "Exists" && !have) ||
          (op == "DoesNotExist" && have))
        return false;
    }
    return true;
  }

  void PodSpec(const Value* spec, Mark owner, const Path& path, bool patch,
               const Value* claim_templates = nullptr) {
    const Value *volume_list = nullptr, *containers = nullptr, *init_containers = nullptr;
    for (const Member& m : Members(spec)) {
      const std::string& k = m.key;
      if (KeyIs(k, "volumes")) {
        volume_list = &m.value;
      } else if (KeyIs(k, "containers")) {
        containers = &m.value;
      } else if (KeyIs(k, "initContainers")) {
        init_containers = &m.value;
      } else if (KeyIs(k, "serviceAccountName") || KeyIs(k, "priorityClassName")) {
        if (!Text(&m.value).empty())
          Check(path.Child(KeyIs(k, "serviceAccountName") ? "serviceAccountName"
                                                          : "priorityClassName"),
                m.value, CheckDns1123Subdomain);
      } else if (KeyIs(k, "hostname") || KeyIs(k, "subdomain")) {
        if (!Text(&m.value).empty())
          Check(path.Child(KeyIs(k, "hostname") ? "hostname" : "subdomain"), m.value,
                CheckDns1123Label);
      } else if (KeyIs(k, "nodeSelector")) {
        Labels(&m.value, path.Child("nodeSelector"));
      }
    }
    SeenNames volumes;
    const Path volumes_path = path.Child("volumes");
    int i = 0;
    for (const Value& v : Items(volume_list)) {
      const Path volume_path = volumes_path.Index(i++);
      const Path name_path = volume_path.Child("name");
      const Value* name = Get(&v, "name");
      if (Text(name).empty()) {
        Required(name_path, v.mark);
      } else if (volumes.Contains(name->text)) {
        Duplicate(name_path, *name);
      } else {
        Check(name_path, *name, CheckDns1123Label);
        volumes.Add(&name->text);
      }
    }
    for (const Value& claim : Items(claim_templates))
      if (const Value* name = Get(Get(&claim, "metadata"), "name"); !Text(name).empty())
        volumes.Add(&name->text);
    if (!patch && Items(containers).empty())
      Required(path.Child("containers"), spec ? spec->mark : owner);
    SeenNames names;
    const Path containers_path = path.Child("containers");
    const Path init_path = path.Child("initContainers");
    i = 0;
    for (const Value& c : Items(containers))
      Container(c, containers_path.Index(i++), volumes, patch, &names);
    i = 0;
    for (const Value& c : Items(init_containers))
      Container(c, init_path.Index(i++), volumes, patch, &names);
  }

  void Container(const Value& c, const Path& path, const SeenNames& volumes, bool patch,
                 SeenNames* names) {
    const auto [name, image, ports, env, env_from, mounts, resources] =
        GetAll(&c, {"name", "image", "ports", "env", "envFrom", "volumeMounts", "resources"});
    const Path name_path = path.Child("name");
    if (Text(name).empty()) {
      Required(name_path, c.mark);
    } else {
      Check(name_path, *name, CheckDns1123Label);
      if (names->Contains(name->text)) Duplicate(name_path, *name);
      names->Add(&name->text);
    }
    // A patch's base container ("mcp": the proxy runner's StatefulSet) has an image already.
    if (Text(image).empty()) {
      if (!patch || Text(name) != base_container_) Required(path.Child("image"), c.mark);
    } else if (!caches_.images.Contains(image->text)) {
      if (std::string message = CheckImageReference(image->text); !message.empty())
        Invalid(path.Child("image"), *image, message, Kind::kNeverRuns);
      else
        caches_.images.Add(image->text);
    }
    if (ports) Ports(ports, path.Child("ports"));
    const Path env_path = path.Child("env");
    int i = 0;
    for (const Value& e : Items(env)) EnvVar(e, env_path.Index(i++));
    if (env_from) EnvFrom(env_from, path.Child("envFrom"));
    if (mounts) VolumeMounts(mounts, path.Child("volumeMounts"), volumes, patch);
    if (resources) Resources(resources, path.Child("resources"));
  }

  void Ports(const Value* ports, const Path& path) {
    SeenNames names;
    int i = 0;
    for (const Value& p : Items(ports)) {
      const Path port_path = path.Index(i++);
      const Value* name = Get(&p, "name");
      if (!Text(name).empty()) {
        const Path name_path = port_path.Child("name");
        if (std::string message = CheckPortName(name->text); !message.empty()) {
          Invalid(name_path, *name, message);
        } else if (names.Contains(name->text)) {
          Duplicate(name_path, *name);
        } else {
          names.Add(&name->text);
        }
      }
      const Value* container_port = Get(&p, "containerPort");
      if (IntOf(container_port) == 0) {
        Required(port_path.Child("containerPort"), p.mark);
      } else if (std::string message = CheckPortNumber(IntOf(container_port)); !message.empty()) {
        Invalid(port_path.Child("containerPort"), *container_port, message);
      }
      const Value* host_port = Get(&p, "hostPort");
      if (IntOf(host_port) != 0) {
        if (std::string message = CheckPortNumber(IntOf(host_port)); !message.empty())
          Invalid(port_path.Child("hostPort"), *host_port, message);
      }
      Protocol(Get(&p, "protocol"), port_path.Child("protocol"));
    }
  }

  void Protocol(const Value* protocol, const Path& path) {
    if (!protocol || protocol->IsNull()) return;  // defaulted to TCP
    const std::string& p = protocol->text;
    if (p != "TCP" && p != "UDP" && p != "SCTP") {
      Add(Kind::kRejected, path, protocol->mark,
          "Unsupported value: " + Shown(*protocol) +
              ": supported values: \"SCTP\", \"TCP\", \"UDP\"",
          p);
    }
  }

  void EnvVar(const Value& e, const Path& path) {
    const Value* name = Get(&e, "name");
    if (Text(name).empty()) {
      Required(path.Child("name"), e.mark);
    } else {
      Check(path.Child("name"), *name, CheckEnvVarName);
    }
    const Value* from = Get(&e, "valueFrom");
    if (!from || !from->IsMapping()) return;
    const Path from_path = path.Child("valueFrom");
    int sources = 0;
    for (const char* source : {"fieldRef", "resourceFieldRef", "configMapKeyRef", "secretKeyRef"}) {
      const Value* ref = Get(from, source);
      sources += ref && !ref->IsNull();
    }
    for (const char* source : {"configMapKeyRef", "secretKeyRef"}) {
      if (const Value* ref = Get(from, source); ref && ref->IsMapping())
        KeySelector(*ref, from_path.Child(source));
    }
    const char* message = nullptr;
    if (sources == 0) {
      message =
          "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or "
          "`secretKeyRef`";
    } else if (!Text(Get(&e, "value")).empty()) {
      message = "may not be specified when `value` is not empty";
    } else if (sources > 1) {
      message = "may not have more than one field specified at a time";
    }
    if (message) InvalidText(from_path, from->mark, "", message);
  }

  // configMapKeyRef and secretKeyRef: an object name and one of its keys.
  void KeySelector(const Value& ref, const Path& path) {
    const Value* name = Get(&ref, "name");
    if (std::string message = CheckDns1123Subdomain(Text(name)); !message.empty())
      InvalidText(path.Child("name"), name ? name->mark : ref.mark, Text(name), message);
    const Value* key = Get(&ref, "key");
    if (Text(key).empty()) {
      Required(path.Child("key"), ref.mark);
    } else {
      Check(path.Child("key"), *key, CheckConfigMapKey);
    }
  }

  void EnvFrom(const Value* list, const Path& path) {
    int i = 0;
    for (const Value& e : Items(list)) {
      const Path item = path.Index(i++);
      const Value* prefix = Get(&e, "prefix");
      if (!Text(prefix).empty()) Check(item.Child("prefix"), *prefix, CheckEnvVarName);
      int sources = 0;
      for (const char* source : {"configMapRef", "secretRef"}) {
        const Value* ref = Get(&e, source);
        if (!ref || !ref->IsMapping()) continue;
        ++sources;
        const Value* name = Get(ref, "name");
        const Path ref_path = item.Child(source);
        const Path name_path = ref_path.Child("name");
        if (Text(name).empty()) {
          Required(name_path, ref->mark);
        } else if (std::string message = CheckDns1123Subdomain(MaskTrailingDash(name->text));
                   !message.empty()) {
          Invalid(name_path, *name, message);
        }
      }
      if (sources != 1) {
        InvalidText(path, e.mark, "",
                    sources == 0 ? "must specify one of: `configMapRef` or `secretRef`"
                                 : "may not have more than one field specified at a time");
      }
    }
  }

  void VolumeMounts(const Value* mounts, const Path& path, const SeenNames& volumes, bool patch) {
    SeenNames mount_paths;
    int i = 0;
    for (const Value& m : Items(mounts)) {
      const Path item = path.Index(i++);
      const Value* name = Get(&m, "name");
      if (Text(name).empty()) {
        Required(item.Child("name"), m.mark);
      } else if (!patch && !volumes.Contains(name->text)) {
        Add(Kind::kRejected, item.Child("name"), name->mark, "Not found: " + GoQuote(name->text),
            name->text);
      }
      const Value* mount_path = Get(&m, "mountPath");
      if (Text(mount_path).empty()) {
        Required(item.Child("mountPath"), m.mark);
      } else if (mount_paths.Contains(mount_path->text)) {
        Invalid(item.Child("mountPath"), *mount_path, "must be unique");
      } else {
        mount_paths.Add(&mount_path->text);
      }
    }
  }

  // A valid, non-negative quantity of limits or requests, else reported (false).
  bool ResourceQuantity(const Member& m, const Path& list_path, Quantity* q) {
    const Path item = list_path.Key(m.key);
    if (std::string message = KeyMessage(m.key); !message.empty()) {
      InvalidText(item, m.key_mark, m.key, message);
    } else if (m.key.find('/') == std::string::npos && !KeyIs(m.key, "cpu") &&
               !KeyIs(m.key, "memory") && !KeyIs(m.key, "ephemeral-storage") &&
               m.key.compare(0, 10, "hugepages-") != 0) {
      InvalidText(item, m.key_mark, m.key, "must be a standard resource for containers");
    }
    if (!m.value.IsString() && !m.value.IsNumber()) return false;
    if (const Quantity* known = caches_.quantities.Find(m.value.text)) {
      *q = *known;
      return true;
    }
    std::string err;
    if (!ParseQuantity(m.value.text, q, &err)) {
      Invalid(item, m.value, err);
      return false;
    }
    if (q->negative) {
      InvalidText(item, m.value.mark, CanonicalQuantityOrText(m.value.text),
                  "must be greater than or equal to 0");
      return false;
    }
    caches_.quantities.Add(m.value.text, *q);
    return true;
  }

  void Resources(const Value* resources, const Path& path) {
    const Value* limits = Get(resources, "limits");
    const Value* requests = Get(resources, "requests");
    const Path limits_path = path.Child("limits");
    const Path requests_path = path.Child("requests");
    // Parsed limits; a container has a handful (more are parsed again when compared).
    struct Limit {
      const Member* member = nullptr;
      Quantity value;
    };
    Limit parsed[4];
    size_t count = 0;
    if (limits && limits->IsMapping()) {
      for (const Member& m : limits->members) {
        Quantity q;
        if (ResourceQuantity(m, limits_path, &q) && count < 4) parsed[count++] = {&m, std::move(q)};
      }
    }
    if (!requests || !requests->IsMapping()) return;
    for (const Member& m : requests->members) {
      Quantity request;
      if (!ResourceQuantity(m, requests_path, &request)) continue;
      const std::string& name = m.key;
      // Native resources (cpu, memory, kubernetes.io/...) may be overcommitted; others not.
      const bool overcommit =
          name.compare(0, 10, "hugepages-") != 0 &&
          (name.find('/') == std::string::npos || name.find("kubernetes.io/") != std::string::npos);
      const Limit* limit = nullptr;
      for (size_t i = 0; i < count && !limit; ++i)
        if (parsed[i].member->key == name) limit = &parsed[i];
      Limit extra;
      std::string err;
      if (!limit && limits && count == 4) {
        const Member* member = limits->FindMember(name);
        if (member && ParseQuantity(member->value.text, &extra.value, &err) &&
            !extra.value.negative) {
          extra.member = member;
          limit = &extra;
        }
      }
      if (!limit) {
        if (!overcommit && !(limits && limits->FindMember(name)))
          Required(limits_path, m.value.mark, "Limit must be set for non overcommitable resources");
        continue;
      }
      const int cmp = CompareQuantities(request, limit->value);
      if ((!overcommit && cmp != 0) || cmp > 0) {
        InvalidText(requests_path, m.value.mark, CanonicalQuantityOrText(m.value.text),
                    (cmp > 0 ? "must be less than or equal to " : "must be equal to ") + name +
                        " limit of " + CanonicalQuantityOrText(limit->member->value.text));
      }
    }
  }

  void Service(const Value* spec, Mark owner, const Path& path) {
    const std::vector<Value>& ports = Items(Get(spec, "ports"));
    const bool headless = Text(Get(spec, "clusterIP")) == "None";
    if (ports.empty() && !headless && Text(Get(spec, "type")) != "ExternalName")
      Required(path.Child("ports"), spec ? spec->mark : owner);
    SeenNames names;
    const Path ports_path = path.Child("ports");
    int i = 0;
    for (const Value& p : ports) {
      const Path item = ports_path.Index(i++);
      const Value* name = Get(&p, "name");
      if (Text(name).empty()) {
        if (ports.size() > 1) Required(item.Child("name"), p.mark);
      } else {
        Check(item.Child("name"), *name, CheckDns1123Label);
        if (names.Contains(name->text)) Duplicate(item.Child("name"), *name);
        names.Add(&name->text);
      }
      const Value* port = Get(&p, "port");
      if (std::string message = CheckPortNumber(IntOf(port)); !message.empty()) {
        Add(Kind::kRejected, item.Child("port"), port ? port->mark : p.mark,
            "Invalid value: " + std::to_string(IntOf(port)) + ": " + message,
            port ? port->text : "");
      }
      Protocol(Get(&p, "protocol"), item.Child("protocol"));
      const Value* target = Get(&p, "targetPort");
      if (target && target->IsInt() && IntOf(target) != 0) {
        if (std::string message = CheckPortNumber(IntOf(target)); !message.empty())
          Invalid(item.Child("targetPort"), *target, message);
      } else if (!Text(target).empty()) {
        Check(item.Child("targetPort"), *target, CheckPortName);
      }
    }
    Labels(Get(spec, "selector"), path.Child("selector"));
  }

  // Keys of data-like maps; returns the bytes their values hold.
  size_t DataMap(const Value* data, const Path& path, const char* owner, bool base64) {
    if (!data || data->IsNull()) return 0;
    if (!data->IsMapping()) {
      Add(Kind::kRejected, path, data->mark,
          "Invalid value: " + (data->IsScalar() ? Shown(*data) : GoJsonTypeName(*data)) + ": " +
              owner + " cannot be decoded: json: cannot unmarshal " + GoJsonTypeName(*data) +
              " into a map of strings",
          data->text);
      return 0;
    }
    size_t size = 0;
    for (const Member& m : data->members) {
      const Path item = path.Key(m.key);
      if (std::string message = CheckConfigMapKey(m.key); !message.empty())
        InvalidText(item, m.key_mark, m.key, message);
      if (IsStringOrReport(item, m.value, owner))
        size += base64 ? Base64DecodedSize(m.value.text) : m.value.text.size();
    }
    return size;
  }

  void DataSize(size_t size, const Value& doc, const Path& path) {
    if (size <= kMaxDataBytes) return;
    Add(Kind::kTooLarge, path, doc.mark,
        "Too long: may not be more than 1048576 bytes (its data is " + std::to_string(size) +
            " bytes)",
        "");
  }

  void ConfigMap(const Value& doc, const Path& root) {
    const Value* data = doc.Find("data");
    const Value* binary = doc.Find("binaryData");
    size_t size = DataMap(data, root.Child("data"), "the ConfigMap", false) +
                  DataMap(binary, root.Child("binaryData"), "the ConfigMap", true);
    if (binary && binary->IsMapping()) {
      for (const Member& m : binary->members) {
        if (const Member* twin = data && data->IsMapping() ? data->FindMember(m.key) : nullptr)
          InvalidText(root.Child("data").Key(twin->key), twin->key_mark, m.key,
                      "duplicate of key present in binaryData");
      }
    }
    DataSize(size, doc, root.Child("data"));
  }

  void Secret(const Value& doc, const Path& root) {
    // stringData is merged into data before validation.
    size_t size = DataMap(doc.Find("data"), root.Child("data"), "the Secret", true) +
                  DataMap(doc.Find("stringData"), root.Child("stringData"), "the Secret", false);
    DataSize(size, doc, root.Child("data"));
  }

  // A qualified name as a key (label, annotation, resource): "" or the API server's message.
  std::string KeyMessage(const std::string& key) {
    if (caches_.label_keys.Contains(key)) return "";
    std::string message = CheckQualifiedName(key);
    if (message.empty()) caches_.label_keys.Add(key);
    return message;
  }

  std::vector<FieldError>* errors_;
  Caches& caches_;
};

}  // namespace

void ValidateObject(const Value& doc, std::vector<FieldError>* errors) {
  const size_t before = errors->size();
  Validator validator(errors);
  validator.Object(doc);
  if (errors->size() == before) validator.Size(doc);
}

void ValidatePodTemplatePatch(const Value& tmpl, const std::string& path,
                              std::vector<FieldError>* errors, const char* base_container) {
  Validator validator(errors);
  validator.base_container_ = base_container;
  validator.PodTemplate(&tmpl, Path{nullptr, path.c_str(), nullptr, -1}, true);
}

}  // namespace thv
