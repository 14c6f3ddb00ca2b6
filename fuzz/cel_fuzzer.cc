// A CEL expression (the input) compiled and evaluated on a fixed document, and the same bytes
// as a regular expression searched in a fixed text: neither may crash, hang or exhaust memory.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "model/cel.h"
#include "model/cel_regex.h"

namespace {

thv::Value Document() {
  using thv::Value;
  Value doc = Value::Mapping();
  doc.Set("name", Value::String("héllo-😀"));
  doc.Set("type", Value::String("redis"));
  doc.Set("count", Value::Int(3));
  doc.Set("big", Value::Number("9223372036854775807", false));
  doc.Set("ratio", Value::Number("0.5", true));
  doc.Set("enabled", Value::Bool(true));
  doc.Set("none", Value::Null());
  Value list = Value::Sequence();
  list.Append(Value::String("*"));
  list.Append(Value::String("a"));
  doc.Set("clients", list);
  Value items = Value::Sequence();
  for (int i = 0; i < 3; ++i) {
    Value item = Value::Mapping();
    item.Set("name", Value::String("item" + std::to_string(i)));
    item.Set("perUser", Value::Mapping());
    items.Append(item);
  }
  doc.Set("tools", items);
  Value headers = Value::Mapping();
  headers.Set("Authorization", Value::String("x"));
  headers.Set("X-Trace", Value::String("y"));
  doc.Set("headers", headers);
  doc.Set("timeout", Value::String("1m30s"));
  return doc;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const thv::Value doc = Document();
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::string error;
  if (auto program = thv::cel::Compile(input, &error)) {
    thv::cel::Evaluate(*program, doc, &error);
    // Inputs that compile also run on the parts of the document: lists, strings, numbers.
    for (const char* key : {"tools", "name", "count", "headers"})
      thv::cel::Evaluate(*program, *doc.Find(key), &error);
  }
  if (auto re = thv::cel::Regex::Compile(input, &error))
    re->Search("Authorization: Bearer héllo-😀\nX-Trace: 0123456789abcdef_ghij KLM");
  return 0;
}
