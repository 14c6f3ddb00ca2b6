#include "render/kustomize_names.h"

#include <algorithm>
#include <cstring>
#include <functional>
#include <map>
#include <regex>
#include <tuple>

#include "core/json_parse.h"
#include "core/json_text.h"
#include "render/k8s_objects.h"

namespace thv {

namespace {

const char kPreviousNames[] = "internal.config.kubernetes.io/previousNames";
const char kPreviousNamespaces[] = "internal.config.kubernetes.io/previousNamespaces";
const char kNeedsHashSuffix[] = "internal.config.kubernetes.io/needsHashSuffix";

std::string Text(const Value* v) { return v && v->IsString() ? v->text : std::string(); }

const Value* Path(const Value& doc, std::initializer_list<const char*> keys) {
  const Value* at = &doc;
  for (const char* key : keys) {
    at = at->IsMapping() ? at->Find(key) : nullptr;
    if (!at) return nullptr;
  }
  return at;
}

// The first entry of a kustomize history annotation: the original value; else the current one.
std::string Original(const Value& doc, const char* annotation, const std::string& current) {
  const std::string history = Text(Path(doc, {"metadata", "annotations", annotation}));
  return history.empty() ? current : history.substr(0, history.find(','));
}

std::string Expand(const std::string& tmpl, const std::string& name) {
  std::string out;
  for (char c : tmpl) out += c == '%' ? name : std::string(1, c);
  return out;
}

using Key = std::tuple<std::string, std::string, std::string>;  // kind, original ns, name

struct Instance {
  std::string name, ns;          // original
  std::string new_name, new_ns;  // after kustomize
};

struct Piece {
  enum Type { kText, kName, kNamespace, kObject, kAnyObject, kAny } type;
  std::string text;  // literal, or the object's kind
  std::string tmpl;  // kObject: its original name, % the instance's
};

std::vector<Piece> ParseForm(const std::string& form) {
  std::vector<Piece> pieces;
  for (size_t i = 0; i < form.size();) {
    const bool literal = form.compare(i, 2, "{{") == 0 || form.compare(i, 2, "}}") == 0;
    if (literal || form[i] != '{') {
      std::string text;
      for (; i < form.size(); ++i) {  // up to a placeholder; {{ and }} are { and }
        if (form.compare(i, 2, "{{") == 0 || form.compare(i, 2, "}}") == 0)
          text += form[i++];
        else if (form[i] == '{')
          break;
        else
          text += form[i];
      }
      pieces.push_back({Piece::kText, text, ""});
      continue;
    }
    const size_t close = form.find('}', i);
    const std::string inner = form.substr(i + 1, close - i - 1);
    i = close + 1;
    const size_t space = inner.find(' ');
    if (inner == "name") {
      pieces.push_back({Piece::kName, "", ""});
    } else if (inner == "namespace") {
      pieces.push_back({Piece::kNamespace, "", ""});
    } else if (inner == "*") {
      pieces.push_back({Piece::kAny, "", ""});
    } else if (inner.substr(space + 1) == "*") {
      pieces.push_back({Piece::kAnyObject, inner.substr(0, space), ""});
    } else {
      pieces.push_back({Piece::kObject, inner.substr(0, space), inner.substr(space + 1)});
    }
  }
  return pieces;
}

std::string RegexQuote(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (std::string("^$\\.*+?()[]{}|/").find(c) != std::string::npos) out += '\\';
    out += c;
  }
  return out;
}

class Renamer {
 public:
  Renamer(const RenamedKind* kinds, std::vector<Value>* items, Diagnostics* diags)
      : kinds_(kinds), items_(items), diags_(diags) {
    for (size_t i = 0; i < items->size(); ++i) {
      const Value& doc = (*items)[i];
      const std::string name = Text(Path(doc, {"metadata", "name"}));
      const std::string ns = Text(Path(doc, {"metadata", "namespace"}));
      index_[{Text(doc.Find("kind")), Original(doc, kPreviousNamespaces, ns),
              Original(doc, kPreviousNames, name)}] = i;
    }
  }

  void Run(const RenamedKind& kind) {
    for (size_t i = 0; i < items_->size(); ++i) {
      Instance instance;
      if (AnchorOf(kind, (*items_)[i], &instance)) Transform(kind, instance);
    }
  }

 private:
  // Whether doc is an anchor of kind, and then the instance's names before and after.
  bool AnchorOf(const RenamedKind& kind, const Value& doc, Instance* out) {
    if (Text(doc.Find("kind")) != kind.anchor_kind) return false;
    const std::string selector = kind.anchor_selector;
    const size_t eq = selector.find('=');
    const Value* labels = Path(doc, {"metadata", "labels"});
    if (!labels || Text(labels->Find(selector.substr(0, eq))) != selector.substr(eq + 1))
      return false;
    out->name = Text(labels->Find(kind.anchor_label));
    const std::string current = Text(Path(doc, {"metadata", "name"}));
    const std::string original = Original(doc, kPreviousNames, current);
    if (out->name.empty() || Expand(kind.anchor_name, out->name) != original) return false;
    out->new_ns = Text(Path(doc, {"metadata", "namespace"}));
    out->ns = Original(doc, kPreviousNamespaces, out->new_ns);
    // kustomize adds prefixes and suffixes: the instance's name gets the anchor's.
    const size_t at = current.find(original);
    if (at == std::string::npos) {
      Fail(doc, "metadata.name",
           "cannot tell how " + std::string(kind.kind) + " " + out->name + "'s " +
               kind.anchor_kind + " " + original + " became " + current +
               ": only namePrefix and nameSuffix keep the names inside its strings consistent");
      return false;
    }
    out->new_name = current.substr(0, at) + out->name + current.substr(at + original.size());
    return true;
  }

  Value* Find(const std::string& kind, const std::string& ns, const std::string& name) {
    auto it = index_.find({kind, ns, name});
    return it == index_.end() ? nullptr : &(*items_)[it->second];
  }

  // An object a string names: in the instance's namespace, or without one (kustomize records a
  // missing namespace, a generated Secret's, as "default").
  Value* Referenced(const std::string& kind, const std::string& ns, const std::string& name) {
    Value* found = Find(kind, ns, name);
    return found ? found : Find(kind, "default", name);
  }

  // The new name of the object of one of kinds ("A|B") originally named name in ns: the object
  // itself, or the anchor of a RenamedKind instance (an MCPServer's Deployment); *target the
  // object found (nullptr for an anchor). False when none is among the items.
  bool NewNameOf(const std::string& kinds, const std::string& ns, const std::string& name,
                 std::string* new_name, const Value** target) {
    for (size_t from = 0; from <= kinds.size();) {
      const size_t bar = std::min(kinds.find('|', from), kinds.size());
      const std::string kind = kinds.substr(from, bar - from);
      from = bar + 1;
      if (const Value* found = Referenced(kind, ns, name)) {
        *new_name = Text(Path(*found, {"metadata", "name"}));
        *target = found;
        return true;
      }
      for (const RenamedKind* k = kinds_; k && k->kind; ++k) {
        if (kind != k->kind) continue;
        const Value* anchor = Find(k->anchor_kind, ns, Expand(k->anchor_name, name));
        Instance instance;
        if (anchor && AnchorOf(*k, *anchor, &instance) && instance.name == name) {
          *new_name = instance.new_name;
          *target = nullptr;
          return true;
        }
      }
    }
    return false;
  }

  void Fail(const Value& doc, const std::string& field, const std::string& message) {
    diags_->Error(
        "", doc.mark, field,
        Text(doc.Find("kind")) + " " + Text(Path(doc, {"metadata", "name"})) + ": " + message);
  }

  void Transform(const RenamedKind& kind, const Instance& instance) {
    std::vector<std::pair<const ContentChecksum*, Value*>> checksums;
    for (const ContentChecksum* c = kind.checksums; c && c->config_map; ++c) {
      Value* config_map = Find("ConfigMap", instance.ns, Expand(c->config_map, instance.name));
      if (!config_map) continue;  // not rendered for this instance
      if (c->sum(*config_map) != ChecksumAnnotation(*c, *config_map)) {
        Fail(*config_map, std::string("metadata.annotations.") + c->annotation,
             "not the checksum of its data: changed after rendering, so it cannot be recomputed");
        continue;
      }
      checksums.emplace_back(c, config_map);
    }
    for (const NameInString* const* table = kind.strings; table && *table; ++table) {
      for (const NameInString* s = *table; s->kind; ++s) {
        Value* doc = Find(s->kind, instance.ns, Expand(s->name, instance.name));
        if (doc) Rewrite(kind, *s, instance, doc);
      }
    }
    for (auto& [c, config_map] : checksums) {
      const std::string sum = c->sum(*config_map);
      config_map->Find("metadata")->Find("annotations")->Set(c->annotation, Value::String(sum));
      Value* deployment =
          c->deployment ? Find("Deployment", instance.ns, Expand(c->deployment, instance.name))
                        : nullptr;
      Value* annotations = deployment
                               ? const_cast<Value*>(Path(
                                     *deployment, {"spec", "template", "metadata", "annotations"}))
                               : nullptr;
      if (annotations && annotations->Find(c->pod_annotation))
        annotations->Set(c->pod_annotation, Value::String(sum));
    }
  }

  static std::string ChecksumAnnotation(const ContentChecksum& c, const Value& config_map) {
    return Text(Path(config_map, {"metadata", "annotations", c.annotation}));
  }

  // The string nodes field names in doc, with the prefix each keeps (args).
  static std::vector<std::pair<Value*, size_t>> Fields(const std::string& field, Value* doc) {
    std::vector<std::pair<Value*, size_t>> out;
    const size_t space = field.find(' ');
    const std::string how = field.substr(0, space), what = field.substr(space + 1);
    if (how == "data") {
      Value* data = doc->Find("data");
      Value* v = data ? data->Find(what) : nullptr;
      if (v && v->IsString()) out.emplace_back(v, 0);
      return out;
    }
    Value* containers = const_cast<Value*>(Path(*doc, {"spec", "template", "spec", "containers"}));
    if (!containers) return out;
    for (Value& c : containers->items) {
      Value* list = c.Find(how == "args" ? "args" : "env");
      if (!list) continue;
      for (Value& v : list->items) {
        if (how == "args" && v.IsString() && v.text.compare(0, what.size(), what) == 0)
          out.emplace_back(&v, what.size());
        Value* value = how == "env" && Text(v.Find("name")) == what ? v.Find("value") : nullptr;
        if (value && value->IsString()) out.emplace_back(value, 0);
      }
    }
    return out;
  }

  void Rewrite(const RenamedKind& kind, const NameInString& s, const Instance& instance,
               Value* doc) {
    const std::vector<Piece> pieces = ParseForm(s.form);
    const std::string where = std::string(s.field) + (*s.json_path ? " " : "") + s.json_path;
    auto rewrite = [&](const std::string& value, std::string* out) {
      return Apply(pieces, instance, value, *doc, where, out);
    };
    for (auto [node, keep] : Fields(s.field, doc)) {
      const std::string prefix = node->text.substr(0, keep), value = node->text.substr(keep);
      std::string result;
      if (!*s.json_path) {
        if (rewrite(value, &result)) node->text = prefix + result;
        continue;
      }
      const DataCodec* codec = kind.codecs;
      while (codec && codec->field && std::strcmp(codec->field, s.field) != 0) ++codec;
      if (codec && !codec->field) codec = nullptr;
      Value tree;
      JsonSyntaxError err;
      bool compact = false;
      if (codec) {
        if (!codec->read(value, &tree) || codec->write(tree) != value) {
          Fail(*doc, s.field, "cannot rewrite the names in it: not as the operator wrote it");
          continue;
        }
      } else {
        const bool parsed = ParseJson(value, &tree, &err);
        compact = parsed && GoJsonCompact(tree) == value;
        if (!parsed || (!compact && GoJsonIndent(tree, "  ") != value)) {
          Fail(*doc, s.field, "cannot rewrite the names in it: not JSON as the operator wrote it");
          continue;
        }
      }
      bool changed = false;
      ForEachString(&tree, s.json_path, [&](Value* leaf) {
        std::string replaced;
        if (rewrite(leaf->text, &replaced) && replaced != leaf->text) {
          leaf->text = replaced;
          changed = true;
        }
      });
      if (!changed) continue;
      node->text = prefix + (codec     ? codec->write(tree)
                             : compact ? GoJsonCompact(tree)
                                       : GoJsonIndent(tree, "  "));
    }
  }

  // Every string at a dotted path ("[]": each element) under v.
  static void ForEachString(Value* v, const std::string& path,
                            const std::function<void(Value*)>& f) {
    if (path.empty()) {
      if (v->IsString()) f(v);
      return;
    }
    const size_t dot = path.find('.');
    std::string key = path.substr(0, dot);
    const std::string rest = dot == std::string::npos ? "" : path.substr(dot + 1);
    const bool each = key.size() > 2 && key.compare(key.size() - 2, 2, "[]") == 0;
    const bool keys = key.size() > 2 && key.compare(key.size() - 2, 2, "{}") == 0;
    if (each || keys) key.resize(key.size() - 2);
    Value* child = v->IsMapping() ? v->Find(key) : nullptr;
    if (!child) return;
    if (keys) {  // a mapping's keys, as strings
      for (Member& m : child->members) {
        Value k = Value::String(m.key);
        f(&k);
        m.key = k.text;
      }
      return;
    }
    if (!each) return ForEachString(child, rest, f);
    for (Value& item : child->items) ForEachString(&item, rest, f);
  }

  // value in the form, with the original names: true and *out with the new ones.
  bool Apply(const std::vector<Piece>& pieces, const Instance& instance, const std::string& value,
             const Value& doc, const std::string& where, std::string* out) {
    std::string pattern;
    for (const Piece& p : pieces) {
      switch (p.type) {
        case Piece::kText:
          pattern += RegexQuote(p.text);
          break;
        case Piece::kName:
          pattern += RegexQuote(instance.name);
          break;
        case Piece::kNamespace:
          pattern += RegexQuote(instance.ns);
          break;
        case Piece::kObject:
          pattern += RegexQuote(Expand(p.tmpl, instance.name));
          break;
        case Piece::kAnyObject:
          pattern += "([a-z0-9](?:[-a-z0-9.]*[a-z0-9])?)";
          break;
        case Piece::kAny:
          pattern += "(.*)";
          break;
      }
    }
    std::smatch match;
    if (!std::regex_match(value, match, std::regex(pattern))) return false;
    out->clear();
    size_t group = 1;
    for (const Piece& p : pieces) {
      switch (p.type) {
        case Piece::kText:
          *out += p.text;
          break;
        case Piece::kName:
          *out += instance.new_name;
          break;
        case Piece::kNamespace:
          *out += instance.new_ns;
          break;
        case Piece::kObject:
        case Piece::kAnyObject: {
          const std::string original =
              p.type == Piece::kObject ? Expand(p.tmpl, instance.name) : match[group++].str();
          std::string new_name;
          const Value* target = nullptr;
          const bool found = NewNameOf(p.text, instance.ns, original, &new_name, &target);
          if (!found && p.type == Piece::kObject) {
            Fail(doc, where,
                 "names " + p.text + " " + original + ", which is no longer among the objects");
            return false;
          }
          if (target &&
              Text(Path(*target, {"metadata", "annotations", kNeedsHashSuffix})) == "enabled") {
            Fail(doc, where,
                 "names " + p.text + " " + original +
                     ", which kustomize gives a content-hash suffix after the transformers run, "
                     "so the name inside this string cannot follow it: set options: "
                     "{disableNameSuffixHash: true} on its generator");
            return false;
          }
          *out += found ? new_name : original;  // not ours
          break;
        }
        case Piece::kAny:
          *out += match[group++];
          break;
      }
    }
    return true;
  }

  const RenamedKind* kinds_;
  std::vector<Value>* items_;
  Diagnostics* diags_;
  std::map<Key, size_t> index_;
};

}  // namespace

std::string OperatorConfigMapChecksum(const Value& config_map) {
  const char kOperatorLabels[] = "toolhive.stacklok.io/";
  StringMap data, labels;
  if (const Value* d = config_map.Find("data"))
    for (const Member& m : d->members) data[m.key] = Text(&m.value);
  if (const Value* l = Path(config_map, {"metadata", "labels"}))
    for (const Member& m : l->members)
      if (m.key.compare(0, std::strlen(kOperatorLabels), kOperatorLabels) == 0)
        labels[m.key] = Text(&m.value);
  return ConfigMapChecksum(data, labels);
}

const char kPodPatch[] = "args --k8s-pod-patch=";
const NameInString kPodPatchNames[] = {
    {"Deployment", "%", kPodPatch, "spec.serviceAccountName", "{ServiceAccount *}"},
    {"Deployment", "%", kPodPatch, "spec.imagePullSecrets[].name", "{Secret *}"},
    {"Deployment", "%", kPodPatch, "spec.containers[].env[].valueFrom.secretKeyRef.name",
     "{Secret *}"},
    {"Deployment", "%", kPodPatch, "spec.containers[].env[].valueFrom.configMapKeyRef.name",
     "{ConfigMap *}"},
    {"Deployment", "%", kPodPatch, "spec.containers[].envFrom[].secretRef.name", "{Secret *}"},
    {"Deployment", "%", kPodPatch, "spec.containers[].envFrom[].configMapRef.name",
     "{ConfigMap *}"},
    {"Deployment", "%", kPodPatch, "spec.initContainers[].env[].valueFrom.secretKeyRef.name",
     "{Secret *}"},
    {"Deployment", "%", kPodPatch, "spec.initContainers[].env[].valueFrom.configMapKeyRef.name",
     "{ConfigMap *}"},
    {"Deployment", "%", kPodPatch, "spec.volumes[].secret.secretName", "{Secret *}"},
    {"Deployment", "%", kPodPatch, "spec.volumes[].configMap.name", "{ConfigMap *}"},
    {"Deployment", "%", kPodPatch, "spec.volumes[].persistentVolumeClaim.claimName",
     "{PersistentVolumeClaim *}"},
    {"Deployment", "%", kPodPatch, "spec.volumes[].projected.sources[].secret.name", "{Secret *}"},
    {"Deployment", "%", kPodPatch, "spec.volumes[].projected.sources[].configMap.name",
     "{ConfigMap *}"},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

void TransformRenamedObjects(const RenamedKind* kinds, std::vector<Value>* items,
                             Diagnostics* diags) {
  Renamer renamer(kinds, items, diags);
  for (const RenamedKind* k = kinds; k && k->kind; ++k) renamer.Run(*k);
}

}  // namespace thv
