#include "render/strategic_merge.h"

#include <algorithm>
#include <cstdlib>
#include <utility>
#include <vector>

#include "model/decode.h"

namespace thv {

namespace {

// The core/v1 struct a map is, as far as patch metadata goes: only these hold merge lists
// (patchStrategy:"merge" in k8s.io/api v0.35.3 core/v1/types.go and meta/v1/types.go).
enum class Shape { kPodTemplateSpec, kObjectMeta, kPodSpec, kContainer, kOther };

struct ListMeta {
  bool merge = false;  // patchStrategy merge (else the patch's list replaces the original's)
  std::string key;     // patchMergeKey; "" for a list of scalars
  Shape element = Shape::kOther;
};

Shape FieldShape(Shape in, const std::string& key) {
  if (in == Shape::kPodTemplateSpec) {
    if (key == "metadata") return Shape::kObjectMeta;
    if (key == "spec") return Shape::kPodSpec;
  }
  return Shape::kOther;
}

// The merge lists of each struct (patchStrategy merge): " field=patchMergeKey ", the key
// followed by "+" when the elements are Containers.
const char* MergeLists(Shape in) {
  switch (in) {
    case Shape::kPodSpec:  // types.go:4105-4414; volumes, resourceClaims: merge,retainKeys
      return " volumes=name initContainers=name+ containers=name+ ephemeralContainers=name+ "
             "imagePullSecrets=name hostAliases=ip topologySpreadConstraints=topologyKey "
             "schedulingGates=name resourceClaims=name ";
    case Shape::kContainer:  // and EphemeralContainerCommon: types.go:2949-3028, 5096-5153
      return " ports=containerPort env=name volumeMounts=mountPath volumeDevices=devicePath ";
    case Shape::kObjectMeta:  // meta/v1/types.go: finalizers is a list of strings
      return " finalizers= ownerReferences=uid ";
    default:
      return "";
  }
}

ListMeta FieldList(Shape in, const std::string& key) {
  const std::string lists = MergeLists(in);
  const size_t at = lists.find(" " + key + "=");
  if (at == std::string::npos) return {};
  const size_t begin = at + key.size() + 2;
  ListMeta meta{true, lists.substr(begin, lists.find(' ', begin) - begin), Shape::kOther};
  if (!meta.key.empty() && meta.key.back() == '+') {
    meta.key.pop_back();
    meta.element = Shape::kContainer;
  }
  return meta;
}

// Go's == on the interface{} values json.Unmarshal makes: numbers are float64.
bool GoEqual(const Value& a, const Value& b) {
  if (a.IsNumber() && b.IsNumber())
    return std::strtod(a.text.c_str(), nullptr) == std::strtod(b.text.c_str(), nullptr);
  if (a.type != b.type) return false;
  return a.IsScalar() && a.text == b.text;
}

// What an element is compared by: its merge key's value, or itself for scalars.
const Value* KeyOf(const Value& item, const std::string& key) {
  return key.empty() ? &item : item.Find(key);
}

// index(): the position of item's key among list, or -1.
int IndexIn(const std::vector<Value>& list, const Value& item, const std::string& key) {
  const Value* want = KeyOf(item, key);
  for (size_t i = 0; i < list.size(); ++i) {
    const Value* v = KeyOf(list[i], key);
    if ((!want && !v) || (want && v && GoEqual(*want, *v))) return static_cast<int>(i);
  }
  return -1;
}

// Go's reflect.TypeOf of a decoded JSON value, as mergeMap compares them.
int GoKind(const Value& v) {
  if (v.IsNumber()) return 1;
  return static_cast<int>(v.type) + 2;
}

class Merger {
 public:
  explicit Merger(std::string* error) : error_(error) {}

  bool Map(Value* original, const Value& patch, Shape shape, const std::string& path) {
    if (!original->IsMapping()) *original = Value::Mapping();
    for (const Member& m : patch.members) {
      const std::string at = path.empty() ? m.key : path + "." + m.key;
      if (m.value.IsNull()) {  // delete the key; Go then stores the null
        original->Set(m.key, Value::Null());
        continue;
      }
      Value* o = original->Find(m.key);
      if (!o || o->IsNull() || GoKind(*o) != GoKind(m.value)) {
        original->Set(m.key, m.value);
        continue;
      }
      if (o->IsMapping()) {
        if (!Map(o, m.value, FieldShape(shape, m.key), at)) return false;
      } else if (o->IsSequence()) {
        const ListMeta meta = FieldList(shape, m.key);
        if (!meta.merge) {
          *o = m.value;
        } else if (!Slice(o, m.value, meta, at)) {
          return false;
        }
      } else {
        *o = m.value;
      }
    }
    return true;
  }

 private:
  // mergeSlice (patch.go:1495-1548) for a list with merge strategy.
  bool Slice(Value* original, const Value& patch, const ListMeta& meta, const std::string& at) {
    std::vector<Value>& orig = original->items;
    if (orig.empty() && patch.items.empty()) return true;
    // sliceElementType: one element type across both lists, never a list.
    const Value& first = orig.empty() ? patch.items.front() : orig.front();
    for (const std::vector<Value>* l : {&std::as_const(orig), &patch.items})
      for (const Value& v : *l)
        if (GoKind(v) != GoKind(first) || v.IsSequence())
          return Fail(at + ": the elements of the list are of different types");
    const bool maps = first.IsMapping();
    if (maps && meta.key.empty()) return Fail(at + ": cannot merge lists without merge key");
    if (!maps && !meta.key.empty()) return Fail("value for key " + at + " is not a map");
    const std::vector<Value> server_order = orig;
    std::vector<Value> merged = orig;
    if (maps) {
      // mergeSliceWithoutSpecialElements: merge into the element with the same key, else append.
      for (const Value& p : patch.items) {
        const Value* k = p.Find(meta.key);
        if (!k) return NoMergeKey(at, meta.key);
        int found = -1;
        for (size_t i = 0; i < merged.size() && found < 0; ++i)
          if (const Value* mk = merged[i].Find(meta.key); mk && GoEqual(*mk, *k))
            found = static_cast<int>(i);
        if (found < 0) {
          merged.push_back(p);
        } else if (!Map(&merged[found], p, meta.element, at + "[" + k->text + "]")) {
          return false;
        }
      }
    } else {
      // deduplicateScalars(append(original, patch)); the order is normalized below.
      for (const Value& p : patch.items) merged.push_back(p);
      std::vector<Value> unique;
      for (Value& v : merged)
        if (IndexIn(unique, v, "") < 0) unique.push_back(std::move(v));
      merged = std::move(unique);
    }
    // partition*ByPresentInList, then normalizeElementOrder (patch.go:404-469).
    std::vector<Value> patch_items, server_only;
    for (Value& v : merged) {
      if (maps && !v.Find(meta.key)) return NoMergeKey(at, meta.key);
      (IndexIn(patch.items, v, meta.key) >= 0 ? patch_items : server_only).push_back(std::move(v));
    }
    for (const Value& v : server_order)
      if (maps && !v.Find(meta.key)) return NoMergeKey(at, meta.key);
    std::stable_sort(patch_items.begin(), patch_items.end(), [&](const Value& a, const Value& b) {
      return IndexIn(patch.items, a, meta.key) < IndexIn(patch.items, b, meta.key);
    });
    std::stable_sort(server_only.begin(), server_only.end(), [&](const Value& a, const Value& b) {
      return IndexIn(server_order, a, meta.key) < IndexIn(server_order, b, meta.key);
    });
    // mergeSortedSlice: a server-only item goes first only when both are in the original and
    // it stood before.
    std::vector<Value> out;
    size_t i = 0, j = 0;
    while (i < server_only.size() || j < patch_items.size()) {
      bool take_left = j >= patch_items.size();
      if (!take_left && i < server_only.size()) {
        const int li = IndexIn(server_order, server_only[i], meta.key);
        const int ri = IndexIn(server_order, patch_items[j], meta.key);
        take_left = li >= 0 && ri >= 0 && li < ri;
      }
      out.push_back(std::move(take_left ? server_only[i++] : patch_items[j++]));
    }
    orig = std::move(out);
    return true;
  }

  bool NoMergeKey(const std::string& at, const std::string& key) {
    return Fail("an element of " + at + " does not contain declared merge key: " + key);
  }
  bool Fail(std::string message) {
    *error_ = std::move(message);
    return false;
  }

  std::string* error_;
};

// The first $-directive key in v, as a path, or "".
std::string FindDirective(const Value& v, const std::string& path) {
  for (const Member& m : v.members) {
    const std::string at = path.empty() ? m.key : path + "." + m.key;
    if (!m.key.empty() && m.key[0] == '$') return at;
    if (std::string d = FindDirective(m.value, at); !d.empty()) return d;
  }
  for (size_t i = 0; i < v.items.size(); ++i)
    if (std::string d = FindDirective(v.items[i], ItemPath(path, i)); !d.empty()) return d;
  return "";
}

}  // namespace

std::string FindPatchDirective(const Value& patch) { return FindDirective(patch, ""); }

bool StrategicMergePodTemplate(Value* original, const Value& patch, std::string* error) {
  if (!patch.IsMapping()) {
    *error = "the patch is not an object";
    return false;
  }
  if (const std::string d = FindPatchDirective(patch); !d.empty()) {
    *error = d + ": strategic merge patch directives are not supported";
    return false;
  }
  return Merger(error).Map(original, patch, Shape::kPodTemplateSpec, "");
}

}  // namespace thv
