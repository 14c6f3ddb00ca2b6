// Ports of pkg/registry/upstream_conversion_test.go: one server at a time, both directions.
#include <doctest/doctest.h>

#include "registry/conversion.h"

namespace thv {

namespace {

using Strings = std::vector<std::string>;
const char kNow[] = "2025-01-02T03:04:05Z";  // what the Go harness used for time.Now()

ConvertedServer MustConvert(const std::string& json) {
  UpstreamDocument doc;
  Diagnostics diags;
  REQUIRE(ParseUpstreamDocument(json, "up.json", &doc, &diags));
  REQUIRE(doc.servers.size() == 1);
  ConvertedServer out;
  std::string err;
  REQUIRE_MESSAGE(ConvertDraftServer(doc.servers[0].draft, ConvertOptions{kNow}, &out, &err), err);
  return out;
}

}  // namespace

TEST_CASE("conversion: docker package (TestConvertUpstreamToToolhive_DockerPackage)") {
  ConvertedServer r = MustConvert(R"js([{"server": {
    "name": "io.modelcontextprotocol/filesystem",
    "description": "Node.js server implementing Model Context Protocol (MCP) for filesystem operations.",
    "status": "active",
    "repository": {"url": "https://github.com/modelcontextprotocol/servers", "source": "github",
                   "id": "b94b5f7e-c7c6-d760-2c78-a5e9b8a5b8c9"},
    "version_detail": {"version": "1.0.2"},
    "packages": [{"registry_name": "docker", "name": "mcp/filesystem", "version": "1.0.2",
      "package_arguments": [{"type": "positional", "value_hint": "target_dir", "value": "/project"}],
      "environment_variables": [{"name": "LOG_LEVEL",
        "description": "Logging level (debug, info, warn, error)", "default": "info"}]}]},
    "x-publisher": {"x-dev.toolhive": {"tier": "Official", "transport": "stdio",
      "tools": ["read_file", "write_file", "list_directory"], "tags": ["filesystem", "files"]}}}])js");
  REQUIRE(!r.remote);
  const ImageMetadata& m = r.image;
  CHECK(m.name == "io.modelcontextprotocol/filesystem");
  CHECK(m.tier == "Official");
  CHECK(m.status == "active");
  CHECK(m.transport == "stdio");
  CHECK(m.image == "mcp/filesystem:1.0.2");
  CHECK(*m.tools == Strings{"read_file", "write_file", "list_directory"});
  CHECK(m.tags == Strings{"filesystem", "files"});
  CHECK(m.repository_url == "https://github.com/modelcontextprotocol/servers");
  REQUIRE(m.env_vars.size() == 1);
  CHECK(m.env_vars[0].name == "LOG_LEVEL");
  CHECK(m.env_vars[0].default_value == "info");
  CHECK(!m.env_vars[0].required);
  CHECK(m.args == Strings{"/project"});
  CHECK(m.metadata->last_updated == kNow);  // no ToolHive metadata: the default
}

TEST_CASE("conversion: npm and pypi packages use npx:// and uvx://") {
  ConvertedServer npm = MustConvert(R"js([{"server": {
    "name": "io.modelcontextprotocol/brave-search",
    "description": "MCP server for Brave Search API integration", "status": "active",
    "repository": {"url": "https://github.com/modelcontextprotocol/servers", "source": "github"},
    "version_detail": {"version": "1.0.2"},
    "packages": [{"registry_name": "npm", "name": "@modelcontextprotocol/server-brave-search",
      "version": "1.0.2", "environment_variables": [{"name": "BRAVE_API_KEY",
      "description": "Brave Search API Key", "is_required": true, "is_secret": true}]}]}}])js");
  CHECK(npm.image.tier == "Community");
  CHECK(npm.image.transport == "stdio");
  CHECK(npm.image.image == "npx://@modelcontextprotocol/server-brave-search@1.0.2");
  CHECK(npm.image.env_vars[0].required);
  CHECK(npm.image.env_vars[0].secret);
  ConvertedServer py = MustConvert(R"js([{"server": {"name": "weather-mcp-server",
    "description": "Python MCP server for weather data access",
    "repository": {"url": "https://github.com/example/weather-mcp", "source": "github"},
    "version_detail": {"version": "0.5.0"},
    "packages": [{"registry_name": "pypi", "name": "weather-mcp-server", "version": "0.5.0",
      "runtime_hint": "uvx", "environment_variables": [
        {"name": "WEATHER_API_KEY", "description": "API key for weather service",
         "is_required": true, "is_secret": true},
        {"name": "WEATHER_UNITS", "description": "Temperature units (celsius, fahrenheit)",
         "default": "celsius"}]}]}}])js");
  CHECK(py.image.image == "uvx://weather-mcp-server@0.5.0");
  REQUIRE(py.image.env_vars.size() == 2);
  CHECK(py.image.env_vars[1].default_value == "celsius");
  CHECK(!py.image.env_vars[1].secret);
}

TEST_CASE("conversion: a server with remotes becomes a remote server") {
  ConvertedServer r = MustConvert(R"js([{"server": {"name": "Remote Filesystem Server",
    "description": "Cloud-hosted MCP filesystem server",
    "repository": {"url": "https://github.com/example/remote-fs", "source": "github",
                   "id": "xyz789ab-cdef-0123-4567-890ghijklmno"},
    "version_detail": {"version": "2.0.0"},
    "remotes": [{"transport_type": "sse", "url": "https://mcp-fs.example.com/sse",
      "headers": [{"name": "X-API-Key", "description": "API key for authentication",
                   "is_required": true, "is_secret": true}]}]},
    "x-publisher": {"x-dev.toolhive": {"tier": "Community", "transport": "sse",
      "tools": ["remote_read", "remote_write"]}}}])js");
  REQUIRE(r.remote);
  const RemoteServerMetadata& m = r.remote_server;
  CHECK(m.status == "active");
  CHECK(m.transport == "sse");
  CHECK(m.url == "https://mcp-fs.example.com/sse");
  CHECK(*m.tools == Strings{"remote_read", "remote_write"});
  REQUIRE(m.headers.size() == 1);
  CHECK(m.headers[0].name == "X-API-Key");
  CHECK(m.headers[0].required);
  CHECK(m.headers[0].secret);
}

TEST_CASE(
    "conversion: ToolHive image server to upstream (TestConvertToolhiveToUpstream_ImageMetadata)") {
  ImageMetadata m;
  m.name = "test-server";
  m.description = "Test MCP server";
  m.tier = "Official";
  m.status = "active";
  m.transport = "stdio";
  m.tools = Strings{"test_tool1", "test_tool2"};
  m.repository_url = "https://github.com/example/test-server";
  m.tags = {"test", "example"};
  m.image = "test/server:1.0.0";
  m.target_port = 8080;
  m.permissions = PermissionProfile{};
  m.permissions->network =
      NetworkPermissions{OutboundNetworkPermissions{false, {"example.com"}, {}}};
  m.env_vars = {EnvVar{"TEST_VAR", "Test environment variable", true, "", false}};
  m.args = {"--config", "/app/config.json"};
  m.docker_tags = {"1.0.0", "latest"};
  UpstreamServerDetail u = ConvertImageToUpstream(m);
  CHECK(u.server.name == "test-server");
  CHECK(u.server.status == "active");
  CHECK(u.server.version_detail.version == "1.0.0");
  CHECK(u.server.repository->source == "github");
  REQUIRE(u.server.packages.size() == 1);
  const UpstreamPackage& p = u.server.packages[0];
  CHECK(p.registry_name == "docker");
  CHECK(p.name == "test/server");
  CHECK(p.version == "1.0.0");
  REQUIRE(p.package_arguments.size() == 2);
  CHECK(p.package_arguments[0].type == "positional");
  CHECK(p.package_arguments[1].value == "/app/config.json");
  CHECK(p.environment_variables[0].is_required);
  const ToolhivePublisherExtension& ext = *u.x_publisher->x_dev_toolhive;
  CHECK(ext.tier == "Official");
  CHECK(ext.target_port == 8080);
  CHECK(ext.docker_tags == Strings{"1.0.0", "latest"});
  CHECK(ext.permissions.has_value());
}

TEST_CASE("conversion: a container server without packages is an error") {
  UpstreamDocument doc;
  Diagnostics diags;
  REQUIRE(ParseUpstreamDocument(R"js([{"server": {"name": "empty-server",
      "description": "Server with no packages or remotes", "version_detail": {"version": "1.0.0"}}}])js",
                                "up.json", &doc, &diags));
  ConvertedServer out;
  std::string err;
  CHECK(!ConvertDraftServer(doc.servers[0].draft, {}, &out, &err));
  CHECK(err == "no packages found for container server");
}

TEST_CASE("conversion: helper rules (status, transport, image names, sources)") {
  CHECK(UpstreamStatusToToolhive("active") == "active");
  CHECK(UpstreamStatusToToolhive("deprecated") == "deprecated");
  CHECK(UpstreamStatusToToolhive("") == "active");
  CHECK(ToolhiveStatusToUpstream("Deprecated") == "active");  // case-sensitive, as in Go
  CHECK(UpstreamTransportToToolhive("sse") == "sse");
  CHECK(UpstreamTransportToToolhive("streamable") == "streamable-http");
  CHECK(UpstreamTransportToToolhive("") == "stdio");
  CHECK(ToolhiveTransportToUpstream("streamable-http") == "streamable");
  CHECK(ToolhiveTransportToUpstream("stdio") == "sse");
  UpstreamPackage p;
  p.name = "nginx";
  p.version = "latest";
  p.registry_name = "docker";
  CHECK(FormatImageName(p) == "nginx:latest");
  p.registry_name = "unknown";
  CHECK(FormatImageName(p) == "nginx");
  CHECK(ExtractImageName("nginx:latest") == "nginx");
  CHECK(ExtractImageName("registry.example.com/myapp:v1.0.0") == "registry.example.com/myapp");
  CHECK(ExtractImageName("simple-name") == "simple-name");
  CHECK(ExtractImageTag("nginx:latest") == "latest");
  CHECK(ExtractImageTag("registry.example.com/myapp:v1.0.0") == "v1.0.0");
  CHECK(ExtractImageTag("simple-name") == "latest");
  CHECK(ExtractImageTag("host:5000/app:1") == "5000/app");  // Go splits at every ':'
  CHECK(ExtractSourceFromUrl("https://github.com/example/repo") == "github");
  CHECK(ExtractSourceFromUrl("https://gitlab.com/example/repo") == "gitlab");
  CHECK(ExtractSourceFromUrl("https://bitbucket.org/example/repo") == "unknown");
  std::vector<UpstreamArgument> args(4);
  args[0].type = "positional";
  args[0].value_hint = "dir";
  args[1].type = "named";
  args[1].name = "--mode";
  args[1].default_value = "ro";
  args[2].type = "named";
  args[2].name = "--skip";
  args[3].type = "other";
  args[3].value = "ignored";
  CHECK(ConvertPackageArguments(args) == Strings{"dir", "--mode", "ro"});
  CHECK(OciImageReference("ghcr.io/a/b", "1.2") == "ghcr.io/a/b:1.2");
  CHECK(OciImageReference("ghcr.io/a/b:1.3", "1.2") == "ghcr.io/a/b:1.3");
  CHECK(OciImageReference("host:5000/a/b", "1.2") == "host:5000/a/b:1.2");
  CHECK(OciImageReference("a/b@sha256:abc", "1.2") == "a/b@sha256:abc");
  CHECK(OciImageReference("a/b", "") == "a/b");
}

}  // namespace thv
