#include "registry/lock_file.h"

#include <doctest/doctest.h>

namespace thv {

TEST_CASE("lock files round-trip byte for byte") {
  LockFile lock;
  lock.entries["ns/b"] = {"git", "https://example.com/r.git#main:registry.json",
                          "0123456789abcdef0123456789abcdef01234567", std::string(64, 'a'),
                          "2026-11-24T10:00:00Z"};
  lock.entries["ns/a"] = {"url", "https://example.com/registry.json",
                          "https://cdn.example.com/registry.json", std::string(64, 'b'),
                          "2026-11-24T11:00:00Z"};
  std::string text = SerializeLockFile(lock);
  CHECK(text.find("\"ns/a\"") < text.find("\"ns/b\""));
  LockFile parsed;
  std::string err;
  REQUIRE(ParseLockFile(text, &parsed, &err));
  CHECK(SerializeLockFile(parsed) == text);
  CHECK(parsed.entries["ns/b"].resolved == "0123456789abcdef0123456789abcdef01234567");
}

TEST_CASE("lock files never hold credentials, whatever the entry says") {
  LockFile lock;
  lock.entries["ns/a"] = {"url", "url https://alice:hunter2@example.com/r.json",
                          "https://token@cdn.example.com/r.json", std::string(64, 'b'),
                          "2026-11-24T11:00:00Z"};
  const std::string text = SerializeLockFile(lock);
  CHECK(text.find("hunter2") == std::string::npos);
  CHECK(text.find("token") == std::string::npos);
  CHECK(text.find("\"source\": \"url https://***@example.com/r.json\"") != std::string::npos);
  CHECK(text.find("\"resolved\": \"https://***@cdn.example.com/r.json\"") != std::string::npos);
}

TEST_CASE("malformed lock files are rejected with the field named") {
  LockFile lock;
  std::string err;
  CHECK(!ParseLockFile("[]", &lock, &err));
  CHECK(!ParseLockFile(R"({"version": 2, "sources": {}})", &lock, &err));
  CHECK(!ParseLockFile(R"({"version": 1, "sources": {"a/b": {"type": "url"}}})", &lock, &err));
  CHECK(err.find("sources.a/b.source") != std::string::npos);
  CHECK(!ParseLockFile(
      R"({"version":1,"sources":{"a/b":{"type":"url","source":"s","resolved":"r","sha256":"xyz","fetchedAt":"t"}}})",
      &lock, &err));
  CHECK(err.find("sha256") != std::string::npos);
}

}  // namespace thv
