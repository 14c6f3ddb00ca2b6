#include "core/yaml_spans.h"

#include <doctest/doctest.h>

#include "core/yaml_reader.h"

namespace thv {

namespace {

std::string Cut(const std::string& text, TextRange r) {
  return text.substr(r.begin, r.end - r.begin);
}

// The spec mapping of a one-document text.
Value ReadSpec(const std::string& text) {
  std::vector<Value> docs;
  Diagnostics diags;
  REQUIRE(ReadYamlDocuments("f", text, &docs, &diags));
  return *docs.at(0).Find("spec");
}

}  // namespace

TEST_CASE("yaml_spans: the reader's key marks give each key's bytes, plain and quoted") {
  const std::string text =
      "# head\n"
      "spec:\n"
      "  port: 8080  # the proxy\n"
      "  \"targetPort\": 9090\n"
      "  'image': x\n";
  const Value spec = ReadSpec(text);
  YamlTextPositions positions(text);
  CHECK(Cut(text, ScalarToken(text, positions.Offset(spec.members[0].key_mark))) == "port");
  CHECK(Cut(text, ScalarToken(text, positions.Offset(spec.members[0].value.mark))) == "8080");
  CHECK(Cut(text, ScalarToken(text, positions.Offset(spec.members[1].key_mark))) ==
        "\"targetPort\"");
  CHECK(Cut(text, ScalarToken(text, positions.Offset(spec.members[2].key_mark))) == "'image'");
}

TEST_CASE("yaml_spans: a member's lines end before the next line no deeper than its key") {
  const std::string text =
      "spec:\n"
      "  oidcConfig:\n"
      "    type: inline\n"
      "    # inside\n"
      "    inline:\n"
      "\n"
      "      issuer: x\n"
      "  # belongs to image\n"
      "  image: y\n"
      "  tools: [a,\n"
      "    b]\n"
      "    # trailing, deeper\n";
  const Value spec = ReadSpec(text);
  YamlTextPositions positions(text);
  CHECK(Cut(text, positions.MemberLines(positions.Offset(spec.members[0].key_mark))) ==
        "  oidcConfig:\n    type: inline\n    # inside\n    inline:\n\n      issuer: x\n");
  CHECK(Cut(text, positions.MemberLines(positions.Offset(spec.members[1].key_mark))) ==
        "  image: y\n");
  CHECK(Cut(text, positions.MemberLines(positions.Offset(spec.members[2].key_mark))) ==
        "  tools: [a,\n    b]\n");
}

TEST_CASE("yaml_spans: documents are split at --- lines, and marks fall in their own") {
  const std::string text = "a: 1\n---\n# c\nb: 2\n--- # x\nc: 3";
  YamlTextPositions positions(text);
  std::vector<TextRange> docs = positions.Documents();
  REQUIRE(docs.size() == 3);
  CHECK(Cut(text, docs[0]) == "a: 1\n");
  CHECK(Cut(text, docs[1]) == "# c\nb: 2\n");
  CHECK(Cut(text, docs[2]) == "c: 3");
  CHECK(positions.Offset(Mark{4, 1}) == text.find("b: 2"));
  CHECK(positions.LineStart(6) == text.find("c: 3"));
}

}  // namespace thv
