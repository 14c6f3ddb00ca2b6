#include "core/yaml_subset_testing.h"

#include <vector>

#include "core/yaml_input.h"
#include "core/yaml_reader.h"

namespace thv {
namespace {

// Every node with its type, text and position.
void Dump(const Value& v, std::string* out) {
  *out += TypeName(v.type);
  *out += "@" + std::to_string(v.mark.line) + ":" + std::to_string(v.mark.column);
  if (v.IsScalar()) *out += " [" + v.text + "]";
  *out += "\n";
  for (const Value& item : v.items) {
    *out += "- ";
    Dump(item, out);
  }
  for (const Member& m : v.members) {
    *out += "key [" + m.key + "]@" + std::to_string(m.key_mark.line) + ":" +
            std::to_string(m.key_mark.column) + " = ";
    Dump(m.value, out);
  }
}

std::string Dump(const std::vector<Value>& docs) {
  std::string out;
  for (const Value& doc : docs) {
    out += "---\n";
    Dump(doc, &out);
  }
  return out;
}

SubsetComparison CompareOne(const std::string& text, std::string* why) {
  std::vector<Value> subset_docs;
  if (!ReadYamlSubsetDocuments("in.yaml", text, &subset_docs)) {
    return SubsetComparison::kLeftToYamlCpp;
  }
  std::vector<Value> docs;
  Diagnostics diags;
  if (!ReadYamlDocumentsUnguarded("in.yaml", text, &docs, &diags) || diags.HasErrors()) {
    *why = "the subset parser took input that yaml-cpp rejects";
    for (const Diagnostic& d : diags.items()) *why += "\n" + FormatDiagnostic(d);
    return SubsetComparison::kDiffers;
  }
  const std::string want = Dump(docs), got = Dump(subset_docs);
  if (want == got) return SubsetComparison::kSame;
  *why = "yaml-cpp read:\n" + want + "the subset parser read:\n" + got;
  return SubsetComparison::kDiffers;
}

}  // namespace

SubsetComparison CompareSubsetWithYamlCpp(const std::string& text, std::string* why) {
  // ReadYamlDocuments gives the subset parser the prepared text too (CR-only, UTF-16, ...).
  std::string prepared;
  bool changed = false;
  YamlInputProblem problem;
  if (PrepareYamlInput(text, &prepared, &changed, &problem) && changed) {
    if (CompareOne(prepared, why) == SubsetComparison::kDiffers) {
      *why = "(input as prepared for yaml-cpp)\n" + *why;
      return SubsetComparison::kDiffers;
    }
  }
  return CompareOne(text, why);
}

}  // namespace thv
