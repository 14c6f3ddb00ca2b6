// schema.json transcribed into SchemaNodes. Patterns are matched by small hand-written
// functions (the test checks each against std::regex built from schema.json's source), which
// keeps validation linear and free of regex-engine recursion.
#include <deque>

#include "registry/registry_schema.h"

namespace thv {

namespace {

bool Lower(char c) { return c >= 'a' && c <= 'z'; }
bool Upper(char c) { return c >= 'A' && c <= 'Z'; }
bool Digit(char c) { return c >= '0' && c <= '9'; }
bool Alnum(char c) { return Lower(c) || Upper(c) || Digit(c); }
bool LowerDigit(char c) { return Lower(c) || Digit(c); }

// first, middle*, last with at least min_len characters.
template <typename F, typename M, typename L>
bool Shape(std::string_view s, size_t min_len, F first, M middle, L last) {
  if (s.size() < min_len || !first(s.front()) || !last(s.back())) return false;
  for (size_t i = 1; i + 1 < s.size(); ++i) {
    if (!middle(s[i])) return false;
  }
  return true;
}

bool Digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!Digit(c)) return false;
  }
  return true;
}

// ^\d+\.\d+\.\d+$
bool MatchVersion(std::string_view s) {
  size_t a = s.find('.');
  if (a == std::string_view::npos) return false;
  size_t b = s.find('.', a + 1);
  if (b == std::string_view::npos) return false;
  return Digits(s.substr(0, a)) && Digits(s.substr(a + 1, b - a - 1)) && Digits(s.substr(b + 1));
}

// ^[a-z0-9][a-z0-9-]+[a-z0-9]$
bool MatchServerKey(std::string_view s) {
  return Shape(
      s, 3, LowerDigit, [](char c) { return LowerDigit(c) || c == '-'; }, LowerDigit);
}

// ^[a-z0-9][a-z0-9-]*[a-z0-9]$
bool MatchGroupName(std::string_view s) {
  return Shape(
      s, 2, LowerDigit, [](char c) { return LowerDigit(c) || c == '-'; }, LowerDigit);
}

// ^[a-z0-9][a-z0-9_-]*[a-z0-9]$
bool MatchTag(std::string_view s) {
  return Shape(
      s, 2, LowerDigit, [](char c) { return LowerDigit(c) || c == '_' || c == '-'; }, LowerDigit);
}

// ^[\w-]+$
bool MatchTool(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!Alnum(c) && c != '_' && c != '-') return false;
  }
  return true;
}

// ^[A-Za-z_][A-Za-z0-9_]*$
bool MatchEnvName(std::string_view s) {
  if (s.empty() || !(Upper(s[0]) || Lower(s[0]) || s[0] == '_')) return false;
  for (char c : s) {
    if (!Alnum(c) && c != '_') return false;
  }
  return true;
}

// ^[A-Za-z0-9][A-Za-z0-9-]*$
bool MatchHeaderName(std::string_view s) {
  if (s.empty() || !Alnum(s[0])) return false;
  for (char c : s) {
    if (!Alnum(c) && c != '-') return false;
  }
  return true;
}

// ^(/[^/\0]+)+/?$ : one or more "/segment", then an optional trailing slash.
bool MatchMountPath(std::string_view s) {
  if (s.size() < 2 || s[0] != '/' || s[1] == '/') return false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\0') return false;
    if (s[i] == '/' && i + 1 < s.size() && s[i + 1] == '/') return false;
  }
  return true;
}

// ^\.[a-zA-Z0-9]([a-zA-Z0-9.-]*[a-zA-Z0-9])?$
bool MatchHostSuffix(std::string_view s) {
  if (s.size() < 2 || s[0] != '.') return false;
  return Shape(
      s.substr(1), 1, Alnum, [](char c) { return Alnum(c) || c == '.' || c == '-'; }, Alnum);
}

// [a-z0-9]([a-z0-9._-]*[a-z0-9])?
bool ImageComponent(std::string_view s) {
  return Shape(
      s, 1, LowerDigit, [](char c) { return LowerDigit(c) || c == '.' || c == '_' || c == '-'; },
      LowerDigit);
}

// [a-zA-Z0-9][a-zA-Z0-9._-]*
bool ImageTag(std::string_view s) {
  if (s.empty() || !Alnum(s[0])) return false;
  for (char c : s) {
    if (!Alnum(c) && c != '.' && c != '_' && c != '-') return false;
  }
  return true;
}

// Checks "component", then optional ":port" (first part only) and ":tag" (last part only).
bool ImagePart(std::string_view part, bool allow_port, bool allow_tag) {
  size_t colon = part.find(':');
  if (!ImageComponent(part.substr(0, colon))) return false;
  if (colon == std::string_view::npos) return true;
  std::string_view rest = part.substr(colon + 1);
  size_t next = rest.find(':');
  if (allow_port && Digits(rest.substr(0, next))) {
    if (next == std::string_view::npos) return true;
    return allow_tag && ImageTag(rest.substr(next + 1));
  }
  return allow_tag && ImageTag(rest);
}

// ^[a-z0-9]([a-z0-9._-]*[a-z0-9])?(:[0-9]+)?(/[a-z0-9]([a-z0-9._-]*[a-z0-9])?)*
//  (:([a-zA-Z0-9][a-zA-Z0-9._-]*))?$
bool MatchImage(std::string_view s) {
  size_t start = 0;
  bool first = true;
  while (true) {
    size_t slash = s.find('/', start);
    bool last = slash == std::string_view::npos;
    std::string_view part = s.substr(start, last ? std::string_view::npos : slash - start);
    if (!ImagePart(part, first, last)) return false;
    if (last) return true;
    start = slash + 1;
    first = false;
  }
}

const RegistrySchemaPattern kVersion{"^\\d+\\.\\d+\\.\\d+$", MatchVersion};
const RegistrySchemaPattern kServerKey{"^[a-z0-9][a-z0-9-]+[a-z0-9]$", MatchServerKey};
const RegistrySchemaPattern kGroupName{"^[a-z0-9][a-z0-9-]*[a-z0-9]$", MatchGroupName};
const RegistrySchemaPattern kTag{"^[a-z0-9][a-z0-9_-]*[a-z0-9]$", MatchTag};
const RegistrySchemaPattern kTool{"^[\\w-]+$", MatchTool};
const RegistrySchemaPattern kEnvName{"^[A-Za-z_][A-Za-z0-9_]*$", MatchEnvName};
const RegistrySchemaPattern kHeaderName{"^[A-Za-z0-9][A-Za-z0-9-]*$", MatchHeaderName};
const RegistrySchemaPattern kMountPath{"^(/[^/\\0]+)+/?$", MatchMountPath};
const RegistrySchemaPattern kHostSuffix{"^\\.[a-zA-Z0-9]([a-zA-Z0-9.-]*[a-zA-Z0-9])?$",
                                        MatchHostSuffix};
const RegistrySchemaPattern kImage{
    "^[a-z0-9]([a-z0-9._-]*[a-z0-9])?(:[0-9]+)?(/[a-z0-9]([a-z0-9._-]*[a-z0-9])?)*(:([a-zA-Z0-9]"
    "[a-zA-Z0-9._-]*))?$",
    MatchImage};

struct Schema {
  RegistrySchemaNode root, server, environment_variable, permissions, network_permissions,
      outbound_permissions, metadata, provenance, verified_attestation, header, oauth_config,
      remote_server, group;
  std::deque<RegistrySchemaNode> pool;  // anonymous nodes; deque keeps their addresses stable

  const RegistrySchemaNode* New(RegistrySchemaNode n) {
    pool.push_back(std::move(n));
    return &pool.back();
  }
  const RegistrySchemaNode* Str() { return New(Typed(RegistrySchemaType::kString)); }
  const RegistrySchemaNode* Bool() { return New(Typed(RegistrySchemaType::kBoolean)); }
  const RegistrySchemaNode* Fmt(RegistrySchemaFormat f) {
    RegistrySchemaNode n = Typed(RegistrySchemaType::kString);
    n.format = f;
    return New(n);
  }
  const RegistrySchemaNode* Pat(const RegistrySchemaPattern* p) {
    RegistrySchemaNode n = Typed(RegistrySchemaType::kString);
    n.pattern = p;
    return New(n);
  }
  const RegistrySchemaNode* Len(int min, int max) {
    RegistrySchemaNode n = Typed(RegistrySchemaType::kString);
    n.min_length = min;
    n.max_length = max;
    return New(n);
  }
  const RegistrySchemaNode* Enum(std::vector<const char*> values) {
    RegistrySchemaNode n = Typed(RegistrySchemaType::kString);
    n.enum_values = std::move(values);
    return New(n);
  }
  const RegistrySchemaNode* Int(bool has_max, int64_t min, int64_t max = 0) {
    RegistrySchemaNode n = Typed(RegistrySchemaType::kInteger);
    n.has_minimum = true;
    n.minimum = min;
    n.has_maximum = has_max;
    n.maximum = max;
    return New(n);
  }
  const RegistrySchemaNode* Array(const RegistrySchemaNode* items, int min_items = -1,
                                  bool unique = false) {
    RegistrySchemaNode n = Typed(RegistrySchemaType::kArray);
    n.items = items;
    n.min_items = min_items;
    n.unique_items = unique;
    return New(n);
  }
  const RegistrySchemaNode* FreeObject() { return New(Typed(RegistrySchemaType::kObject)); }
  const RegistrySchemaNode* Keyed(const RegistrySchemaNode* value) {
    RegistrySchemaNode n = Typed(RegistrySchemaType::kObject);
    n.key_pattern = &kServerKey;
    n.pattern_node = value;
    n.additional_properties = false;
    return New(n);
  }
  static RegistrySchemaNode Typed(RegistrySchemaType t) {
    RegistrySchemaNode n;
    n.type = t;
    return n;
  }
  static void Closed(RegistrySchemaNode* n, const char* ref, std::vector<const char*> required,
                     std::vector<RegistrySchemaProperty> props) {
    n->ref = ref;
    n->type = RegistrySchemaType::kObject;
    n->required = std::move(required);
    n->properties = std::move(props);
    n->additional_properties = false;
  }

  Schema() {
    auto tier = Enum({"Official", "Community"});
    auto status = Enum({"Active", "Deprecated"});
    auto tools = Array(Pat(&kTool), 1, true);
    auto tags = Array(Pat(&kTag), 1, true);
    auto description = Len(10, 500);
    auto uri = Fmt(RegistrySchemaFormat::kUri);
    Closed(&server, "server", {"description", "image", "status", "tier", "tools", "transport"},
           {{"args", Array(Str())},
            {"custom_metadata", FreeObject()},
            {"description", description},
            {"docker_tags", Array(Str(), -1, true)},
            {"env_vars", Array(&environment_variable)},
            {"image", Pat(&kImage)},
            {"metadata", &metadata},
            {"name", Str()},
            {"permissions", &permissions},
            {"provenance", &provenance},
            {"repository_url", uri},
            {"status", status},
            {"tags", tags},
            {"target_port", Int(true, 1, 65535)},
            {"tier", tier},
            {"tools", tools},
            {"transport", Enum({"stdio", "sse", "streamable-http"})}});
    Closed(&environment_variable, "environment_variable", {"name", "description", "required"},
           {{"name", Pat(&kEnvName)},
            {"description", Len(5, 200)},
            {"required", Bool()},
            {"secret", Bool()},
            {"default", Str()}});
    auto paths = Array(Pat(&kMountPath), -1, true);
    Closed(&permissions, "permissions", {},
           {{"network", &network_permissions},
            {"read", paths},
            {"write", paths},
            {"privileged", Bool()}});
    Closed(&network_permissions, "network_permissions", {}, {{"outbound", &outbound_permissions}});
    RegistrySchemaNode host = Typed(RegistrySchemaType::kString);
    RegistrySchemaNode host_name;
    host_name.format = RegistrySchemaFormat::kHostname;
    RegistrySchemaNode host_suffix;
    host_suffix.pattern = &kHostSuffix;
    host.any_of = {New(host_name), New(host_suffix)};
    Closed(&outbound_permissions, "outbound_permissions", {},
           {{"allow_host", Array(New(host), -1, true)},
            {"allow_port", Array(Int(true, 1, 65535), -1, true)},
            {"insecure_allow_all", Bool()}});
    Closed(&metadata, "metadata", {},
           {{"last_updated", Fmt(RegistrySchemaFormat::kDateTime)},
            {"pulls", Int(false, 0)},
            {"stars", Int(false, 0)}});
    Closed(&provenance, "provenance", {},
           {{"cert_issuer", uri},
            {"repository_uri", uri},
            {"repository_ref", Str()},
            {"runner_environment", Str()},
            {"signer_identity", Str()},
            {"sigstore_url", Fmt(RegistrySchemaFormat::kHostname)},
            {"attestation", &verified_attestation}});
    Closed(&verified_attestation, "verified_attestation", {},
           {{"predicate_type", uri}, {"predicate", New(RegistrySchemaNode())}});
    Closed(&header, "header", {"name", "description", "required"},
           {{"name", Pat(&kHeaderName)},
            {"description", Len(5, 200)},
            {"required", Bool()},
            {"secret", Bool()},
            {"default", Str()},
            {"choices", Array(Str(), -1, true)}});
    Closed(&oauth_config, "oauth_config", {},
           {{"issuer", uri},
            {"authorize_url", uri},
            {"token_url", uri},
            {"client_id", Str()},
            {"scopes", Array(Str())},
            {"use_pkce", Bool()}});
    Closed(&remote_server, "remote_server",
           {"url", "description", "status", "tier", "tools", "transport"},
           {{"name", Str()},
            {"url", uri},
            {"description", description},
            {"tier", tier},
            {"status", status},
            {"transport", Enum({"sse", "streamable-http"})},
            {"tools", tools},
            {"headers", Array(&header)},
            {"oauth_config", &oauth_config},
            {"env_vars", Array(&environment_variable)},
            {"metadata", &metadata},
            {"repository_url", uri},
            {"tags", tags},
            {"custom_metadata", FreeObject()}});
    RegistrySchemaNode group_name = Typed(RegistrySchemaType::kString);
    group_name.pattern = &kGroupName;
    group_name.min_length = 1;
    group_name.max_length = 100;
    Closed(&group, "group", {"name", "description"},
           {{"name", New(group_name)},
            {"description", description},
            {"servers", Keyed(&server)},
            {"remote_servers", Keyed(&remote_server)}});
    root.type = RegistrySchemaType::kObject;
    root.required = {"last_updated", "servers", "version"};
    root.properties = {{"last_updated", Fmt(RegistrySchemaFormat::kDateTime)},
                       {"servers", Keyed(&server)},
                       {"remote_servers", Keyed(&remote_server)},
                       {"groups", Array(&group)},
                       {"version", Pat(&kVersion)}};
  }

  const RegistrySchemaNode* Definition(std::string_view name) const {
    for (const RegistrySchemaNode* n : Definitions()) {
      if (name == n->ref) return n;
    }
    return nullptr;
  }
  std::vector<const RegistrySchemaNode*> Definitions() const {
    return {&server,
            &environment_variable,
            &permissions,
            &network_permissions,
            &outbound_permissions,
            &metadata,
            &provenance,
            &verified_attestation,
            &header,
            &oauth_config,
            &remote_server,
            &group};
  }
};

const Schema& TheSchema() {
  static const Schema* schema = new Schema();
  return *schema;
}

}  // namespace

const RegistrySchemaNode& RegistrySchemaRoot() { return TheSchema().root; }

const RegistrySchemaNode* RegistrySchemaDefinition(std::string_view name) {
  return TheSchema().Definition(name);
}

std::vector<std::string> RegistrySchemaDefinitionNames() {
  std::vector<std::string> names;
  for (const RegistrySchemaNode* n : TheSchema().Definitions()) names.push_back(n->ref);
  return names;
}

}  // namespace thv
