#!/usr/bin/env node
// Validates every Kubernetes object in YAML streams or JSON (a List or objects) against the
// Kubernetes OpenAPI models of the npm package kubernetes-models, and rejects unknown fields,
// which those models accept: fields are checked against the models' TypeScript declarations.
//   node validate.mjs [--allow-unknown] [FILE...]   (no FILE: stdin)
import { readFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { parseAllDocuments } from "yaml";

const require = createRequire(import.meta.url);
const modelsRoot = path.dirname(require.resolve("kubernetes-models/package.json"));
const nodeModules = path.dirname(modelsRoot);

const args = process.argv.slice(2);
const allowUnknown = args.includes("--allow-unknown");
const files = args.filter((a) => a !== "--allow-unknown");

// Scalars as Go's YAML readers (kubectl, the API server) resolve them: a float that overflows
// ("7449e896", which kubectl kustomize writes unquoted) stays a string rather than Infinity.
function goFloats(tags) {
  return tags.map((tag) =>
    tag.tag === "tag:yaml.org,2002:float" && tag.format === "EXP"
      ? { ...tag, resolve: (str) => (Number.isFinite(parseFloat(str)) ? parseFloat(str) : str) }
      : tag,
  );
}

function readInputs() {
  const texts = files.length ? files.map((f) => [f, readFileSync(f, "utf8")]) : [["<stdin>", readFileSync(0, "utf8")]];
  const objects = [];
  for (const [name, text] of texts) {
    for (const doc of parseAllDocuments(text, { customTags: goFloats })) {
      if (doc.errors.length) throw new Error(`${name}: ${doc.errors[0].message}`);
      const value = doc.toJS();
      if (value == null) continue;
      if (value.kind === "List" && Array.isArray(value.items)) objects.push(...value.items);
      else objects.push(value);
    }
  }
  return objects;
}

// Model module for apiVersion/kind, e.g. apps/v1 Deployment -> kubernetes-models/apps/v1/Deployment.
function modelPath(apiVersion, kind) {
  const dir = apiVersion.includes("/") ? apiVersion : `v1`;
  return path.join(modelsRoot, dir, `${kind}.js`);
}

// Declarations: per .d.ts file, its interface's properties and where imported types live.
const declarations = new Map();
function declaration(file) {
  if (declarations.has(file)) return declarations.get(file);
  const text = readFileSync(file, "utf8");
  const imports = new Map();
  for (const m of text.matchAll(/import \{ (\w+) \} from "([^"]+)";/g)) {
    let target = m[2];
    if (target.startsWith(".")) target = path.resolve(path.dirname(file), target);
    else target = path.join(nodeModules, target.endsWith(".js") ? target : target + ".js");
    imports.set(m[1], target.replace(/\.js$/, ".d.ts"));
  }
  const body = text.match(/export interface \w+[^{]*\{\n([\s\S]*?)\n\}/);
  const props = new Map();
  if (body) {
    // Property lines are indented four spaces; nested map types span several lines.
    const re = /^    "([^"]+)"\??: ([\s\S]*?);$(?=\n    (?:"|\/\*\*)|\n?$)/gm;
    for (const m of body[1].matchAll(re)) props.set(m[1], m[2].replace(/\s+/g, " "));
  }
  const result = { props, imports };
  declarations.set(file, result);
  return result;
}

function checkType(type, value, decl, where, errors) {
  if (value == null) return;
  let m;
  if ((m = type.match(/^Array<(\w+)>$/)) && Array.isArray(value)) {
    value.forEach((v, i) => checkType(m[1], v, decl, `${where}[${i}]`, errors));
  } else if ((m = type.match(/^\{ \[key: string\]: (\w+); \}$/)) && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) checkType(m[1], v, decl, `${where}.${k}`, errors);
  } else if (decl.imports.has(type) && typeof value === "object" && !Array.isArray(value)) {
    checkFields(decl.imports.get(type), value, where, errors);
  }
}

function checkFields(file, value, where, errors) {
  if (!existsSync(file)) return;
  const decl = declaration(file);
  if (decl.props.size === 0) return; // a scalar-like model (Quantity, IntOrString, Time)
  for (const [key, v] of Object.entries(value)) {
    if (!decl.props.has(key)) {
      errors.push(`unknown field "${where ? where + "." : ""}${key}"`);
      continue;
    }
    checkType(decl.props.get(key), v, decl, where ? `${where}.${key}` : key, errors);
  }
}

let objects;
try {
  objects = readInputs();
} catch (e) {
  console.error(e.message);
  process.exit(1);
}
let invalid = 0;
for (const obj of objects) {
  const id = `${obj?.kind ?? "?"} ${obj?.metadata?.namespace ? obj.metadata.namespace + "/" : ""}${obj?.metadata?.name ?? "?"}`;
  const file = obj?.apiVersion && obj?.kind ? modelPath(obj.apiVersion, obj.kind) : "";
  if (!file || !existsSync(file)) {
    if (!allowUnknown) {
      console.log(`${id}: no model for ${obj?.apiVersion}/${obj?.kind}`);
      invalid++;
    }
    continue;
  }
  const mod = await import(file);
  const Model = mod[obj.kind];
  const errors = [];
  try {
    new Model(obj).validate();
  } catch (e) {
    errors.push(e.message);
  }
  checkFields(file.replace(/\.js$/, ".d.ts"), obj, "", errors);
  if (errors.length) {
    invalid++;
    console.log(`${id}: ${errors.join("; ")}`);
  }
}
if (invalid) process.exit(1);
console.log(`validated ${objects.length} objects`);
