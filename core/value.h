// A YAML/JSON document tree that remembers where each node came from.
//
// Inputs are parsed once into Values (see yaml_reader.h); typed models are decoded from them
// and rendered objects are built as Values before a writer turns them into bytes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace thv {

// 1-based position in an input file; line 0 means "no position" (generated nodes).
struct Mark {
  int line = 0;
  int column = 0;
};

struct Member;

struct Value {
  enum class Type : uint8_t { kNull, kBool, kInt, kFloat, kString, kSequence, kMapping };

  Type type = Type::kNull;
  // Scalars: kBool "true"/"false"; kInt and kFloat the number as written (JSON-compatible);
  // kString the decoded string.
  std::string text;
  std::vector<Value> items;     // kSequence
  std::vector<Member> members;  // kMapping, in input order
  Mark mark;

  Value() = default;
  static Value Null() { return Value(); }
  static Value Bool(bool b);
  static Value Int(int64_t i);
  static Value Number(std::string text, bool is_float);
  static Value String(std::string s);
  static Value Sequence();
  static Value Mapping();

  bool IsNull() const { return type == Type::kNull; }
  bool IsBool() const { return type == Type::kBool; }
  bool IsInt() const { return type == Type::kInt; }
  bool IsNumber() const { return type == Type::kInt || type == Type::kFloat; }
  bool IsString() const { return type == Type::kString; }
  bool IsSequence() const { return type == Type::kSequence; }
  bool IsMapping() const { return type == Type::kMapping; }
  bool IsScalar() const { return type != Type::kSequence && type != Type::kMapping; }
  bool AsBool() const { return type == Type::kBool && text == "true"; }

  // Mapping access (keys are string_views: most lookups use literals). Find returns nullptr when
  // absent (or when this is not a mapping).
  const Value* Find(std::string_view key) const;
  Value* Find(std::string_view key);
  const Member* FindMember(std::string_view key) const;
  // Sets key (replacing an existing value in place, else appending) and returns the value.
  Value& Set(const std::string& key, Value value);
  bool Erase(const std::string& key);
  // Sequence append; returns the appended value.
  Value& Append(Value value);

  // A mapping or sequence with no entries, or null.
  bool IsEmpty() const;
};

struct Member {
  std::string key;
  Mark key_mark;
  Value value;
};

bool operator==(const Value& a, const Value& b);
inline bool operator!=(const Value& a, const Value& b) { return !(a == b); }

const char* TypeName(Value::Type type);
// JSON type names as jsonschema prints them: null, boolean, number, string, array, object.
const char* JsonTypeName(const Value& v);
// encoding/json's word for what it found where it wanted another type ("cannot unmarshal
// number into ..."): bool, number, string, array, object.
const char* GoJsonTypeName(const Value& v);

}  // namespace thv
