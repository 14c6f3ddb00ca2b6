#include "core/yaml_subset_parser.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/yaml_reader.h"
#include "core/yaml_subset_testing.h"

namespace thv {
namespace {

// Whether the subset parser took text; when it did, its documents must equal yaml-cpp's, marks
// included.
bool TakenAndSameAsYamlCpp(const std::string& text) {
  std::string why;
  const SubsetComparison result = CompareSubsetWithYamlCpp(text, &why);
  INFO("input:\n" << text);
  CHECK_MESSAGE(result != SubsetComparison::kDiffers, why);
  return result == SubsetComparison::kSame;
}

}  // namespace

TEST_CASE("the YAML subset parser reads what yaml-cpp reads, marks included") {
  const char* const inputs[] = {
      "a: 1\n",
      "a: 1",
      "a: b\nc: d\n",
      "key with spaces  : value with  spaces   \n",
      "a: b # comment\n# whole line\nc: 'it''s' # x\n",
      "a:\n  b:\n    c: d\n  e: f\ng: h\n",
      "a:\n- 1\n- 2\nb: 3\n",
      "a:\n  - 1\n  -\n  - 3\n",
      "- a\n- b: c\n  d: e\n- - f\n  - g\n-\n- [h, i]\n",
      "- \n- b\n",
      "- ",
      "a:\n  - ",
      "a: 1\nb:",
      "  -\n ",
      "- a\n-   ",
      "a:\n  b:\n ",
      "-\n",
      "a:\nb:\nc: ~\nd: null\ne: Null\nf: NULL\n",
      "null: 1\n~: 2\n",
      "name: x\nn:\nnext: y\n",
      "a: \"x\\ty\\n\\\"z\\\\/\\/\"\nb: 'single ''q'''\n",
      "\"quoted key\": 1\n'other': 2\n",
      "a: [1, 2, three, \"four\", 'five', [6], {seven: 7}]\n",
      "a: {b: c, d: [e, f], g: {h: i}}\n",
      "a: {b: c,}\nd: [e,]\n",
      "a: [\n  x,\n  \"y\",\n  z\n]\nb: 1\n",
      "a: {\n  b: c,\n  d: e\n}\n",
      "a: []\nb: {}\n",
      "a: [http://x:80/y, -1, --flag]\n",
      "a: |\n  line 1\n    indented\n\n  line 3\nb: 1\n",
      "a: |-\n  x\n  y\n\n\nb: 2\n",
      "a: |\n\n  x\n",
      "a: |\n  x",
      "- |\n  x\n- y\n",
      "a: | # comment\n  text: with colon\n  # not a comment\n",
      "---\na: 1\n---\nb: 2\n...\n",
      "---\na: 1\n---\n---\nb: 2\n",
      "# only a comment\n",
      "",
      "---\n",
      "a: 1\n---\n",
      "plain scalar document\n",
      "  a: 1\n  b: 2\n",
      "a: -1\nb: +2\nc: 0x1F\nd: 1.5e3\ne: .inf\nf: yes\ng: \"yes\"\nh: 1_000\n",
      "a: x:y\nb: a,b[c]{d}\nc: x#y\nd: it's\n",
      "<<: {a: 1}\nb: 2\n",
      "a: 1\na: 2\n",
      "a: -\n",
      "a:\n  b: 1\n   c: 2\n",
      "a: b\n  c\n",
      "- a\n  b\n",
      "a: \"x\ny\"\n",
      "a: &x 1\nb: *x\n",
      "a: !!str 1\n",
      "a: >\n  folded\n",
      "a: |+\n  keep\n\n",
      "a: |2\n   x\n",
      "a:\tb\n",
      "a: b\r\n",
      "a: caf\xc3\xa9\n",
      "? a\n: b\n",
      "%YAML 1.1\n---\na: 1\n",
      "a: [b, c\nd: e\n",
      "a: [b: c]\n",
      "a: {b}\n",
      "a: [b, , c]\n",
      "a: [b # c\n]\n",
      "a: \"\\x41\\u00e9\"\n",
      "\"a\" : b\n",
      "a: b: c\n",
      "- a\nb: c\n",
      "a:\n    x: 1\n  y: 2\n",
      "[a, b]: c\n",
      "a: [b]c\n",
      ",\n",
      "a: 1\n- b\n",
      "- a\n  - b\n",
      "a: |\n  x\n   \n  y\n",
      "a: |\n    x\n  y\n",
      "a: |\n\n   \n  x\n",
      "a: \"unterminated\n",
      "a: {b: c\n",
      "a: [b, c]]\n",
      "---a: 1\n",
      "--- a: 1\n",
      // Compared as prepared for yaml-cpp as well (core/yaml_input.h).
      "a: 1\rb:\r  - c\r",
      "\xEF\xBB\xBF"
      "a: 1\n---\n\xEF\xBB\xBF"
      "b: |\r  x\r",
      "a: x\xC2\x85  y\n",
  };
  int taken = 0;
  for (const char* text : inputs) taken += TakenAndSameAsYamlCpp(text);
  CHECK(taken > 30);
}

TEST_CASE("the YAML subset parser takes the common forms") {
  for (const char* text : {
           "a: 1\n",
           "a:\n  b: [c, {d: e}]\n  f:\n  - g\n  - h: i\n",
           "a: |\n  x\n  y\n",
           "---\na: 'b'\n---\nc: \"d\"\n",
       }) {
    INFO(text);
    CHECK(TakenAndSameAsYamlCpp(text));
  }
}

TEST_CASE("the YAML subset parser leaves what it does not read exactly to yaml-cpp") {
  for (const char* text : {
           "a: b\n  c\n",       // multi-line plain scalar
           "a: \"x\n  y\"\n",   // multi-line quoted scalar
           "a: &x 1\nb: *x\n",  // anchors and aliases
           "a: !!str 1\n",      // tags
           "a: >\n  folded\n",  // folded block scalar
           "a:\tb\n",           // tab
           "a: caf\xc3\xa9\n",  // UTF-8
           "a: 1\na: 2\n",      // an error: yaml-cpp's path words it
           "a: b: c\n",         // an error
       }) {
    INFO(text);
    std::vector<Value> docs;
    CHECK_FALSE(ReadYamlSubsetDocuments("in.yaml", text, &docs));
    CHECK(docs.empty());
  }
}

TEST_CASE("the YAML subset parser reads the test data as yaml-cpp does") {
  namespace fs = std::filesystem;
  int files = 0, taken = 0;
  for (const auto& entry : fs::recursive_directory_iterator(THV_SOURCE_DIR "/testdata")) {
    const std::string ext = entry.path().extension().string();
    if (!entry.is_regular_file() || (ext != ".yaml" && ext != ".yml")) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    INFO(entry.path().string());
    const bool taken_here = TakenAndSameAsYamlCpp(text.str());
    // testdata/bad holds hostile bytes on purpose; the share counts the inputs people write.
    if (entry.path().parent_path().filename() == "bad") continue;
    ++files;
    taken += taken_here;
  }
  MESSAGE("subset parser took " << taken << " of " << files << " files outside testdata/bad");
  CHECK(taken * 10 >= files * 8);
}

}  // namespace thv
