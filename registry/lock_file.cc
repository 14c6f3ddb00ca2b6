#include "registry/lock_file.h"

#include <nlohmann/json.hpp>

#include "core/json_text.h"
#include "core/value_builder.h"
#include "registry/url_credentials.h"

namespace thv {

bool ParseLockFile(const std::string& text, LockFile* lock, std::string* err) {
  nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) {
    *err = "not a JSON object";
    return false;
  }
  if (doc.value("version", 0) != 1) {
    *err = "unsupported lock file version (expected 1)";
    return false;
  }
  lock->entries.clear();
  const auto& sources = doc["sources"];
  if (!sources.is_object()) {
    *err = "\"sources\" must be an object";
    return false;
  }
  for (const auto& [key, e] : sources.items()) {
    LockEntry entry;
    for (auto [field, out] : {std::pair<const char*, std::string*>{"type", &entry.type},
                              {"source", &entry.source},
                              {"resolved", &entry.resolved},
                              {"sha256", &entry.sha256},
                              {"fetchedAt", &entry.fetched_at}}) {
      if (!e.is_object() || !e.contains(field) || !e[field].is_string()) {
        *err = "sources." + key + "." + field + ": must be a string";
        return false;
      }
      *out = e[field].get<std::string>();
    }
    if (entry.sha256.size() != 64 ||
        entry.sha256.find_first_not_of("0123456789abcdef") != std::string::npos) {
      *err = "sources." + key + ".sha256: must be 64 lowercase hex digits";
      return false;
    }
    lock->entries[key] = std::move(entry);
  }
  return true;
}

std::string SerializeLockFile(const LockFile& lock) {
  Value sources = Value::Mapping();
  for (const auto& [key, e] : lock.entries) {
    // The lock is committed: URLs in it never carry credentials, whatever the caller passed.
    sources.members.push_back(Member{key, Mark{},
                                     Obj({{"type", Str(e.type)},
                                          {"source", Str(RedactUrl(e.source))},
                                          {"resolved", Str(RedactUrl(e.resolved))},
                                          {"sha256", Str(e.sha256)},
                                          {"fetchedAt", Str(e.fetched_at)}})});
  }
  return GoJsonIndent(Obj({{"version", Int(1)}, {"sources", sources}}), "  ") + "\n";
}

std::string LockContentDir(const std::string& lock_path) { return lock_path + ".d"; }

std::string LockContentPath(const std::string& lock_path, const std::string& sha256) {
  return LockContentDir(lock_path) + "/" + sha256 + ".json";
}

}  // namespace thv
