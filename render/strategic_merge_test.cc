#include "render/strategic_merge.h"

#include <doctest/doctest.h>

#include "core/json_text.h"
#include "core/testing.h"

namespace thv {

namespace {

Value Json(const std::string& text) {
  Value v;
  JsonSyntaxError err;
  REQUIRE_MESSAGE(ParseJson(text, &v, &err), err.message);
  return v;
}

std::string Merge(const std::string& original, const std::string& patch) {
  Value o = Json(original);
  std::string error;
  REQUIRE_MESSAGE(StrategicMergePodTemplate(&o, Json(patch), &error), error);
  return GoJsonCompact(o);
}

std::string MergeError(const std::string& original, const std::string& patch) {
  Value o = Json(original);
  std::string error;
  CHECK_FALSE(StrategicMergePodTemplate(&o, Json(patch), &error));
  return error;
}

}  // namespace

TEST_CASE("maps merge, scalars and lists without a strategy are replaced, null deletes") {
  // mergeMap (strategicpatch/patch.go:1322-1440): recursive for maps, the patch's value for
  // anything else; a null deletes the key (Go then stores the null, which decodes as unset).
  CHECK(
      Merge(
          R"({"metadata":{"labels":{"a":"1"}},"spec":{"containers":[{"name":"c","args":["x"]}]}})",
          R"({"metadata":{"labels":{"b":"2"},"annotations":{"k":"v"}},)"
          R"("spec":{"containers":[{"name":"c","args":["y","z"]}],"nodeSelector":{"n":"1"}}})") ==
      R"({"metadata":{"labels":{"a":"1","b":"2"},"annotations":{"k":"v"}},)"
      R"("spec":{"containers":[{"name":"c","args":["y","z"]}],"nodeSelector":{"n":"1"}}})");
  CHECK(Merge(R"({"spec":{"containers":[],"tolerations":[{"key":"a"}]}})",
              R"({"spec":{"tolerations":[{"key":"b"}]}})") ==
        R"({"spec":{"containers":[],"tolerations":[{"key":"b"}]}})");
  CHECK(Merge(R"({"metadata":{"labels":{"a":"1"}}})", R"({"metadata":{"labels":null}})") ==
        R"({"metadata":{"labels":null}})");
  // A different JSON type replaces (patch.go:1390-1401).
  CHECK(Merge(R"({"spec":{"hostname":"a"}})", R"({"spec":{"hostname":1}})") ==
        R"({"spec":{"hostname":1}})");
}

TEST_CASE("merge lists: by key in place, new elements in the patch's order (mergeSlice)") {
  // containers by name (core/v1 types.go:4135), env by name (:2970), ports by containerPort
  // (:2953, numbers compare as float64).
  CHECK(
      Merge(R"({"spec":{"containers":[{"name":"a","image":"i","env":[{"name":"X","value":"1"}],)"
            R"("ports":[{"containerPort":8080,"name":"http"}]},{"name":"b"}]}})",
            R"({"spec":{"containers":[{"name":"a","env":[{"name":"Y","value":"2"},)"
            R"({"name":"X","value":"3"}],"ports":[{"containerPort":8080.0,"protocol":"TCP"}]},)"
            R"({"name":"s","image":"side"}]}})") ==
      // X is in both lists: the patch's relative order wins over the original's (normalize
      // ElementOrder, patch.go:404-469). mergeSortedSlice puts a server-only element (b) first only
      // when it and the patch's element both stood in the original, so the new s comes before b;
      // the patch's number is kept as written (Go stores the patch's float64).
      R"({"spec":{"containers":[{"name":"a","image":"i","env":[{"name":"Y","value":"2"},)"
      R"({"name":"X","value":"3"}],"ports":[{"containerPort":8080.0,"name":"http","protocol":"TCP"}]},)"
      R"({"name":"s","image":"side"},{"name":"b"}]}})");
  // A new element named in the patch before one of the original's goes before it.
  CHECK(Merge(R"({"spec":{"containers":[{"name":"a"},{"name":"b"}]}})",
              R"({"spec":{"containers":[{"name":"x"},{"name":"a","image":"i"}]}})") ==
        R"({"spec":{"containers":[{"name":"x"},{"name":"a","image":"i"},{"name":"b"}]}})");
  // imagePullSecrets by name: a union (types.go:4240).
  CHECK(Merge(R"({"spec":{"imagePullSecrets":[{"name":"d"}]}})",
              R"({"spec":{"imagePullSecrets":[{"name":"u"},{"name":"d"}]}})") ==
        R"({"spec":{"imagePullSecrets":[{"name":"u"},{"name":"d"}]}})");
  // volumeMounts by mountPath (:3021), not by name; the new one goes first, as above.
  CHECK(
      Merge(
          R"({"spec":{"containers":[{"name":"a","volumeMounts":[{"name":"v","mountPath":"/d"}]}]}})",
          R"({"spec":{"containers":[{"name":"a","volumeMounts":[{"name":"v","mountPath":"/e"}]}]}})") ==
      R"({"spec":{"containers":[{"name":"a","volumeMounts":[{"name":"v","mountPath":"/e"},)"
      R"({"name":"v","mountPath":"/d"}]}]}})");
}

TEST_CASE("StrategicMergePatch's failures, and directives thv-render does not apply") {
  CHECK(MergeError(R"({"spec":{"containers":[{"name":"a"}]}})",
                   R"({"spec":{"containers":[{"image":"i"}]}})") ==
        "an element of spec.containers does not contain declared merge key: name");
  CHECK(
      MergeError(R"({"spec":{"containers":[{"name":"a"}]}})", R"({"spec":{"containers":["a"]}})") ==
      "spec.containers: the elements of the list are of different types");
  CHECK(
      MergeError(R"({"spec":{}})", R"({"spec":{"containers":[{"name":"a","$patch":"delete"}]}})") ==
      "spec.containers[0].$patch: strategic merge patch directives are not supported");
  CHECK(MergeError(R"({"spec":{}})", R"({"spec":{"$setElementOrder/containers":[]}})") ==
        "spec.$setElementOrder/containers: strategic merge patch directives are not supported");
}

}  // namespace thv
