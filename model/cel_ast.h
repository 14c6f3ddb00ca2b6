// The CEL evaluator's internals, shared by the parser (cel_parser.cc), the evaluator
// (cel_eval.cc) and the differential test driver (tests/cel/cel_eval_main.cc).
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/value.h"
#include "model/cel.h"
#include "model/cel_regex.h"

namespace thv::cel {

// A CEL value during evaluation. Trivially copyable: strings are views (into the document,
// the program's constants or the evaluation's Arena), lists and maps point at the document
// or at Arena/program storage.
struct Val {
  enum class Kind : uint8_t {
    kNull,
    kBool,
    kInt,
    kUint,
    kDouble,
    kString,
    kBytes,
    kDuration,  // i: nanoseconds, as Go's time.Duration (cel-go's range)
    kList,
    kMap,
    kError,  // s: the message
  };
  Kind kind = Kind::kNull;
  union {
    bool b;
    int64_t i;
    uint64_t u;
    double d;
  };
  std::string_view s;                       // kString, kBytes, kError
  const Value* doc = nullptr;               // kList, kMap backed by a document node
  const std::vector<Val>* items = nullptr;  // built kList; built kMap as k0, v0, k1, v1, ...

  Val() : i(0) {}
  explicit Val(Kind k) : kind(k), i(0) {}
  static Val Bool(bool v) { return Val(Kind::kBool, v); }
  static Val Int(int64_t v) { return Val(Kind::kInt, v); }
  static Val Uint(uint64_t v) { return Val(Kind::kUint, v); }
  static Val Double(double v) { return Val(Kind::kDouble, v); }
  static Val String(std::string_view v) { return Val(Kind::kString, v); }
  static Val Bytes(std::string_view v) { return Val(Kind::kBytes, v); }
  static Val Duration(int64_t nanos) { return Val(Kind::kDuration, nanos); }
  // message must outlive the value.
  static Val Error(std::string_view message) { return Val(Kind::kError, message); }
  static Val List(const std::vector<Val>* items) { return Val(Kind::kList, items); }
  static Val Map(const std::vector<Val>* entries) { return Val(Kind::kMap, entries); }
  // A document node as a CEL value.
  static Val Of(const Value& v);

  bool IsError() const { return kind == Kind::kError; }
  bool IsBool() const { return kind == Kind::kBool; }
  bool IsTrue() const { return kind == Kind::kBool && b; }
  bool IsFalse() const { return kind == Kind::kBool && !b; }

 private:
  // The member that holds a value of kind k.
  Val(Kind k, bool v) : kind(k), b(v) {}
  Val(Kind k, int64_t v) : kind(k), i(v) {}
  Val(Kind k, uint64_t v) : kind(k), u(v) {}
  Val(Kind k, double v) : kind(k), d(v) {}
  Val(Kind k, std::string_view v) : kind(k), i(0), s(v) {}
  Val(Kind k, const std::vector<Val>* v) : kind(k), i(0), items(v) {}
};

enum class Op : uint8_t {
  kConst,  // constant
  kSelf,
  kVar,  // a comprehension variable: slot
  kSelect,
  kHas,  // has(args[0].name)
  kIndex,
  kList,
  kMap,  // args: k0, v0, k1, v1, ...
  kNot,
  kNeg,
  kAnd,  // n-ary
  kOr,   // n-ary
  kCond,
  kEq,
  kNe,
  kLt,
  kLe,
  kGt,
  kGe,
  kIn,
  kAdd,
  kSub,
  kMul,
  kDiv,
  kMod,
  kSize,
  kStartsWith,
  kEndsWith,
  kContains,
  kMatches,
  kLowerAscii,
  kDuration,
  kAll,        // args: range, predicate; slot: the variable
  kExists,     // "
  kExistsOne,  // "
};

struct Node {
  Op op = Op::kConst;
  int32_t slot = -1;
  std::vector<int32_t> args;     // indices into Program::nodes
  std::string name;              // kSelect, kHas: the field
  Val constant;                  // kConst
  const Regex* regex = nullptr;  // kMatches with a constant pattern
};

struct Program {
  Program() = default;
  Program(const Program&) = delete;
  Program& operator=(const Program&) = delete;

  std::vector<Node> nodes;  // children before their parents
  int32_t root = -1;
  int32_t slots = 0;  // comprehension variables
  // Storage for constants (deques: elements never move, so views into them stay valid).
  std::deque<std::string> strings;
  std::deque<std::vector<Val>> lists;
  std::vector<std::unique_ptr<Regex>> regexes;
};

// Storage for the strings, lists and maps one evaluation builds (empty, it allocates nothing:
// most rules build none).
struct Arena {
  std::vector<std::unique_ptr<std::string>> strings;
  std::vector<std::unique_ptr<std::vector<Val>>> lists;
  std::string_view Keep(std::string s);
  std::vector<Val>* NewList();
};

// Evaluates to any value (Evaluate wants a bool); strings and lists built live in *arena.
// *cost, when given, receives the units spent (see Evaluate).
Val EvaluateValue(const Program& program, const Value& self, Arena* arena, int64_t* cost = nullptr);

// CEL's equality (cel-spec "heterogeneous equality": different types are unequal, numbers
// compare by value); both operands are non-errors. *work, when given, grows by the elements
// and keys compared, for the cost budget.
bool Equal(const Val& a, const Val& b, int64_t* work = nullptr);

// Lists and maps, uniformly over document nodes and built values.
size_t ListSize(const Val& list);
Val ListItem(const Val& list, size_t i);
size_t MapSize(const Val& map);
Val MapKey(const Val& map, size_t i);
// The value for key; *found false when absent. *work as for Equal.
Val MapGet(const Val& map, const Val& key, bool* found, int64_t* work = nullptr);

}  // namespace thv::cel
