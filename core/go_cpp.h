// How core/go_json reaches the C++ objects that hold Go values: one constant descriptor per C++
// type with the few operations JSON needs (an optional's value, a vector's items, a map's
// entries in key order), so one walker serves every generated struct. Generated tables bind
// each Go field to a member with GO_BOUND rows (see GoTypes in core/go_json.h).
//
// C++ types and the Go kinds they hold: std::string (string), bool, int64_t (int, int32,
// int64), double (float64), Value (any, map[string]any, json.RawMessage: a normalized Value
// tree), std::optional<T> (a pointer, or a nil-able slice, map or any), std::vector<T> (slice),
// std::map<std::string, T> (map), and structs with `static constexpr const char* kGoType`.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "core/value.h"

namespace thv {

enum class GoCppKind : uint8_t {
  kString,
  kBool,
  kInt64,
  kDouble,
  kValue,
  kOptional,
  kVector,
  kMap,
  kStruct
};

struct GoCppType {
  using EachFn = void (*)(void* ctx, const std::string& key, const void* elem);

  GoCppKind kind;
  const GoCppType* elem = nullptr;  // kOptional, kVector, kMap
  const char* go_struct = nullptr;  // kStruct: the Go type the struct holds
  // kOptional
  bool (*has)(const void*) = nullptr;
  const void* (*get)(const void*) = nullptr;  // the value; only when has()
  void* (*ensure)(void*) = nullptr;           // the value, constructed if absent
  void (*reset)(void*) = nullptr;
  // kVector and kMap
  size_t (*size)(const void*) = nullptr;
  void (*clear)(void*) = nullptr;
  // kVector
  void (*resize)(void*, size_t) = nullptr;
  void* (*at)(void*, size_t) = nullptr;
  // kMap: a fresh element under key (replacing what was there); entries in key order
  void* (*assign)(void*, const std::string& key) = nullptr;
  void (*each)(const void*, void* ctx, EachFn fn) = nullptr;
};

template <typename T, typename = void>
struct GoCppOf;  // specialized below for each supported C++ type
template <typename T>
inline constexpr const GoCppType* kGoCpp = &GoCppOf<T>::kType;

template <GoCppKind kKind>
struct GoCppLeaf {
  static constexpr GoCppType kType{kKind};
};
template <>
struct GoCppOf<std::string> : GoCppLeaf<GoCppKind::kString> {};
template <>
struct GoCppOf<bool> : GoCppLeaf<GoCppKind::kBool> {};
template <>
struct GoCppOf<int64_t> : GoCppLeaf<GoCppKind::kInt64> {};
template <>
struct GoCppOf<double> : GoCppLeaf<GoCppKind::kDouble> {};
template <>
struct GoCppOf<Value> : GoCppLeaf<GoCppKind::kValue> {};
template <typename T>
struct GoCppOf<T, std::void_t<decltype(T::kGoType)>> {
  static constexpr GoCppType kType{GoCppKind::kStruct, nullptr, T::kGoType};
};

template <typename T>
struct GoCppOf<std::optional<T>> {
  using O = std::optional<T>;
  static bool Has(const void* p) { return static_cast<const O*>(p)->has_value(); }
  static const void* Get(const void* p) { return &**static_cast<const O*>(p); }
  static void* Ensure(void* p) {
    O* o = static_cast<O*>(p);
    if (!*o) o->emplace();
    return &**o;
  }
  static void Reset(void* p) { static_cast<O*>(p)->reset(); }
  static constexpr GoCppType kType{
      GoCppKind::kOptional, kGoCpp<T>, nullptr, &Has, &Get, &Ensure, &Reset};
};

// What vectors and maps share.
template <typename C>
struct GoCppContainer {
  static size_t Size(const void* p) { return static_cast<const C*>(p)->size(); }
  static void Clear(void* p) { static_cast<C*>(p)->clear(); }
  static constexpr GoCppType Make(GoCppKind kind, const GoCppType* elem,
                                  void (*resize)(void*, size_t), void* (*at)(void*, size_t),
                                  void* (*assign)(void*, const std::string&),
                                  void (*each)(const void*, void*, GoCppType::EachFn)) {
    return {kind,  elem,   nullptr, nullptr, nullptr, nullptr, nullptr,
            &Size, &Clear, resize,  at,      assign,  each};
  }
};

template <typename T>
struct GoCppOf<std::vector<T>> : GoCppContainer<std::vector<T>> {
  using V = std::vector<T>;
  static void Resize(void* p, size_t n) { static_cast<V*>(p)->resize(n); }
  static void* At(void* p, size_t i) { return &(*static_cast<V*>(p))[i]; }
  static constexpr GoCppType kType =
      GoCppContainer<V>::Make(GoCppKind::kVector, kGoCpp<T>, &Resize, &At, nullptr, nullptr);
};

template <typename T>
struct GoCppOf<std::map<std::string, T>> : GoCppContainer<std::map<std::string, T>> {
  using M = std::map<std::string, T>;
  static void* Assign(void* p, const std::string& key) {
    T& e = (*static_cast<M*>(p))[key];
    e = T{};
    return &e;
  }
  static void Each(const void* p, void* ctx, GoCppType::EachFn fn) {
    for (const auto& [key, e] : *static_cast<const M*>(p)) fn(ctx, key, &e);
  }
  static constexpr GoCppType kType =
      GoCppContainer<M>::Make(GoCppKind::kMap, kGoCpp<T>, nullptr, nullptr, &Assign, &Each);
};

// Where a bound row's member lives: a struct's own member, or an embedded struct's base.
template <typename M>
struct GoMemberOf;
template <typename C, typename F>
struct GoMemberOf<F C::*> {
  using Class = C;
  using Field = F;
};
template <auto M>
void* GoMemberAt(void* object) {
  return &(static_cast<typename GoMemberOf<decltype(M)>::Class*>(object)->*M);
}
template <typename Derived, typename Base>
void* GoBaseAt(void* object) {
  return static_cast<Base*>(static_cast<Derived*>(object));
}

}  // namespace thv
