// Writes testdata/cel/crd_schemas.json from a directory of CRD YAML files: for each CRD its
// kind and, per served version, the openAPIV3Schema without descriptions (the differential
// test generates documents from these and runs their x-kubernetes-validations rules).
//   node tests/cel/extract_crds.mjs DIR > testdata/cel/crd_schemas.json
import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";

function strip(x) {
  if (Array.isArray(x)) return x.map(strip);
  if (x && typeof x === "object") {
    const out = {};
    for (const [k, v] of Object.entries(x)) if (k !== "description") out[k] = strip(v);
    return out;
  }
  return x;
}

const dir = process.argv[2];
const crds = [];
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".yaml")).sort()) {
  const crd = YAML.parse(fs.readFileSync(path.join(dir, file), "utf8"));
  crds.push({
    file,
    kind: crd.spec.names.kind,
    versions: crd.spec.versions.map((v) => ({
      name: v.name,
      schema: strip(v.schema.openAPIV3Schema),
    })),
  });
}
// One CRD version per line: small diffs when a CRD changes.
process.stdout.write(
  "[\n" + crds.flatMap((c) => c.versions.map((v) => JSON.stringify({ file: c.file, kind: c.kind, version: v.name, schema: v.schema }))).join(",\n") + "\n]\n",
);
