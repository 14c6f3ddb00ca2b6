// The target list and each target's tables agreeing with themselves.
#include "targets/targets.h"

#include <doctest/doctest.h>

#include <set>
#include <string>

namespace thv {

TEST_CASE("targets: found by name, default first, names listed in order") {
  CHECK(FindTarget("7002a239b") != nullptr);
  CHECK(FindTarget("7002a239") == nullptr);  // no prefixes: a pin names one release exactly
  CHECK(FindTarget("") == nullptr);
  CHECK(&DefaultTarget() == AllTargets().front());
  CHECK(std::string(DefaultTarget().name) == "v0.44.0");  // the newest release
  REQUIRE(SupportedNames().size() == AllTargets().size());
  for (size_t i = 0; i < AllTargets().size(); ++i)
    CHECK(SupportedNames()[i] == AllTargets()[i]->name);
}

TEST_CASE("targets: every CRD kind has a behaviour, every behaviour a CRD") {
  for (const Target* t : AllTargets()) {
    CAPTURE(t->name);
    std::set<std::string> crd_kinds, kinds;
    for (const CrdVersion* c = t->crds; c->kind; ++c) {
      crd_kinds.insert(c->kind);
      CHECK(c->schema != nullptr);
      // ToolHive's group, or thv-render's own (RegistryData).
      CHECK((std::string(c->api_version).rfind(std::string(kToolhiveGroup) + "/", 0) == 0 ||
             std::string(c->api_version) == std::string(kRenderGroup) + "/v1alpha1"));
      CHECK(FindCrd(*t, c->api_version, c->kind) == c);
    }
    for (const TargetKind* k = t->kinds; k->kind; ++k) {
      CAPTURE(k->kind);
      CHECK(kinds.insert(k->kind).second);
      CHECK(FindKind(*t, k->kind) == k);
      CHECK((k->role == KindRole::kRendered) == static_cast<bool>(k->render));
      CHECK(k->id != ToolhiveKind::kNone);
    }
    CHECK(crd_kinds == kinds);
    // `list`: one MCPServer table, or a table per kind (every kind of the target has one; the
    // registry stage's kinds share the registry table, whose columns come from the lock).
    for (const TargetKind* k = t->kinds; k->kind && !t->list_server; ++k) {
      CAPTURE(k->kind);
      if (k->id == ToolhiveKind::kMCPRegistry) continue;
      REQUIRE(k->list);
      size_t columns = 0;
      while (k->list->columns[columns]) ++columns;
      CHECK(columns > 0);
    }
    for (const FieldRename* r = t->renames; r && r->kind; ++r) CHECK(kinds.count(r->kind) == 1);
  }
}

}  // namespace thv
