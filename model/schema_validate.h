// Validates custom resources against their CRD's OpenAPI v3 schema the way the Kubernetes API
// server does on create: nulls dropped, unknown fields pruned, defaults applied, then checked.
#pragma once

#include <functional>
#include <string>

#include "core/diagnostics.h"
#include "core/value.h"
#include "model/cel.h"
#include "model/schema.h"

namespace thv {

struct Target;

struct SchemaOptions {
  bool strict = false;  // unknown fields are errors (kubectl --validate=strict), else warnings
  // With both set, an unknown field that the target renamed from an older release's is an
  // error saying what it became (Target::renames), whatever strict says.
  const Target* target = nullptr;
  std::string kind;
  // Called after each x-kubernetes-validations rule is evaluated, with the node's path as errors
  // give it (tests count the rules reached).
  std::function<void(const std::string& path, const SchemaRule& rule, cel::Outcome outcome)>
      on_rule;
  // Cost units all rules of one object may spend: the API server's RuntimeCELCostBudget is ten
  // per-call limits.
  int64_t cel_budget = 10 * cel::kCostLimit;
};

// Applies CRD defaults in place (absent properties with a default get it, recursively, also
// inside objects just defaulted), prunes unknown fields, then validates. Problems go to diags
// with `file`, the node's mark (an unknown field's key mark; a missing required field's parent
// object mark), a dotted path ("spec.secrets[0].key") and an API-server-like message. At the
// root, `metadata` (checked by the caller) and `status` (reset by the API server on create)
// are left alone. String formats the API server checks (uri, duration, date-time, date) are
// checked. Then, when the CRD has x-kubernetes-validations rules and nothing the API server counts
// as blocking them failed, each present node's rules are evaluated (model/cel.h) and every
// failure reported with the API server's message. Returns true when no errors were reported.
bool ValidateAgainstSchema(const SchemaNode& root, const std::string& file, Value* doc,
                           const SchemaOptions& opts, Diagnostics* diags);

}  // namespace thv
