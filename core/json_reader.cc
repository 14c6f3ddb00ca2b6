#include "core/json_reader.h"

#include <nlohmann/json.hpp>
#include <vector>

#include "core/json_writer.h"

namespace thv {

namespace {

// Builds Values straight from nlohmann's SAX events: no intermediate json tree.
class ValueBuilder : public nlohmann::json_sax<nlohmann::json> {
 public:
  explicit ValueBuilder(Value* root) : root_(root) {}

  bool null() override { return Put(Value::Null()); }
  bool boolean(bool b) override { return Put(Value::Bool(b)); }
  bool number_integer(number_integer_t i) override { return Put(Value::Int(i)); }
  bool number_unsigned(number_unsigned_t u) override {
    return Put(Value::Number(std::to_string(u), false));
  }
  bool number_float(number_float_t, const string_t& raw) override {
    return Put(Value::Number(raw, true));
  }
  bool string(string_t& s) override { return Put(Value::String(std::move(s))); }
  bool binary(binary_t&) override { return false; }
  bool start_object(std::size_t) override { return Open(Value::Mapping()); }
  bool key(string_t& k) override {
    stack_.back()->members.push_back(Member{std::move(k), Mark{}, Value()});
    return true;
  }
  bool end_object() override {
    stack_.pop_back();
    return true;
  }
  bool start_array(std::size_t) override { return Open(Value::Sequence()); }
  bool end_array() override {
    stack_.pop_back();
    return true;
  }
  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception& e) override {
    error_position_ = position;
    error_ = e.what();
    return false;
  }

  size_t error_position() const { return error_position_; }
  const std::string& error() const { return error_; }
  bool too_deep() const { return too_deep_; }

 private:
  // Where the next value goes: the root, the last member of an object, or a new array item.
  Value* Slot() {
    if (stack_.empty()) return root_;
    Value* top = stack_.back();
    if (top->IsMapping()) return &top->members.back().value;
    top->items.emplace_back();
    return &top->items.back();
  }
  bool Put(Value v) {
    *Slot() = std::move(v);
    return true;
  }
  bool Open(Value v) {
    if (stack_.size() >= 512) {
      too_deep_ = true;
      return false;
    }
    Value* slot = Slot();
    *slot = std::move(v);
    stack_.push_back(slot);
    return true;
  }

  Value* root_;
  std::vector<Value*> stack_;
  size_t error_position_ = 0;
  std::string error_;
  bool too_deep_ = false;
};

std::string Position(const std::string& text, size_t offset) {
  int line = 1, column = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return std::to_string(line) + ":" + std::to_string(column);
}

}  // namespace

bool ReadJson(const std::string& text, Value* out, std::string* err) {
  *out = Value();
  ValueBuilder builder(out);
  if (nlohmann::json::sax_parse(text, &builder)) return true;
  if (builder.too_deep()) {
    *err = "JSON nested deeper than 512 levels";
  } else {
    std::string message = builder.error();
    // nlohmann's messages start with "[json.exception.parse_error.101] parse error at line 1, column 2: ".
    size_t colon = message.find(": ");
    *err = Position(text, builder.error_position() ? builder.error_position() - 1 : 0) + ": " +
           (colon == std::string::npos ? message : message.substr(colon + 2));
  }
  return false;
}

}  // namespace thv
