// GoTypes' compiled types, shared by core/go_json.cc (marshal) and core/go_json_decode.cc.
// Internal to the engine.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/go_json.h"

namespace thv {

struct GoTypes::Field {
  std::string_view json;
  std::string key;  // "json": as written
  const Type* type = nullptr;
  bool omitempty = false;
  bool omitzero = false;
  // Typed mode: from the struct to the member, through the bases of embedded structs.
  std::vector<void* (*)(void*)> at;
  const GoCppType* cpp = nullptr;

  void* Locate(void* object) const {
    for (auto step : at) object = step(object);
    return object;
  }
};

struct GoTypes::Type {
  enum class Kind {
    kPointer,
    kAny,
    kSlice,
    kMap,
    kString,
    kBytes,
    kBool,
    kInt,
    kFloat64,
    kQuantity,
    kIntOrString,
    kTime,
    kRaw,
    kDuration,  // a Go type holding a time.Duration that marshals as its String()
    // metav1.Duration: JSON as kDuration; yaml.v3 knows no marshaller of it and writes the
    // struct {time.Duration} as {duration: String()} (key: the lowercased field name).
    kMetaDuration,
    kStruct
  };
  Kind kind = Kind::kStruct;
  const Type* elem = nullptr;     // kPointer, kSlice, kMap: the pointee, element or value type
  const Struct* known = nullptr;  // kStruct: its fields; other names are empty structs
  std::string_view name;          // kStruct: the Go name
  int bits = 64;                  // kInt: 32 or 64
  // kStruct: compiled on first use, with embedded structs' fields inlined.
  mutable bool fields_compiled = false;
  mutable std::vector<Field> fields;
};

}  // namespace thv
