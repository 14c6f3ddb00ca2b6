#include "migrate/migrate.h"

#include <memory>
#include <set>

#include "core/yaml_input.h"
#include "core/yaml_reader.h"
#include "core/yaml_writer.h"
#include "migrate/edits.h"
#include "migrate/mcpregistry.h"
#include "migrate/mcpserver.h"
#include "model/inputs.h"
#include "targets/targets.h"

namespace thv {

namespace {

constexpr char kFrom[] = "7002a239b";
constexpr char kTo[] = "v0.44.0";

// Whether doc is a valid object at target, strictly (an unknown field is an error: a field of
// another release must not pass as one this release prunes). Errors go to errors when given.
bool ValidAt(const Target& target, const std::string& file, const Value& doc,
             std::vector<Object>* objects, Diagnostics* errors) {
  InputOptions options;
  options.target = &target;
  options.strict = true;
  Diagnostics local;
  std::vector<Object> found;
  CollectObjects(file, {doc}, options, &found, &local);
  if (errors)
    for (const Diagnostic& d : local.items())
      if (d.severity == Severity::kError) errors->Add(d);
  if (objects) *objects = std::move(found);
  return !local.HasErrors();
}

bool IsRegistryData(const Value& doc) {
  return StringAt(doc.Find("kind")) == "RegistryData" &&
         StringAt(doc.Find("apiVersion")).rfind("render.thv-render.stacklok.dev/", 0) == 0;
}

bool IsToolhive(const Value& doc) {
  const Value* av = doc.Find("apiVersion");
  return av && av->IsString() && av->text.rfind("toolhive.stacklok.dev/", 0) == 0;
}

std::string WithCrlf(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r')) out += '\r';
    out += text[i];
  }
  return out;
}

struct ParsedFile {
  std::string name;
  std::string text;
  std::vector<Value> docs;
  std::unique_ptr<YamlTextPositions> positions;
};

bool Parse(const MigrateInput& in, ParsedFile* out, Diagnostics* diags) {
  out->name = in.name;
  out->text = in.text;
  std::string prepared;
  bool changed = false;
  YamlInputProblem problem;
  if (!PrepareYamlInput(in.text, &prepared, &changed, &problem)) {
    diags->Error(in.name, problem.mark, "", problem.message);
    return false;
  }
  if (changed) {
    diags->Error(in.name, Mark{}, "",
                 "migrate edits UTF-8 text with LF or CRLF line ends, without byte order marks; "
                 "convert the file first");
    return false;
  }
  if (!ReadYamlDocuments(in.name, in.text, &out->docs, diags)) return false;
  out->positions = std::make_unique<YamlTextPositions>(out->text);
  return true;
}

}  // namespace

bool MigrationSupported(const Target* from, const Target& to, std::string* why) {
  if (std::string(to.name) != kTo) {
    *why = std::string("migrate --to ") + to.name + ": only --to " + kTo + " is supported";
    return false;
  }
  if (from && std::string(from->name) != kFrom && std::string(from->name) != kTo) {
    *why = std::string("migrate --from ") + from->name + ": only --from " + kFrom + " is supported";
    return false;
  }
  return true;
}

std::vector<std::string> Migrate(const std::vector<MigrateInput>& inputs,
                                 const MigrateOptions& options, Diagnostics* diags) {
  std::vector<std::string> result;
  const Target* old_target = FindTarget(kFrom);
  const Target& new_target = *options.to;
  const bool nothing_to_do = options.from && options.from == options.to;
  std::vector<ParsedFile> files(inputs.size());
  for (size_t i = 0; i < inputs.size(); ++i) Parse(inputs[i], &files[i], diags);
  if (diags->HasErrors() || nothing_to_do) {
    for (const MigrateInput& in : inputs) result.push_back(in.text);
    return result;
  }

  // Which documents to migrate; config objects already at the target join the pool so that
  // split-out settings reuse them.
  ConfigPool pool;
  std::set<std::string> configmaps;  // <namespace>/<name> of the inputs' ConfigMaps
  InputConfigMaps configmap_docs;
  std::vector<std::vector<bool>> migrate(files.size());
  for (ParsedFile& f : files) {
    std::vector<bool>& mine = migrate[&f - files.data()];
    for (const Value& doc : f.docs) {
      bool old = false;
      const Value* meta = doc.IsMapping() ? doc.Find("metadata") : nullptr;
      // ConfigMaps, and the RegistryData documents that render one of their name.
      if (meta && ((StringAt(doc.Find("kind")) == "ConfigMap" &&
                    StringAt(doc.Find("apiVersion")) == "v1") ||
                   IsRegistryData(doc))) {
        std::string ns = StringAt(meta->Find("namespace"));
        const std::string key =
            (ns.empty() ? options.default_namespace : ns) + "/" + StringAt(meta->Find("name"));
        configmaps.insert(key);
        if (!IsRegistryData(doc)) configmap_docs[key] = {f.name, &doc};
      }
      if (doc.IsMapping() && IsToolhive(doc)) {
        Diagnostics old_errors, new_errors;
        std::vector<Object> objects;
        if (ValidAt(*old_target, f.name, doc, nullptr, &old_errors)) {
          old = true;
        } else {
          // Already at the target: left alone, unless --from names the old release for a
          // v1alpha1 document (both releases serve v1alpha1; only the old one is asked for).
          const bool v1alpha1 =
              StringAt(doc.Find("apiVersion")) == "toolhive.stacklok.dev/v1alpha1";
          const bool at_target = ValidAt(new_target, f.name, doc, &objects, &new_errors);
          if (!at_target || (options.from && v1alpha1)) {
            for (const Diagnostic& d : (v1alpha1 ? old_errors : new_errors).items()) diags->Add(d);
            diags->Error(f.name, doc.mark, "",
                         std::string("refused: not a valid object at ") +
                             (options.from ? std::string(options.from->name)
                                           : std::string(kFrom) + " or " + kTo) +
                             " (fix it at its own release, then migrate)");
          }
        }
        const std::string kind = StringAt(doc.Find("kind"));
        const Value* spec = doc.Find("spec");
        if ((kind == "MCPOIDCConfig" || kind == "MCPTelemetryConfig" || kind == "MCPToolConfig") &&
            meta && spec && (old || !objects.empty()))
          pool.AddExisting(kind, StringAt(meta->Find("namespace")), StringAt(meta->Find("name")),
                           *spec);
      }
      mine.push_back(old);
    }
  }
  if (diags->HasErrors()) {
    for (const MigrateInput& in : inputs) result.push_back(in.text);
    return result;
  }

  for (size_t fi = 0; fi < files.size(); ++fi) {
    ParsedFile& f = files[fi];
    std::vector<TextRange> ranges = f.positions->Documents();
    std::vector<TextEdit> edits;
    for (size_t di = 0; di < f.docs.size(); ++di) {
      if (!migrate[fi][di]) continue;
      DocumentEdit d;
      d.file = f.name;
      d.text = f.text;
      d.positions = f.positions.get();
      d.doc = &f.docs[di];
      d.default_namespace = options.default_namespace;
      const std::string kind = StringAt(d.doc->Find("kind"));
      if (kind == "MCPServer") {
        MigrateServer(&d, &pool, configmap_docs, diags);
      } else if (kind == "MCPRegistry") {
        MigrateRegistry(&d, options, configmaps, diags);
      } else {
        BumpApiVersion(&d, diags);  // MCPToolConfig: the same spec at v0.44.0
      }
      edits.insert(edits.end(), d.edits.begin(), d.edits.end());
      if (d.new_docs.empty() && d.new_doc_texts.empty()) continue;
      size_t at = f.positions->Offset(d.doc->mark);
      TextRange range{f.text.size(), f.text.size()};
      for (const TextRange& r : ranges)
        if (at >= r.begin && at < r.end) range = r;
      std::string inserted = range.end > 0 && f.text[range.end - 1] != '\n' ? "\n" : "";
      for (const std::string& doc : d.new_doc_texts) inserted += "---\n" + doc;
      for (const Value& doc : d.new_docs) {
        inserted += "---\n";
        AppendYaml(doc, &inserted);
      }
      edits.push_back({range.end, range.end, inserted});
    }
    if (f.text.find("\r\n") != std::string::npos)
      for (TextEdit& e : edits) e.text = WithCrlf(e.text);  // new lines end as the file's do
    result.push_back(ApplyEdits(f.text, edits));
  }
  if (diags->HasErrors()) {
    for (size_t i = 0; i < inputs.size(); ++i) result[i] = inputs[i].text;  // nothing half-done
    return result;
  }

  // The output must read back as valid objects at the target; anything else is a bug here, and
  // reported rather than written.
  for (size_t i = 0; i < result.size(); ++i) {
    std::string name = files[i].name + " (migrated)";
    std::vector<Value> docs;
    Diagnostics errors;
    if (!ReadYamlDocuments(name, result[i], &docs, &errors)) {
      for (const Diagnostic& d : errors.items()) diags->Add(d);
      continue;
    }
    for (const Value& doc : docs)
      if (doc.IsMapping() && (IsToolhive(doc) || IsRegistryData(doc)))
        ValidAt(new_target, name, doc, nullptr, diags);
  }
  return result;
}

}  // namespace thv
