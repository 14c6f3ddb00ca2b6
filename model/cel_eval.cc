// Evaluation of a Program over a document, with cel-go's runtime semantics (the type checker
// is not run: values carry their types, and a mismatch is cel-go's "no such overload").
#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <limits>
#include <memory>
#include <type_traits>

#include "core/go_yaml.h"
#include "model/cel_ast.h"
#include "model/formats.h"

namespace thv::cel {

Val Val::Of(const Value& v) {
  switch (v.type) {
    case Value::Type::kNull:
      return Val();
    case Value::Type::kBool:
      return Bool(v.text == "true");
    case Value::Type::kInt: {
      // As JSON decoding into Go's interface{}: int64, else float64.
      char* end = nullptr;
      errno = 0;
      long long i = std::strtoll(v.text.c_str(), &end, 10);
      if (errno == 0 && end && *end == '\0') return Int(i);
      return Double(std::strtod(v.text.c_str(), nullptr));
    }
    case Value::Type::kFloat:
      return Double(std::strtod(v.text.c_str(), nullptr));
    case Value::Type::kString:
      return String(v.text);
    case Value::Type::kSequence:
    case Value::Type::kMapping: {
      Val r(v.type == Value::Type::kSequence ? Kind::kList : Kind::kMap);
      r.doc = &v;
      return r;
    }
  }
  return Val();
}

std::string_view Arena::Keep(std::string s) {
  strings.push_back(std::make_unique<std::string>(std::move(s)));
  return *strings.back();
}

std::vector<Val>* Arena::NewList() {
  lists.push_back(std::make_unique<std::vector<Val>>());
  return lists.back().get();
}

size_t ListSize(const Val& list) { return list.doc ? list.doc->items.size() : list.items->size(); }
Val ListItem(const Val& list, size_t i) {
  return list.doc ? Val::Of(list.doc->items[i]) : (*list.items)[i];
}
size_t MapSize(const Val& map) { return map.doc ? map.doc->members.size() : map.items->size() / 2; }
Val MapKey(const Val& map, size_t i) {
  return map.doc ? Val::String(map.doc->members[i].key) : (*map.items)[2 * i];
}

Val MapGet(const Val& map, const Val& key, bool* found, int64_t* work) {
  *found = false;
  // Members are searched one by one: a lookup in a large map costs more.
  if (work) *work += 1 + static_cast<int64_t>(MapSize(map) / 16);
  if (map.doc) {
    if (key.kind != Val::Kind::kString) return Val();
    // As Kubernetes reads objects: a field whose value is null is absent (valuesunstructured.go
    // Find; after pruning, only nullable fields can hold null).
    const Value* v = map.doc->Find(key.s);
    *found = v != nullptr && !v->IsNull();
    return *found ? Val::Of(*v) : Val();
  }
  for (size_t k = 0; k + 1 < map.items->size(); k += 2) {
    if (Equal((*map.items)[k], key, work)) {
      *found = true;
      return (*map.items)[k + 1];
    }
  }
  return Val();
}

namespace {

using Kind = Val::Kind;

bool IsNumber(Kind k) { return k == Kind::kInt || k == Kind::kUint || k == Kind::kDouble; }

// cel-go's compare.go: -1, 0, 1 (NaN is handled by the callers). The int is converted to
// double, losing precision near the limits as cel-go does (the conformance suite expects
// 9223372036854775807 == 9223372036854775808.0).
int Sign(double a, double b) { return a < b ? -1 : a > b ? 1 : 0; }
int CompareDoubleInt(double d, int64_t i) {
  if (d < -9223372036854775808.0) return -1;
  if (d > 9223372036854775808.0) return 1;  // math.MaxInt64 as a float64
  return Sign(d, static_cast<double>(i));
}
int CompareDoubleUint(double d, uint64_t u) {
  if (d < 0) return -1;
  if (d > 18446744073709551616.0) return 1;  // math.MaxUint64 as a float64
  return Sign(d, static_cast<double>(u));
}
int CompareIntUint(int64_t i, uint64_t u) {
  if (i < 0) return -1;
  return static_cast<uint64_t>(i) < u ? -1 : static_cast<uint64_t>(i) > u ? 1 : 0;
}

// Numbers of any kinds: false for a NaN.
bool CompareNumbers(const Val& a, const Val& b, int* out) {
  if ((a.kind == Kind::kDouble && std::isnan(a.d)) || (b.kind == Kind::kDouble && std::isnan(b.d)))
    return false;
  switch (a.kind) {
    case Kind::kInt:
      *out = b.kind == Kind::kInt    ? (a.i < b.i ? -1 : a.i > b.i)
             : b.kind == Kind::kUint ? CompareIntUint(a.i, b.u)
                                     : -CompareDoubleInt(b.d, a.i);
      return true;
    case Kind::kUint:
      *out = b.kind == Kind::kUint  ? (a.u < b.u ? -1 : a.u > b.u)
             : b.kind == Kind::kInt ? -CompareIntUint(b.i, a.u)
                                    : -CompareDoubleUint(b.d, a.u);
      return true;
    default:
      *out = b.kind == Kind::kDouble ? Sign(a.d, b.d)
             : b.kind == Kind::kInt  ? CompareDoubleInt(a.d, b.i)
                                     : CompareDoubleUint(a.d, b.u);
      return true;
  }
}

}  // namespace

bool Equal(const Val& a, const Val& b, int64_t* work) {
  if (work) ++*work;
  if (IsNumber(a.kind) && IsNumber(b.kind)) {
    int c;
    return CompareNumbers(a, b, &c) && c == 0;
  }
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case Kind::kNull:
      return true;
    case Kind::kBool:
      return a.b == b.b;
    case Kind::kString:
    case Kind::kBytes:
      return a.s == b.s;
    case Kind::kDuration:
      return a.i == b.i;
    case Kind::kList: {
      size_t n = ListSize(a);
      if (n != ListSize(b)) return false;
      for (size_t k = 0; k < n; ++k)
        if (!Equal(ListItem(a, k), ListItem(b, k), work)) return false;
      return true;
    }
    case Kind::kMap: {
      size_t n = MapSize(a);
      if (n != MapSize(b)) return false;
      for (size_t k = 0; k < n; ++k) {
        Val key = MapKey(a, k);
        bool found;
        Val other = MapGet(b, key, &found, work);
        if (!found) return false;
        Val mine = MapGet(a, key, &found, work);
        if (!Equal(mine, other, work)) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

namespace {

constexpr const char* kNoSuchOverload = "no such overload";

class Evaluator {
 public:
  Evaluator(const Program& program, const Value& self, Arena* arena, Val* slots)
      : p_(program), self_(self), arena_(arena), slots_(slots) {}

  Val Run() {
    Val v = Eval(p_.root);
    // Running out of budget ends the evaluation: no && or || may absorb it.
    return budget_ < 0 ? Val::Error(kCostLimitError) : v;
  }

  int64_t spent() const { return kCostLimit - budget_; }

 private:
  bool Charge(int64_t cost) {
    budget_ -= cost;
    return budget_ >= 0;
  }
  // What building n values or scanning n bytes costs: a unit per 4 bytes, so that the memory
  // one evaluation keeps in its Arena stays within a few tens of MB.
  static int64_t ValuesCost(size_t n) { return static_cast<int64_t>(n * sizeof(Val) / 4); }
  static int64_t BytesCost(size_t n) { return static_cast<int64_t>(n / 4); }
  bool Equals(const Val& a, const Val& b) {
    int64_t work = 0;
    bool equal = Equal(a, b, &work);
    Charge(work);
    return equal;
  }
  Val Get(const Val& map, const Val& key, bool* found) {
    int64_t work = 0;
    Val v = MapGet(map, key, found, &work);
    Charge(work);
    return v;
  }

  Val Err(std::string message) { return Val::Error(arena_->Keep(std::move(message))); }

  Val Eval(int32_t index) {
    if (!Charge(1)) return Val::Error(kCostLimitError);
    const Node& n = p_.nodes[index];
    switch (n.op) {
      case Op::kConst:
        return n.constant;
      case Op::kSelf:
        return Val::Of(self_);
      case Op::kVar:
        return slots_[n.slot];
      case Op::kAnd:
      case Op::kOr:
        return Logical(n);
      case Op::kCond: {
        Val c = Eval(n.args[0]);
        if (c.IsBool()) return Eval(n.args[c.b ? 1 : 2]);
        return c.IsError() ? c : Val::Error(kNoSuchOverload);
      }
      case Op::kAll:
      case Op::kExists:
      case Op::kExistsOne:
        return Comprehension(n);
      default:
        break;
    }
    // Strict operators: every operand first, and the first error is the result.
    Val args[3];
    size_t count = std::min<size_t>(n.args.size(), 3);
    for (size_t k = 0; k < count; ++k) {
      args[k] = Eval(n.args[k]);
      if (args[k].IsError()) return args[k];
    }
    if (n.op == Op::kList || n.op == Op::kMap) return Aggregate(n, args);
    return Apply(n, args);
  }

  // && and || over any number of terms, commutatively (cel-spec): a false term makes && false
  // and a true one makes || true whatever errors the others have; otherwise the first error.
  Val Logical(const Node& n) {
    const bool absorbing = n.op == Op::kOr;  // the value that decides the result
    Val failure;
    bool failed = false;
    for (int32_t arg : n.args) {
      Val v = Eval(arg);
      if (v.IsBool()) {
        if (v.b == absorbing) return v;
        continue;
      }
      if (!failed) failure = v.IsError() ? v : Val::Error(kNoSuchOverload);
      failed = true;
    }
    return failed ? failure : Val::Bool(!absorbing);
  }

  // all / exists / exists_one over a list's items or a map's keys, with the same absorption.
  Val Comprehension(const Node& n) {
    Val range = Eval(n.args[0]);
    if (range.IsError()) return range;
    if (range.kind != Kind::kList && range.kind != Kind::kMap) return Val::Error(kNoSuchOverload);
    const bool is_list = range.kind == Kind::kList;
    const size_t size = is_list ? ListSize(range) : MapSize(range);
    Val failure;
    bool failed = false;
    int64_t count = 0;
    for (size_t k = 0; k < size; ++k) {
      if (!Charge(1)) return Val::Error(kCostLimitError);
      slots_[n.slot] = is_list ? ListItem(range, k) : MapKey(range, k);
      Val v = Eval(n.args[1]);
      if (v.IsBool()) {
        if (n.op == Op::kAll && !v.b) return v;
        if (n.op == Op::kExists && v.b) return v;
        count += v.b;
        continue;
      }
      if (!failed) failure = v.IsError() ? v : Val::Error(kNoSuchOverload);
      failed = true;
      if (budget_ < 0) break;
    }
    if (failed) return failure;
    if (n.op == Op::kExistsOne) return Val::Bool(count == 1);
    return Val::Bool(n.op == Op::kAll);
  }

  Val Aggregate(const Node& n, const Val* first) {
    if (!Charge(ValuesCost(n.args.size()))) return Val::Error(kCostLimitError);
    std::vector<Val>* items = arena_->NewList();
    items->reserve(n.args.size());
    for (size_t k = 0; k < n.args.size(); ++k) {
      Val v = k < 3 ? first[k] : Eval(n.args[k]);
      if (v.IsError()) return v;
      if (n.op == Op::kMap && k % 2 == 0) {
        if (v.kind != Kind::kString && v.kind != Kind::kInt && v.kind != Kind::kUint &&
            v.kind != Kind::kBool)
          return Val::Error("unsupported key type");
        for (size_t j = 0; j < items->size(); j += 2)
          if (Equals((*items)[j], v)) return Err("Failed with repeated key");
        if (budget_ < 0) return Val::Error(kCostLimitError);
      }
      items->push_back(v);
    }
    return n.op == Op::kList ? Val::List(items) : Val::Map(items);
  }

  Val Apply(const Node& n, const Val* a) {
    switch (n.op) {
      case Op::kSelect:
      case Op::kHas: {
        // cel-go's refQualify: lists want a number; any other non-map has no fields.
        if (a[0].kind == Kind::kList) return Val::Error("unsupported index type 'string' in list");
        bool found = false;
        Val v = a[0].kind == Kind::kMap ? Get(a[0], Val::String(n.name), &found) : Val();
        if (n.op == Op::kHas) return Val::Bool(found);
        return found ? v : Err("no such key: " + n.name);
      }
      case Op::kIndex:
        return Index(a[0], a[1]);
      case Op::kNot:
        return a[0].IsBool() ? Val::Bool(!a[0].b) : Val::Error(kNoSuchOverload);
      case Op::kNeg:
        if (a[0].kind == Kind::kDouble) return Val::Double(-a[0].d);
        if (a[0].kind != Kind::kInt) return Val::Error(kNoSuchOverload);
        if (a[0].i == std::numeric_limits<int64_t>::min()) return Val::Error("integer overflow");
        return Val::Int(-a[0].i);
      case Op::kEq:
        return Val::Bool(Equals(a[0], a[1]));
      case Op::kNe:
        return Val::Bool(!Equals(a[0], a[1]));
      case Op::kLt:
      case Op::kLe:
      case Op::kGt:
      case Op::kGe:
        return Compare(n.op, a[0], a[1]);
      case Op::kIn:
        return In(a[0], a[1]);
      case Op::kAdd:
      case Op::kSub:
      case Op::kMul:
      case Op::kDiv:
      case Op::kMod:
        return Arithmetic(n.op, a[0], a[1]);
      default:
        return Function(n, a);
    }
  }

  Val Index(const Val& c, const Val& i) {
    if (c.kind == Kind::kMap) {
      bool found;
      Val v = Get(c, i, &found);
      if (found) return v;
      if (i.kind == Kind::kString) return Err("no such key: " + std::string(i.s));
      if (i.kind == Kind::kInt) return Err("no such key: " + std::to_string(i.i));
      if (i.kind == Kind::kUint) return Err("no such key: " + std::to_string(i.u));
      return Val::Error("no such key");
    }
    if (c.kind != Kind::kList) return Val::Error(kNoSuchOverload);
    int64_t k;
    if (i.kind == Kind::kInt) {
      k = i.i;
    } else if (i.kind == Kind::kUint && i.u <= static_cast<uint64_t>(INT64_MAX)) {
      k = static_cast<int64_t>(i.u);
    } else if (i.kind == Kind::kDouble && i.d == std::trunc(i.d) && std::fabs(i.d) < 9.0e18) {
      k = static_cast<int64_t>(i.d);
    } else if (i.kind == Kind::kUint || i.kind == Kind::kDouble) {
      return Val::Error("unsupported index value");
    } else {
      return Val::Error(kNoSuchOverload);
    }
    size_t size = ListSize(c);
    if (k < 0 || static_cast<uint64_t>(k) >= size)
      return Err("index '" + std::to_string(k) + "' out of range in list size '" +
                 std::to_string(size) + "'");
    return ListItem(c, static_cast<size_t>(k));
  }

  static Val Compare(Op op, const Val& a, const Val& b) {
    int c;
    if (IsNumber(a.kind) && IsNumber(b.kind)) {
      if (!CompareNumbers(a, b, &c)) return Val::Error("NaN values cannot be ordered");
    } else if (a.kind != b.kind) {
      return Val::Error(kNoSuchOverload);
    } else if (a.kind == Kind::kBool) {
      c = a.b == b.b ? 0 : a.b ? 1 : -1;
    } else if (a.kind == Kind::kString || a.kind == Kind::kBytes) {
      c = a.s.compare(b.s);
    } else if (a.kind == Kind::kDuration) {
      c = a.i < b.i ? -1 : a.i > b.i;
    } else {
      return Val::Error(kNoSuchOverload);
    }
    switch (op) {
      case Op::kLt:
        return Val::Bool(c < 0);
      case Op::kLe:
        return Val::Bool(c <= 0);
      case Op::kGt:
        return Val::Bool(c > 0);
      default:
        return Val::Bool(c >= 0);
    }
  }

  Val In(const Val& x, const Val& c) {
    if (c.kind == Kind::kList) {
      for (size_t k = 0, n = ListSize(c); k < n; ++k) {
        if (Equals(x, ListItem(c, k))) return Val::Bool(true);
        if (budget_ < 0) return Val::Error(kCostLimitError);
      }
      return Val::Bool(false);
    }
    if (c.kind != Kind::kMap) return Val::Error(kNoSuchOverload);
    bool found;
    Get(c, x, &found);
    return Val::Bool(found);
  }

  // + - * / % of int (int64_t) or uint (uint64_t) operands, with cel-go's overflow errors.
  template <typename T>
  static Val IntArithmetic(Op op, T a, T b) {
    constexpr bool kSigned = std::is_signed_v<T>;
    T r = 0;
    bool overflow = false;
    switch (op) {
      case Op::kAdd:
        overflow = __builtin_add_overflow(a, b, &r);
        break;
      case Op::kSub:
        overflow = __builtin_sub_overflow(a, b, &r);
        break;
      case Op::kMul:
        overflow = __builtin_mul_overflow(a, b, &r);
        break;
      default:
        if (b == 0) return Val::Error(op == Op::kDiv ? "division by zero" : "modulus by zero");
        // The one signed quotient that overflows: min / -1.
        overflow = kSigned && a == std::numeric_limits<T>::min() && b == static_cast<T>(-1);
        if (!overflow) r = op == Op::kDiv ? a / b : a % b;
    }
    if (overflow) return Val::Error(kSigned ? "integer overflow" : "unsigned integer overflow");
    if constexpr (kSigned)
      return Val::Int(r);
    else
      return Val::Uint(r);
  }

  Val Arithmetic(Op op, const Val& a, const Val& b) {
    if (a.kind != b.kind) return Val::Error(kNoSuchOverload);
    switch (a.kind) {
      case Kind::kInt:
        return IntArithmetic(op, a.i, b.i);
      case Kind::kUint:
        return IntArithmetic(op, a.u, b.u);
      case Kind::kDouble:
        switch (op) {
          case Op::kAdd:
            return Val::Double(a.d + b.d);
          case Op::kSub:
            return Val::Double(a.d - b.d);
          case Op::kMul:
            return Val::Double(a.d * b.d);
          case Op::kDiv:
            return Val::Double(a.d / b.d);
          default:
            return Val::Error(kNoSuchOverload);
        }
      case Kind::kDuration: {
        int64_t r;
        if (op != Op::kAdd && op != Op::kSub) return Val::Error(kNoSuchOverload);
        bool overflow = op == Op::kAdd ? __builtin_add_overflow(a.i, b.i, &r)
                                       : __builtin_sub_overflow(a.i, b.i, &r);
        return overflow ? Val::Error("integer overflow") : Val::Duration(r);
      }
      case Kind::kString:
      case Kind::kBytes: {
        if (op != Op::kAdd) return Val::Error(kNoSuchOverload);
        if (!Charge(BytesCost(a.s.size() + b.s.size()))) return Val::Error(kCostLimitError);
        std::string_view s = arena_->Keep(std::string(a.s) + std::string(b.s));
        return a.kind == Kind::kString ? Val::String(s) : Val::Bytes(s);
      }
      case Kind::kList: {
        if (op != Op::kAdd) return Val::Error(kNoSuchOverload);
        size_t na = ListSize(a), nb = ListSize(b);
        if (!Charge(ValuesCost(na + nb))) return Val::Error(kCostLimitError);
        std::vector<Val>* items = arena_->NewList();
        items->reserve(na + nb);
        for (size_t k = 0; k < na; ++k) items->push_back(ListItem(a, k));
        for (size_t k = 0; k < nb; ++k) items->push_back(ListItem(b, k));
        return Val::List(items);
      }
      default:
        return Val::Error(kNoSuchOverload);
    }
  }

  Val Function(const Node& n, const Val* a) {
    // Work proportional to a string argument's length is charged first.
    size_t scanned = 0;
    for (size_t k = 0; k < n.args.size() && k < 2; ++k)
      if (a[k].kind == Kind::kString || a[k].kind == Kind::kBytes) scanned += a[k].s.size();
    if (!Charge(BytesCost(scanned))) return Val::Error(kCostLimitError);
    if (n.op == Op::kSize) {
      switch (a[0].kind) {
        case Kind::kString: {
          int64_t count = 0;  // code points (the string is UTF-8)
          for (unsigned char c : a[0].s) count += (c & 0xC0) != 0x80;
          return Val::Int(count);
        }
        case Kind::kBytes:
          return Val::Int(static_cast<int64_t>(a[0].s.size()));
        case Kind::kList:
          return Val::Int(static_cast<int64_t>(ListSize(a[0])));
        case Kind::kMap:
          return Val::Int(static_cast<int64_t>(MapSize(a[0])));
        default:
          return Val::Error(kNoSuchOverload);
      }
    }
    if (n.op == Op::kDuration) {
      if (a[0].kind == Kind::kDuration) return a[0];
      if (a[0].kind != Kind::kString) return Val::Error(kNoSuchOverload);
      int64_t nanos;
      if (!ParseGoDuration(std::string(a[0].s), &nanos))
        return Val::Error("type conversion error from 'string' to 'google.protobuf.Duration'");
      return Val::Duration(nanos);
    }
    if (n.op == Op::kLowerAscii) {
      if (a[0].kind != Kind::kString) return Val::Error(kNoSuchOverload);
      std::string s(a[0].s);
      for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      return Val::String(arena_->Keep(std::move(s)));
    }
    // Two strings.
    if (a[0].kind != Kind::kString || a[1].kind != Kind::kString)
      return Val::Error(kNoSuchOverload);
    std::string_view s = a[0].s, t = a[1].s;
    switch (n.op) {
      case Op::kStartsWith:
        return Val::Bool(s.substr(0, t.size()) == t);
      case Op::kEndsWith:
        return Val::Bool(s.size() >= t.size() && s.substr(s.size() - t.size()) == t);
      case Op::kContains:  // Boyer-Moore: linear, where find() can take |s| * |t|
        return Val::Bool(t.empty() ||
                         std::search(s.begin(), s.end(),
                                     std::boyer_moore_searcher(t.begin(), t.end())) != s.end());
      default:
        break;
    }
    std::unique_ptr<Regex> compiled;
    const Regex* re = n.regex;
    if (!re) {
      std::string error;
      compiled = Regex::Compile(t, &error);
      if (!compiled) return Err(error);
      re = compiled.get();
    }
    // The NFA steps through every instruction at every code point, at worst, besides its fixed
    // work per code point.
    if (!Charge(static_cast<int64_t>((s.size() + 1) * (re->Size() + 8) / 8)))
      return Val::Error(kCostLimitError);
    return Val::Bool(re->Search(s));
  }

  const Program& p_;
  const Value& self_;
  Arena* arena_;
  Val* slots_;
  int64_t budget_ = kCostLimit;
};

}  // namespace

Val EvaluateValue(const Program& program, const Value& self, Arena* arena, int64_t* cost) {
  // Comprehension variables: on the stack for the usual few.
  Val local[8];
  std::vector<Val> heap;
  Val* slots = local;
  if (program.slots > 8) {
    heap.resize(program.slots);
    slots = heap.data();
  }
  Evaluator evaluator(program, self, arena, slots);
  Val v = evaluator.Run();
  if (cost) *cost = evaluator.spent();
  return v;
}

}  // namespace thv::cel
