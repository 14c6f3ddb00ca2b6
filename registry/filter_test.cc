// Ports of cmd/thv-operator/pkg/filtering/{name_filter,tag_filter,filter_service}_test.go.
#include <doctest/doctest.h>

#include "registry/filter.h"
#include "registry/registry_json.h"

namespace thv {

namespace {

using Strings = std::vector<std::string>;

ImageMetadata Server(const std::string& name, Strings tags) {
  ImageMetadata s;
  s.name = name;
  s.tags = std::move(tags);
  s.image = name + ":latest";
  return s;
}

RemoteServerMetadata Remote(const std::string& name, Strings tags) {
  RemoteServerMetadata s;
  s.name = name;
  s.tags = std::move(tags);
  s.url = "https://" + name + ".example.com";
  return s;
}

Strings Keys(const ServerMap& m) {
  Strings out;
  for (const auto& [k, v] : m) out.push_back(k);
  return out;
}

Strings Keys(const RemoteServerMap& m) {
  Strings out;
  for (const auto& [k, v] : m) out.push_back(k);
  return out;
}

}  // namespace

TEST_CASE("name filter: ShouldInclude (name_filter_test.go)") {
  struct Case {
    const char* name;
    Strings include, exclude;
    bool want;
  };
  const Case cases[] = {
      {"any-server", {}, {}, true},
      {"postgres-server", {"postgres-server"}, {}, true},
      {"postgres-server", {"postgres-*"}, {}, true},
      {"postgres-server", {"postgres-*", "mysql-*"}, {}, true},
      {"mysql-server", {"postgres-*", "mysql-*"}, {}, true},
      {"redis-server", {"postgres-*", "mysql-*"}, {}, false},
      {"server-experimental", {}, {"*-experimental", "*-deprecated"}, false},
      {"stable-server", {}, {"*-experimental", "*-deprecated"}, true},
      {"postgres-experimental", {"postgres-*"}, {"*-experimental"}, false},
      {"postgres-stable", {"postgres-*"}, {"*-experimental"}, true},
      {"redis-stable", {"postgres-*"}, {"*-experimental"}, false},
      {"db1", {"db?"}, {}, true},
      {"database", {"db?"}, {}, false},
      {"db1", {"db[0-9]"}, {}, true},
      {"dba", {"db[0-9]"}, {}, false},
      {"", {"*"}, {}, true},
      {"server", {""}, {}, false},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    std::string reason;
    CHECK(ShouldIncludeName(c.name, {c.include, c.exclude}, &reason) == c.want);
    CHECK(!reason.empty());
  }
  std::string reason;
  CHECK(!ShouldIncludeName("postgres-experimental", {{"postgres-*"}, {"*-experimental"}}, &reason));
  CHECK(reason == "excluded by pattern '*-experimental'");
  CHECK(!ShouldIncludeName("redis", {{"postgres-*", "mysql-*"}, {}}, &reason));
  CHECK(reason == "no match found in include patterns [postgres-* mysql-*]");
}

TEST_CASE("tag filter: ShouldInclude (tag_filter_test.go)") {
  struct Case {
    Strings tags, include, exclude;
    bool want;
  };
  const Case cases[] = {
      {{"database", "sql"}, {}, {}, true},
      {{}, {}, {}, true},
      {{"database"}, {"database"}, {}, true},
      {{"database", "web", "api"}, {"database"}, {}, true},
      {{"database"}, {"database", "web"}, {}, true},
      {{"web"}, {"database", "web"}, {}, true},
      {{"cache", "storage"}, {"database", "web"}, {}, false},
      {{}, {"database"}, {}, false},
      {{"deprecated"}, {}, {"deprecated"}, false},
      {{"database", "deprecated", "sql"}, {}, {"deprecated"}, false},
      {{"database", "sql"}, {}, {"deprecated", "experimental"}, true},
      {{}, {}, {"deprecated"}, true},
      {{"database", "deprecated"}, {"database"}, {"deprecated"}, false},
      {{"database", "stable"}, {"database"}, {"deprecated"}, true},
      {{"cache", "stable"}, {"database"}, {"deprecated"}, false},
      {{"database", "deprecated"}, {"database"}, {"deprecated", "experimental"}, false},
      {{"database", "experimental"}, {"database"}, {"deprecated", "experimental"}, false},
      {{"Database"}, {"database"}, {}, false},
      {{"Deprecated"}, {}, {"deprecated"}, true},
      {{"database", "sql", "postgresql", "backend", "stable"},
       {"database", "web"},
       {"deprecated", "experimental"},
       true},
      {{"database", "sql", "postgresql", "backend", "experimental"},
       {"database", "web"},
       {"deprecated", "experimental"},
       false},
  };
  for (size_t i = 0; i < std::size(cases); ++i) {
    CAPTURE(i);
    std::string reason;
    CHECK(ShouldIncludeTags(cases[i].tags, {cases[i].include, cases[i].exclude}, &reason) ==
          cases[i].want);
    CHECK(!reason.empty());
  }
  std::string reason;
  CHECK(!ShouldIncludeTags({"cache"}, {{"database"}, {}}, &reason));
  CHECK(reason == "no matching tags found in include list [database] (server tags: [cache])");
}

TEST_CASE("filter service: no filter returns the registry unchanged") {
  Registry reg;
  reg.version = "1.0.0";
  reg.last_updated = "2023-01-01T00:00:00Z";
  reg.servers = ServerMap{{"postgres", Server("postgres", {"database", "sql"})}};
  reg.remote_servers = {{"web-api", Remote("web-api", {"web", "api"})}};
  std::string before = MarshalToolhiveRegistry(reg);
  CHECK(ApplyRegistryFilter(nullptr, &reg, nullptr));
  CHECK(MarshalToolhiveRegistry(reg) == before);
}

TEST_CASE("filter service: name filtering applies to remote servers too") {
  struct Case {
    Strings include, exclude, servers, remotes;
  };
  const Case cases[] = {
      {{"postgres-*"}, {}, {"postgres-server"}, {}},
      {{}, {"*-experimental"}, {"mysql-server", "postgres-server"}, {"web-api"}},
      {{"*-server"}, {"*-experimental"}, {"mysql-server", "postgres-server"}, {}},
  };
  for (const Case& c : cases) {
    Registry reg;
    reg.version = "1.0.0";
    reg.last_updated = "2023-01-01T00:00:00Z";
    reg.servers = ServerMap{{"postgres-server", Server("postgres-server", {"database"})},
                            {"mysql-server", Server("mysql-server", {"database"})},
                            {"redis-experimental", Server("redis-experimental", {"cache"})}};
    reg.remote_servers = {{"web-api", Remote("web-api", {"web"})},
                          {"admin-experimental", Remote("admin-experimental", {"admin"})}};
    RegistryFilter f;
    f.names = IncludeExclude{c.include, c.exclude};
    REQUIRE(ApplyRegistryFilter(&f, &reg, nullptr));
    CHECK(Keys(*reg.servers) == c.servers);
    CHECK(Keys(reg.remote_servers) == c.remotes);
    CHECK(reg.version == "1.0.0");
    CHECK(reg.last_updated == "2023-01-01T00:00:00Z");
  }
}

TEST_CASE("filter service: tag filtering") {
  struct Case {
    Strings include, exclude, servers, remotes;
  };
  const Case cases[] = {
      {{"database"}, {}, {"mysql-server", "postgres-server"}, {}},
      {{}, {"deprecated"}, {"postgres-server", "redis-server"}, {"web-api"}},
      {{"database"}, {"deprecated"}, {"postgres-server"}, {}},
  };
  for (const Case& c : cases) {
    Registry reg;
    reg.servers = ServerMap{{"postgres-server", Server("postgres-server", {"database", "sql"})},
                            {"mysql-server", Server("mysql-server", {"database", "deprecated"})},
                            {"redis-server", Server("redis-server", {"cache"})}};
    reg.remote_servers = {{"web-api", Remote("web-api", {"web", "api"})},
                          {"legacy-api", Remote("legacy-api", {"web", "deprecated"})}};
    RegistryFilter f;
    f.tags = IncludeExclude{c.include, c.exclude};
    REQUIRE(ApplyRegistryFilter(&f, &reg, nullptr));
    CHECK(Keys(*reg.servers) == c.servers);
    CHECK(Keys(reg.remote_servers) == c.remotes);
  }
}

TEST_CASE("filter service: name and tag filters combine; groups are kept") {
  Registry reg;
  reg.servers = ServerMap{
      {"postgres-server", Server("postgres-server", {"database", "sql"})},
      {"postgres-experimental", Server("postgres-experimental", {"database", "experimental"})},
      {"web-server", Server("web-server", {"web", "api"})}};
  reg.remote_servers = {{"database-api", Remote("database-api", {"database", "api"})}};
  reg.groups.push_back(Group{"test-group", "Test group", {}, {}});
  RegistryFilter f;
  f.names = IncludeExclude{{"postgres-*", "*-api"}, {"*-experimental"}};
  f.tags = IncludeExclude{{"database"}, {}};
  REQUIRE(ApplyRegistryFilter(&f, &reg, nullptr));
  CHECK(Keys(*reg.servers) == Strings{"postgres-server"});
  CHECK(Keys(reg.remote_servers) == Strings{"database-api"});
  REQUIRE(reg.groups.size() == 1);
  CHECK(reg.groups[0].name == "test-group");
}

TEST_CASE("filter service: an empty registry stays empty; servers become a map") {
  Registry reg;
  reg.version = "1.0.0";
  RegistryFilter f;
  f.names = IncludeExclude{{"postgres-*"}, {}};
  REQUIRE(ApplyRegistryFilter(&f, &reg, nullptr));
  REQUIRE(reg.servers);
  CHECK(reg.servers->empty());
  CHECK(MarshalToolhiveRegistry(reg) == R"({"version":"1.0.0","last_updated":"","servers":{}})");
}

TEST_CASE("filter service: a malformed glob is an input error naming the pattern") {
  Registry reg;
  reg.servers = ServerMap{{"test", Server("test", {})}};
  RegistryFilter f;
  f.names = IncludeExclude{{"ok-*", "["}, {"x[a-"}};
  std::vector<std::string> errors;
  CHECK(!ApplyRegistryFilter(&f, &reg, &errors));
  REQUIRE(errors.size() == 2);
  CHECK(errors[0] == "names.include[1]: invalid pattern '[': syntax error in pattern");
  CHECK(errors[1] == "names.exclude[0]: invalid pattern 'x[a-': syntax error in pattern");
  CHECK(reg.servers->size() == 1);  // untouched
  // Tags are compared exactly, so any text is a valid tag.
  RegistryFilter tags_only;
  tags_only.tags = IncludeExclude{{"["}, {}};
  CHECK(ValidateRegistryFilter(tags_only).empty());
}

}  // namespace thv
