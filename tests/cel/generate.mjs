// The CRD rules of testdata/cel/crd_schemas.json and the `self` documents the differential
// test evaluates them on (deterministic: a seeded generator per rule).

// Every x-kubernetes-validations rule: walks properties, items and additionalProperties as
// the API server applies rules. Copies of a rule in several served versions with the same
// schema node count once in `unique`.
export function celRules(crds) {
  const unique = new Map();
  let copies = 0;
  const walk = (schema, path, crd) => {
    if (!schema || typeof schema !== "object") return;
    for (const r of schema["x-kubernetes-validations"] ?? []) {
      copies++;
      const node = { ...schema };
      const key = JSON.stringify([crd.kind, path, r.rule, node]);
      if (!unique.has(key)) unique.set(key, { kind: crd.kind, version: crd.version, path, rule: r.rule, message: r.message, schema: node });
    }
    for (const [k, v] of Object.entries(schema.properties ?? {})) walk(v, path ? `${path}.${k}` : k, crd);
    if (schema.items) walk(schema.items, `${path}[]`, crd);
    if (schema.additionalProperties && typeof schema.additionalProperties === "object") walk(schema.additionalProperties, `${path}{}`, crd);
  };
  for (const crd of crds) walk(crd.schema, "", crd);
  return { copies, unique: [...unique.values()] };
}

function rngFor(text) {
  let h = 2166136261;
  for (const c of text) h = Math.imul(h ^ c.codePointAt(0), 16777619);
  let s = h >>> 0;
  return () => {
    // mulberry32
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const kStrings = ["", "a", "*", "http://issuer", "https://issuer", "redis", "memory", "oidc", "é", "日本語", "😀x",
  "Authorization", "authorization", "Content-Type", "X-Api-Key", "bad header", "x'y", "sub", "email",
  "0", "0s", "1s", "999ms", "1000ms", "2s", "-1s", "1h30m", "1.5h", "10us", "1µs", "bad", ".5s"];
const kInts = [0n, 1n, 2n, -1n, 1000n, 9223372036854775807n, -9223372036854775808n];
const kDoubles = [0.5, 1.5, -2.25, 1e300];
// Values of the wrong type for a schema type. Never a list where an object belongs: has() on a
// list is an error in cel-go (which Kubernetes runs, and we follow) and false in @bufbuild/cel.
// Never null: Kubernetes prunes nulls of non-nullable fields before validation and reads a
// null field of an object as absent, which neither oracle does (a doctest covers it).
const kWrong = {
  object: [7n, "wrong", true, 2.5],
  array: [7n, "wrong", new Map()],
  scalar: [7n, "wrong", true, 2.5, [], new Map()],
};

// Documents for one rule: first every on/off combination of its has(self.a.b) paths (up to
// 2^7), then random ones. About 3% of values have a type the schema does not allow, so that
// errors and overload resolution are compared too.
export function generateDocuments(rule) {
  const rng = rngFor(`${rule.kind} ${rule.path} ${rule.rule}`);
  const pick = (list) => list[Math.floor(rng() * list.length)];
  const literals = [...rule.rule.matchAll(/'([^'\\]*)'|"([^"\\]*)"/g)].map((m) => m[1] ?? m[2]);
  const pickString = () => (literals.length && rng() < 0.5 ? pick(literals) : pick(kStrings));

  const gen = (schema, depth) => {
    if (depth > 0 && rng() < 0.03) {
      return pick(kWrong[schema.type === "object" || schema.properties ? "object" : schema.type === "array" ? "array" : "scalar"]);
    }
    if (schema["x-kubernetes-int-or-string"]) return rng() < 0.5 ? pick(kInts) : pickString();
    const type = schema.type ?? (schema.properties ? "object" : undefined);
    switch (type) {
      case "object": {
        const m = new Map();
        const presence = depth < 2 ? 0.6 : depth < 5 ? 0.35 : 0;
        if (schema.properties) {
          // Required fields are mostly there (schema validation demands them), not always.
          const required = new Set(schema.required ?? []);
          for (const [k, sub] of Object.entries(schema.properties)) {
            if (rng() < (required.has(k) && depth < 5 ? 0.9 : presence)) m.set(k, gen(sub, depth + 1));
          }
        } else if (schema.additionalProperties && typeof schema.additionalProperties === "object") {
          const n = pick([0, 1, 1, 2, 3]);
          for (let i = 0; i < n; i++) m.set(pickString(), gen(schema.additionalProperties, depth + 1));
        }
        return m;
      }
      case "array": {
        const n = depth > 5 ? 0 : pick([0, 1, 1, 2, 3]);
        const items = [];
        for (let i = 0; i < n; i++) items.push(gen(schema.items ?? {}, depth + 1));
        return items;
      }
      case "string":
        return schema.enum && rng() < 0.9 ? pick(schema.enum) : pickString();
      case "integer":
        return pick(kInts);
      case "number":
        return pick(kDoubles);
      case "boolean":
        return rng() < 0.5;
      default:
        return pickString();
    }
  };

  // Schema of a property path below the rule's node.
  const schemaAt = (fields) => {
    let s = rule.schema;
    for (const f of fields) s = s?.properties?.[f];
    return s;
  };
  const hasPaths = [...new Set([...rule.rule.matchAll(/has\(self\.([A-Za-z0-9_.]+)\)/g)].map((m) => m[1]))]
    .map((p) => p.split("."))
    .filter((p) => schemaAt(p));
  const force = (doc, fields, present) => {
    let node = doc;
    for (let i = 0; i < fields.length - 1; i++) {
      if (!(node instanceof Map)) return;
      if (!(node.get(fields[i]) instanceof Map)) {
        if (!present) return;
        node.set(fields[i], new Map());
      }
      node = node.get(fields[i]);
    }
    if (!(node instanceof Map)) return;
    const last = fields[fields.length - 1];
    if (!present) node.delete(last);
    else if (!node.has(last)) node.set(last, gen(schemaAt(fields), fields.length));
  };

  const docs = [];
  const combos = 1 << Math.min(hasPaths.length, 7);
  for (let i = 0; i < combos + 150; i++) {
    const doc = gen(rule.schema, 0);
    if (i < combos) hasPaths.forEach((p, j) => j < 7 && force(doc, p, (i >> j) & 1));
    docs.push(doc);
  }
  return docs;
}
