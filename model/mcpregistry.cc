#include "model/mcpregistry.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "model/decode.h"

namespace thv {

bool ParseGoDuration(const std::string& text, int64_t* milliseconds) {
  // Two-letter units come before their one-letter prefixes so "ms" is never read as "m".
  static const std::pair<std::string, double> kUnits[] = {
      {"ns", 1e-6}, {"us", 1e-3}, {"\xC2\xB5s", 1e-3}, {"ms", 1},
      {"s", 1e3},   {"m", 6e4},   {"h", 3.6e6}};
  if (text == "0") {
    *milliseconds = 0;
    return true;
  }
  double total = 0;
  size_t i = 0;
  while (i < text.size()) {
    size_t start = i;
    while (i < text.size() && (isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.')) ++i;
    std::string number = text.substr(start, i - start);
    char* end = nullptr;
    double n = std::strtod(number.c_str(), &end);
    if (number.empty() || *end != '\0') return false;
    auto unit = std::find_if(std::begin(kUnits), std::end(kUnits), [&](const auto& u) {
      return text.compare(i, u.first.size(), u.first) == 0;
    });
    if (unit == std::end(kUnits)) return false;
    total += n * unit->second;
    i += unit->first.size();
  }
  if (text.empty() || total > 9.2e15) return false;
  *milliseconds = static_cast<int64_t>(std::llround(total));
  return true;
}

namespace {

void CheckDuration(const std::string& file, const Value& parent, const char* key,
                   const std::string& path, int64_t* out, Diagnostics* diags) {
  const Value* v = parent.Find(key);
  if (!v || !v->IsString()) return;
  if (!ParseGoDuration(v->text, out)) {
    diags->Error(file, v->mark, path,
                 "Invalid value: \"" + v->text + "\": not a Go duration (e.g. 30s, 5m, 1h30m)");
  }
}

}  // namespace

MCPRegistry DecodeMCPRegistry(Object object, Diagnostics* diags) {
  MCPRegistry r;
  r.object = std::move(object);
  const std::string& file = r.object.origin.file;
  static const Value kEmpty = Value::Mapping();
  const Value* spec_ptr = GetObject(r.object.doc, "spec");
  const Value& spec = spec_ptr ? *spec_ptr : kEmpty;
  r.display_name = GetString(spec, "displayName");

  const Value* src_ptr = GetObject(spec, "source");
  const Value& src = src_ptr ? *src_ptr : kEmpty;
  RegistrySource& s = r.source;
  s.mark = src.mark;
  s.type_name = GetString(src, "type");
  if (s.type_name.empty()) s.type_name = "configmap";
  if (s.type_name == "git")
    s.type = SourceType::kGit;
  else if (s.type_name == "url")
    s.type = SourceType::kUrl;
  else if (s.type_name == "registry" || s.type_name == "api")
    s.type = SourceType::kRegistryApi;

  // Both shapes may name the format; they must agree.
  const std::string readme_format = GetString(spec, "format");
  const std::string crd_format = GetString(src, "format");
  if (!readme_format.empty() && !crd_format.empty() && readme_format != crd_format) {
    diags->Error(file, src.Find("format")->mark, "spec.source.format",
                 "Invalid value: \"" + crd_format + "\": disagrees with spec.format \"" +
                     readme_format + "\"");
  }
  s.format = !crd_format.empty() ? crd_format : !readme_format.empty() ? readme_format : "toolhive";

  auto require_block = [&](const char* key) -> const Value* {
    const Value* block = GetObject(src, key);
    if (!block) {
      diags->Error(file, src.mark, std::string("spec.source.") + key,
                   "Required value: source type " + s.type_name + " needs spec.source." + key);
    }
    return block;
  };
  switch (s.type) {
    case SourceType::kConfigMap:
      if (const Value* cm = require_block("configmap")) {
        s.configmap_name = GetString(*cm, "name");
        s.configmap_key = GetString(*cm, "key");
        if (s.configmap_key.empty()) s.configmap_key = "registry.json";
      }
      break;
    case SourceType::kGit:
      if (const Value* git = require_block("git")) {
        s.repository = GetString(*git, "repository");
        s.branch = GetString(*git, "branch");
        s.tag = GetString(*git, "tag");
        s.commit = GetString(*git, "commit");
        s.path = GetString(*git, "path");
        if (s.path.empty()) s.path = "registry.json";
        const bool traversal =
            s.path[0] == '/' || s.path == ".." || s.path.rfind("../", 0) == 0 ||
            s.path.find("/../") != std::string::npos ||
            (s.path.size() >= 3 && s.path.compare(s.path.size() - 3, 3, "/..") == 0);
        if (traversal) {
          diags->Error(
              file, git->Find("path") ? git->Find("path")->mark : git->mark, "spec.source.git.path",
              "Invalid value: \"" + s.path + "\": must be a relative path inside the repository");
        }
      }
      break;
    case SourceType::kUrl:
      if (const Value* url = require_block("url")) {
        s.endpoint = GetString(*url, "endpoint");
        CheckDuration(file, *url, "timeout", "spec.source.url.timeout", &s.timeout_ms, diags);
      }
      break;
    case SourceType::kRegistryApi: {
      const Value* api = GetObject(src, "registry");
      if (!api) api = GetObject(src, "api");
      if (!api) {
        diags->Error(file, src.mark, "spec.source." + s.type_name,
                     "Required value: source type " + s.type_name +
                         " needs spec.source.registry (or spec.source.api) with an endpoint");
      } else {
        s.endpoint = GetString(*api, "endpoint");
      }
      break;
    }
  }

  if (const Value* f = GetObject(spec, "filter")) {
    r.filter.mark = f->mark;
    if (const Value* names = GetObject(*f, "names")) {
      r.filter.names_include = GetStrings(*names, "include");
      r.filter.names_exclude = GetStrings(*names, "exclude");
    }
    if (const Value* tags = GetObject(*f, "tags")) {
      r.filter.tags_include = GetStrings(*tags, "include");
      r.filter.tags_exclude = GetStrings(*tags, "exclude");
    }
  }

  if (const Value* sync = GetObject(spec, "syncPolicy")) {
    const std::string type = GetString(*sync, "type");
    r.sync.interval = GetString(*sync, "interval");
    // The operator's shape has no type: an interval means automatic.
    r.sync.automatic = type.empty() ? !r.sync.interval.empty() : type == "automatic";
    CheckDuration(file, *sync, "interval", "spec.syncPolicy.interval", &r.sync.interval_ms, diags);
    if (r.sync.automatic && r.sync.interval.empty()) {
      diags->Error(file, sync->mark, "spec.syncPolicy.interval",
                   "Required value: automatic sync needs an interval");
    }
    if (const Value* retry = GetObject(*sync, "retryPolicy")) {
      if (retry->Find("maxAttempts"))
        r.sync.max_attempts = static_cast<int>(GetInt(*retry, "maxAttempts"));
      CheckDuration(file, *retry, "backoffInterval", "spec.syncPolicy.retryPolicy.backoffInterval",
                    &r.sync.backoff_ms, diags);
    }
  }
  return r;
}

}  // namespace thv
