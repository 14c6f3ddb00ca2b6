// Differential tests of thv-render's CEL evaluator (model/cel*.cc, through the cel_eval driver):
//  (a) every x-kubernetes-validations rule of the ToolHive v0.44.0 CRDs (testdata/cel/
//      crd_schemas.json) on documents generated from the rule's schema node (each has() path
//      on and off, edge sizes, '*' lists, Unicode, wrong types), against @bufbuild/cel;
//  (b) regular expressions (matches) against @bufbuild/cel's RE2;
//  (c) the cel-spec conformance tests our Compile accepts, against their expected results.
//   node tests/cel/differential.mjs build/cel_eval
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { celEnv, isCelError, parse, plan } from "@bufbuild/cel";
import { strings } from "@bufbuild/cel/ext";
import { getConformanceSuite } from "@bufbuild/cel-spec/testdata/tests.js";
import { celRules, generateDocuments } from "./generate.mjs";

const driver = process.argv[2];
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const env = celEnv({ funcs: strings }); // Kubernetes' CEL has the strings library (lowerAscii)

// JSON for the driver: ints (BigInt) as integers, doubles always with a fraction or exponent.
function toJson(v) {
  if (typeof v === "bigint") return v.toString();
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new Error("non-finite double in a document");
    const s = String(v);
    return /[.e]/.test(s) ? s : s + ".0";
  }
  if (v instanceof Map) return "{" + [...v].map(([k, x]) => JSON.stringify(k) + ":" + toJson(x)).join(",") + "}";
  if (Array.isArray(v)) return "[" + v.map(toJson).join(",") + "]";
  return JSON.stringify(v);
}

function runDriver(cases) {
  const input = cases.map((c) => `{"expr":${JSON.stringify(c.expr)},"self":${toJson(c.self ?? null)}}`).join("\n") + "\n";
  const out = execFileSync(driver, { input, maxBuffer: 1 << 30 }).toString().trimEnd().split("\n");
  if (out.length !== cases.length) throw new Error(`driver answered ${out.length} of ${cases.length} lines`);
  return out.map((line) => JSON.parse(line));
}

// @bufbuild/cel's outcome, as cel::Evaluate reports it.
const plans = new Map();
function oracleOutcome(expr, self) {
  let fn = plans.get(expr);
  if (!fn) plans.set(expr, (fn = plan(env, parse(expr))));
  let r;
  try {
    r = fn({ self });
  } catch (e) {
    return "error";
  }
  if (r === true) return "true";
  if (r === false) return "false";
  return "error";
}

let failures = [];
function fail(section, message) {
  failures.push(`${section}: ${message}`);
}

// (a) CRD rules.
const crds = JSON.parse(fs.readFileSync(path.join(root, "testdata/cel/crd_schemas.json"), "utf8"));
const rules = celRules(crds);
// Every rule of the 14 CRDs, counted once per (kind, node, rule); the copies in other served
// versions are the same text on the same schema (checked by celRules).
const kExpectedRuleCopies = 135;
const kExpectedRules = 68;
if (rules.copies !== kExpectedRuleCopies || rules.unique.length !== kExpectedRules)
  fail("crd rules", `found ${rules.copies} rule copies / ${rules.unique.length} distinct, expected ${kExpectedRuleCopies} / ${kExpectedRules}`);
const ruleCases = [];
for (const rule of rules.unique) {
  for (const self of generateDocuments(rule)) ruleCases.push({ rule, expr: rule.rule, self });
}
const ruleResults = runDriver(ruleCases);
const outcomeCounts = { true: 0, false: 0, error: 0 };
const perRule = new Map();
ruleCases.forEach((c, i) => {
  const ours = ruleResults[i];
  const label = `${c.rule.kind} ${c.rule.path}: ${c.rule.rule}`;
  if (ours.compile_error) {
    if (!perRule.has(label)) fail("crd rules", `${label}: Compile refused it: ${ours.compile_error}`);
    perRule.set(label, "refused");
    return;
  }
  const theirs = oracleOutcome(c.expr, c.self);
  outcomeCounts[ours.outcome]++;
  const seen = perRule.get(label) ?? new Set();
  seen.add(ours.outcome);
  perRule.set(label, seen);
  if (ours.outcome !== theirs) fail("crd rules", `${label}\n    self=${toJson(c.self)}\n    ours=${ours.outcome} (${ours.error ?? ""}) @bufbuild/cel=${theirs}`);
});
// Each rule must have been seen both holding and failing, or the documents miss cases.
for (const [label, seen] of perRule) {
  if (seen !== "refused" && !(seen.has("true") && seen.has("false"))) fail("crd rules", `${label}: the generated documents only gave ${[...seen]}`);
}
console.log(`crd rules: ${rules.unique.length} rules, ${ruleCases.length} documents (${outcomeCounts.true} true, ${outcomeCounts.false} false, ${outcomeCounts.error} error)`);

// (b) Regular expressions, patterns as data so that both sides compile them at run time.
const { patterns, subjects } = JSON.parse(fs.readFileSync(path.join(root, "tests/cel/regex_cases.json"), "utf8"));
const regexCases = [];
for (const p of patterns) for (const s of subjects) regexCases.push({ expr: "self.s.matches(self.p)", self: new Map([["s", s], ["p", p]]) });
const regexResults = runDriver(regexCases);
let regexErrors = 0;
const refusedPatterns = new Set(); // RE2 syntax we refuse (documented in model/cel_regex.h)
regexCases.forEach((c, i) => {
  const ours = regexResults[i];
  const theirs = oracleOutcome(c.expr, c.self);
  if (ours.outcome === "error" && / unsupported$/.test(ours.error) && theirs !== "error") {
    refusedPatterns.add(c.self.get("p"));
    return;
  }
  if (ours.outcome === "error") regexErrors++;
  if (ours.outcome !== theirs) fail("regex", `${JSON.stringify(c.self.get("s"))}.matches(${JSON.stringify(c.self.get("p"))}): ours=${ours.outcome} (${ours.error ?? ""}) @bufbuild/cel=${theirs}`);
});
console.log(`regex: ${patterns.length} patterns x ${subjects.length} strings = ${regexCases.length} matches (${regexErrors} bad-pattern errors on both sides); refused as unsupported, not compared: ${[...refusedPatterns].map((p) => JSON.stringify(p)).join(" ")}`);

// (c) Conformance.
function expectedValue(v) {
  const k = v.kind;
  switch (k.case) {
    case "nullValue": return ["null"];
    case "boolValue": return ["bool", k.value];
    case "int64Value": return ["int", k.value.toString()];
    case "uint64Value": return ["uint", k.value.toString()];
    case "doubleValue": return ["double", k.value];
    case "stringValue": return ["string", k.value];
    case "bytesValue": return ["bytes", Buffer.from(k.value).toString("hex")];
    case "listValue": return ["list", k.value.values.map(expectedValue)];
    case "mapValue": return ["map", k.value.entries.map((e) => [expectedValue(e.key), expectedValue(e.value)])];
    case "objectValue":
      if (k.value.typeUrl === "type.googleapis.com/google.protobuf.Duration") return ["duration", decodeDuration(k.value.value)];
      return ["object", k.value.typeUrl];
    default: return [k.case ?? "unset"];
  }
}
function decodeDuration(bytes) {
  // google.protobuf.Duration: field 1 seconds, field 2 nanos, both varints.
  let seconds = 0n, nanos = 0n, i = 0;
  const varint = () => {
    let r = 0n, shift = 0n;
    for (;;) {
      const b = bytes[i++];
      r |= BigInt(b & 0x7f) << shift;
      shift += 7n;
      if (!(b & 0x80)) return BigInt.asIntN(64, r);
    }
  };
  while (i < bytes.length) {
    const tag = bytes[i++];
    if (tag === 0x08) seconds = varint();
    else if (tag === 0x10) nanos = varint();
    else throw new Error("unexpected Duration field");
  }
  return (seconds * 1000000000n + nanos).toString();
}
function sameValue(a, b) {
  if (a[0] !== b[0]) return false;
  switch (a[0]) {
    case "double": {
      const x = typeof a[1] === "number" ? a[1] : Number(a[1]);
      const y = typeof b[1] === "number" ? b[1] : Number(b[1]);
      return Object.is(x, y) || (x === y);
    }
    case "list": return a[1].length === b[1].length && a[1].every((x, i) => sameValue(x, b[1][i]));
    case "map": return a[1].length === b[1].length && a[1].every(([k, v]) => b[1].some(([k2, v2]) => sameValue(k, k2) && sameValue(v, v2)));
    default: return a.length === b.length && a.every((x, i) => x === b[i]);
  }
}

const conformance = [];
const skipped = new Map(); // section -> [name: reason]
function skip(section, name, reason) {
  if (!skipped.has(section)) skipped.set(section, []);
  skipped.get(section).push(`${name} (${reason})`);
}
(function walk(suite, prefix) {
  for (const t of suite.tests ?? []) {
    const o = t.original;
    const section = prefix.split("/")[1];
    const name = `${prefix.split("/").slice(2).join("/")}/${o.name}`;
    const m = o.resultMatcher;
    if (o.typeEnv.length || Object.keys(o.bindings).length || o.container) skip(section, name, "bindings/types/container");
    else if (o.disableMacros || o.checkOnly) skip(section, name, "macros off or check only");
    else if (m.case !== undefined && !["value", "evalError", "anyEvalErrors", "typedResult"].includes(m.case)) skip(section, name, m.case);
    else conformance.push({ section, name, expr: o.expr, expect: m.case === undefined ? { value: ["bool", true] } : m.case === "value" ? { value: expectedValue(m.value) } : m.case === "typedResult" ? { value: expectedValue(m.value.result) } : { error: true } });
  }
  for (const s of suite.suites ?? []) walk(s, `${prefix}/${s.name}`);
})(getConformanceSuite(), "");
const confResults = runDriver(conformance);
let run = 0, passed = 0;
conformance.forEach((c, i) => {
  const ours = confResults[i];
  if (ours.compile_error) return skip(c.section, c.name, "outside the subset");
  run++;
  const ok = c.expect.error ? ours.error !== undefined : ours.value !== undefined && sameValue(c.expect.value, ours.value);
  if (ok) passed++;
  else fail("conformance", `${c.section}/${c.name}: ${c.expr}\n    expected ${JSON.stringify(c.expect)} got ${JSON.stringify(ours)}`);
});
let skippedCount = 0;
for (const list of skipped.values()) skippedCount += list.length;
console.log(`conformance: ${run} run, ${passed} passed, ${run - passed} failed, ${skippedCount} skipped (not counted as passed)`);
for (const [section, list] of [...skipped].sort()) console.log(`  skipped in ${section} (${list.length}): ${list.join(", ")}`);

for (const f of failures.slice(0, 200)) console.log("FAIL " + f);
if (failures.length > 200) console.log(`... and ${failures.length - 200} more failures`);
const total = ruleCases.length + regexCases.length - refusedPatterns.size * subjects.length + run;
console.log(`${total - failures.length} passed, ${failures.length} failed`);
process.exit(failures.length ? 1 : 0);
