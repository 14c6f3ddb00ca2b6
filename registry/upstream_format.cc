// Decoding of upstream server entries in both shapes (json.Unmarshal rules, see format_go.h).
// The draft follows pkg/registry/upstream.go's json tags; the current shape the registry
// API's camelCase names. One set of structs serves both, so conversion has a single input.
#include "registry/upstream_format.h"

namespace thv {

namespace {

// Field tables: index i means the same field in both shapes.
const char* const kInputDraft[] = {"description", "is_required", "format", "value",
                                   "is_secret",   "default",     "choices"};
const char* const kInputCamel[] = {"description", "isRequired", "format", "value",
                                   "isSecret",    "default",    "choices"};
const char* const kKeyValueDraft[] = {"name",    "description", "is_required",
                                      "format",  "value",       "is_secret",
                                      "default", "choices",     "variables"};
const char* const kKeyValueCamel[] = {"name",     "description", "isRequired", "format",   "value",
                                      "isSecret", "default",     "choices",    "variables"};
const char* const kArgumentDraft[] = {"type",        "name",        "value_hint", "description",
                                      "is_required", "is_repeated", "format",     "value",
                                      "is_secret",   "default",     "choices",    "variables"};
const char* const kArgumentCamel[] = {"type",       "name",       "valueHint", "description",
                                      "isRequired", "isRepeated", "format",    "value",
                                      "isSecret",   "default",    "choices",   "variables"};
const char* const kPackageDraft[] = {"registry_name",
                                     "name",
                                     "version",
                                     "runtime_hint",
                                     "runtime_arguments",
                                     "package_arguments",
                                     "environment_variables"};
const char* const kPackageCamel[] = {"registryType",         "identifier",       "version",
                                     "runtimeHint",          "runtimeArguments", "packageArguments",
                                     "environmentVariables", "registryBaseUrl",  "transport"};
const char* const kRemoteDraft[] = {"transport_type", "url", "headers"};
const char* const kRemoteCamel[] = {"type", "url", "headers"};
const char* const kRepositoryFields[] = {"url", "source", "id", "subfolder"};
const char* const kServerDraft[] = {"name",           "description", "status", "repository",
                                    "version_detail", "packages",    "remotes"};
const char* const kServerCamel[] = {"name",    "description", "status",  "repository",
                                    "version", "packages",    "remotes", "title"};

// Runs DecodeFields with the shape's table.
template <size_t N, size_t M, typename F>
void ShapeFields(const Value& v, const JsonPath& path, bool camel, const char* const (&draft)[N],
                 const char* const (&current)[M], DecodeContext* ctx, F&& on_field) {
  if (camel) {
    DecodeFields(v, path, current, ctx, on_field);
  } else {
    DecodeFields(v, path, draft, ctx, on_field);
  }
}

void DecodeInput(const Value& v, const JsonPath& path, bool camel, UpstreamInput* out,
                 DecodeContext* ctx) {
  ShapeFields(v, path, camel, kInputDraft, kInputCamel, ctx,
              [&](size_t i, const Value& f, const JsonPath& p) {
                switch (i) {
                  case 0:
                    return DecodeString(f, p, &out->description, ctx);
                  case 1:
                    return DecodeBool(f, p, &out->is_required, ctx);
                  case 2:
                    return DecodeString(f, p, &out->format, ctx);
                  case 3:
                    return DecodeString(f, p, &out->value, ctx);
                  case 4:
                    return DecodeBool(f, p, &out->is_secret, ctx);
                  case 5:
                    return DecodeString(f, p, &out->default_value, ctx);
                  case 6:
                    return DecodeStrings(f, p, &out->choices, ctx);
                }
              });
}

// map[string]UpstreamInput: each value decodes into a zeroed struct (null stores it zeroed).
void DecodeVariables(const Value& v, const JsonPath& path, bool camel,
                     std::map<std::string, UpstreamInput>* out, DecodeContext* ctx) {
  if (v.IsNull()) return out->clear();
  if (!v.IsMapping()) return ctx->TypeError(v, path, "object");
  for (const Member& m : v.members) {
    UpstreamInput in;
    DecodeInput(m.value, path.Key(m.key), camel, &in, ctx);
    (*out)[m.key] = std::move(in);
  }
}

void DecodeKeyValue(const Value& v, const JsonPath& path, bool camel, UpstreamKeyValueInput* out,
                    DecodeContext* ctx) {
  ShapeFields(v, path, camel, kKeyValueDraft, kKeyValueCamel, ctx,
              [&](size_t i, const Value& f, const JsonPath& p) {
                switch (i) {
                  case 0:
                    return DecodeString(f, p, &out->name, ctx);
                  case 1:
                    return DecodeString(f, p, &out->description, ctx);
                  case 2:
                    return DecodeBool(f, p, &out->is_required, ctx);
                  case 3:
                    return DecodeString(f, p, &out->format, ctx);
                  case 4:
                    return DecodeString(f, p, &out->value, ctx);
                  case 5:
                    return DecodeBool(f, p, &out->is_secret, ctx);
                  case 6:
                    return DecodeString(f, p, &out->default_value, ctx);
                  case 7:
                    return DecodeStrings(f, p, &out->choices, ctx);
                  case 8:
                    return DecodeVariables(f, p, camel, &out->variables, ctx);
                }
              });
}

void DecodeKeyValues(const Value& v, const JsonPath& path, bool camel,
                     std::vector<UpstreamKeyValueInput>* out, DecodeContext* ctx) {
  DecodeSlice(v, path, out, ctx, false,
              [&](const Value& e, const JsonPath& p, UpstreamKeyValueInput* kv) {
                DecodeKeyValue(e, p, camel, kv, ctx);
              });
}

void DecodeArgument(const Value& v, const JsonPath& path, bool camel, UpstreamArgument* out,
                    DecodeContext* ctx) {
  ShapeFields(v, path, camel, kArgumentDraft, kArgumentCamel, ctx,
              [&](size_t i, const Value& f, const JsonPath& p) {
                switch (i) {
                  case 0:
                    return DecodeString(f, p, &out->type, ctx);
                  case 1:
                    return DecodeString(f, p, &out->name, ctx);
                  case 2:
                    return DecodeString(f, p, &out->value_hint, ctx);
                  case 3:
                    return DecodeString(f, p, &out->description, ctx);
                  case 4:
                    return DecodeBool(f, p, &out->is_required, ctx);
                  case 5:
                    return DecodeBool(f, p, &out->is_repeated, ctx);
                  case 6:
                    return DecodeString(f, p, &out->format, ctx);
                  case 7:
                    return DecodeString(f, p, &out->value, ctx);
                  case 8:
                    return DecodeBool(f, p, &out->is_secret, ctx);
                  case 9:
                    return DecodeString(f, p, &out->default_value, ctx);
                  case 10:
                    return DecodeStrings(f, p, &out->choices, ctx);
                  case 11:
                    return DecodeVariables(f, p, camel, &out->variables, ctx);
                }
              });
}

void DecodeArguments(const Value& v, const JsonPath& path, bool camel,
                     std::vector<UpstreamArgument>* out, DecodeContext* ctx) {
  DecodeSlice(v, path, out, ctx, false,
              [&](const Value& e, const JsonPath& p, UpstreamArgument* a) {
                DecodeArgument(e, p, camel, a, ctx);
              });
}

// Today's package transport: {type, url, headers}.
void DecodeTransport(const Value& v, const JsonPath& path, UpstreamPackage* out,
                     DecodeContext* ctx) {
  static const char* const kFields[] = {"type", "url"};
  DecodeFields(v, path, kFields, ctx, [&](size_t i, const Value& f, const JsonPath& p) {
    DecodeString(f, p, i == 0 ? &out->transport_type : &out->transport_url, ctx);
  });
}

void DecodePackage(const Value& v, const JsonPath& path, bool camel, UpstreamPackage* out,
                   DecodeContext* ctx) {
  ShapeFields(v, path, camel, kPackageDraft, kPackageCamel, ctx,
              [&](size_t i, const Value& f, const JsonPath& p) {
                switch (i) {
                  case 0:
                    return DecodeString(f, p, &out->registry_name, ctx);
                  case 1:
                    return DecodeString(f, p, &out->name, ctx);
                  case 2:
                    return DecodeString(f, p, &out->version, ctx);
                  case 3:
                    return DecodeString(f, p, &out->runtime_hint, ctx);
                  case 4:
                    return DecodeArguments(f, p, camel, &out->runtime_arguments, ctx);
                  case 5:
                    return DecodeArguments(f, p, camel, &out->package_arguments, ctx);
                  case 6:
                    return DecodeKeyValues(f, p, camel, &out->environment_variables, ctx);
                  case 7:
                    return DecodeString(f, p, &out->registry_base_url, ctx);
                  case 8:
                    return DecodeTransport(f, p, out, ctx);
                }
              });
}

void DecodeRemote(const Value& v, const JsonPath& path, bool camel, UpstreamRemote* out,
                  DecodeContext* ctx) {
  ShapeFields(v, path, camel, kRemoteDraft, kRemoteCamel, ctx,
              [&](size_t i, const Value& f, const JsonPath& p) {
                switch (i) {
                  case 0:
                    return DecodeString(f, p, &out->transport_type, ctx);
                  case 1:
                    return DecodeString(f, p, &out->url, ctx);
                  case 2:
                    return DecodeKeyValues(f, p, camel, &out->headers, ctx);
                }
              });
}

void DecodeRepository(const Value& v, const JsonPath& path, bool camel, UpstreamRepository* out,
                      DecodeContext* ctx) {
  DecodeFields(v, path, kRepositoryFields, ctx, [&](size_t i, const Value& f, const JsonPath& p) {
    switch (i) {
      case 0:
        return DecodeString(f, p, &out->url, ctx);
      case 1:
        return DecodeString(f, p, &out->source, ctx);
      case 2:
        return DecodeString(f, p, &out->id, ctx);
      case 3:
        if (camel) DecodeString(f, p, &out->subfolder, ctx);
        return;
    }
  });
}

}  // namespace

void DecodeUpstreamServer(const Value& v, const JsonPath& path, UpstreamServerDetail* detail,
                          DecodeContext* ctx) {
  bool camel = detail->shape == UpstreamShape::kCurrent;
  UpstreamServer* out = &detail->server;
  ShapeFields(v, path, camel, kServerDraft, kServerCamel, ctx,
              [&](size_t i, const Value& f, const JsonPath& p) {
                switch (i) {
                  case 0:
                    return DecodeString(f, p, &out->name, ctx);
                  case 1:
                    return DecodeString(f, p, &out->description, ctx);
                  case 2:
                    return DecodeString(f, p, &out->status, ctx);
                  case 3:
                    return DecodeOptional(f, &out->repository, [&](UpstreamRepository& r) {
                      DecodeRepository(f, p, camel, &r, ctx);
                    });
                  case 4:
                    if (camel) return DecodeString(f, p, &out->version, ctx);
                    {
                      static const char* const kVersion[] = {"version"};
                      return DecodeFields(f, p, kVersion, ctx,
                                          [&](size_t, const Value& vf, const JsonPath& vp) {
                                            DecodeString(vf, vp, &out->version, ctx);
                                          });
                    }
                  case 5:
                    return DecodeSlice(
                        f, p, &out->packages, ctx, false,
                        [&](const Value& e, const JsonPath& ep, UpstreamPackage* pk) {
                          DecodePackage(e, ep, camel, pk, ctx);
                        });
                  case 6:
                    return DecodeSlice(f, p, &out->remotes, ctx, false,
                                       [&](const Value& e, const JsonPath& ep, UpstreamRemote* r) {
                                         DecodeRemote(e, ep, camel, r, ctx);
                                       });
                  case 7:
                    return DecodeString(f, p, &out->title, ctx);
                }
              });
}

void DecodeToolhiveExtension(const Value& v, const JsonPath& path, ToolhivePublisherExtension* out,
                             DecodeContext* ctx) {
  static const char* const kFields[] = {
      "tier",        "transport",   "tools",       "metadata",  "tags", "custom_metadata",
      "permissions", "target_port", "docker_tags", "provenance"};
  DecodeFields(v, path, kFields, ctx, [&](size_t i, const Value& f, const JsonPath& p) {
    switch (i) {
      case 0:
        return DecodeString(f, p, &out->tier, ctx);
      case 1:
        return DecodeString(f, p, &out->transport, ctx);
      case 2:
        return DecodeStrings(f, p, &out->tools, ctx);
      case 3:
        return DecodeOptional(f, &out->metadata, [&](Metadata& m) {
          RegistryGoTypes().Decode("Metadata", f, p, &m, ctx);
        });
      case 4:
        return DecodeStrings(f, p, &out->tags, ctx);
      case 5:
        return DecodeAnyMap(f, p, &out->custom_metadata, ctx);
      case 6:
        return DecodeOptional(f, &out->permissions, [&](PermissionProfile& pp) {
          RegistryGoTypes().Decode("PermissionProfile", f, p, &pp, ctx);
        });
      case 7:
        return DecodeInt(f, p, &out->target_port, ctx);
      case 8:
        return DecodeStrings(f, p, &out->docker_tags, ctx);
      case 9:
        return DecodeOptional(f, &out->provenance, [&](Provenance& pr) {
          RegistryGoTypes().Decode("Provenance", f, p, &pr, ctx);
        });
    }
  });
}

void DecodeStacklokExtensions(const Value& v, const JsonPath& path, StacklokExtensions* out,
                              DecodeContext* ctx) {
  static const char* const kFields[] = {
      "status",      "tier", "tools",      "tags",        "metadata",     "custom_metadata",
      "permissions", "args", "provenance", "docker_tags", "oauth_config", "env_vars"};
  DecodeFields(v, path, kFields, ctx, [&](size_t i, const Value& f, const JsonPath& p) {
    switch (i) {
      case 0:
        return DecodeString(f, p, &out->status, ctx);
      case 1:
        return DecodeString(f, p, &out->tier, ctx);
      case 2:
        return DecodeStrings(f, p, &out->tools, ctx);
      case 3:
        return DecodeStrings(f, p, &out->tags, ctx);
      case 4:
        return DecodeOptional(f, &out->metadata, [&](Metadata& m) {
          RegistryGoTypes().Decode("Metadata", f, p, &m, ctx);
        });
      case 5:
        return DecodeAnyMap(f, p, &out->custom_metadata, ctx);
      case 6:
        return DecodeOptional(f, &out->permissions, [&](PermissionProfile& pp) {
          RegistryGoTypes().Decode("PermissionProfile", f, p, &pp, ctx);
        });
      case 7:
        return DecodeStrings(f, p, &out->args, ctx);
      case 8:
        return DecodeOptional(f, &out->provenance, [&](Provenance& pr) {
          RegistryGoTypes().Decode("Provenance", f, p, &pr, ctx);
        });
      case 9:
        return DecodeStrings(f, p, &out->docker_tags, ctx);
      case 10:
        return DecodeOptional(f, &out->oauth_config, [&](OAuthConfig& o) {
          RegistryGoTypes().Decode("OAuthConfig", f, p, &o, ctx);
        });
      case 11:
        return DecodeSlice(f, p, &out->env_vars, ctx, true,
                           [&](const Value& e, const JsonPath& ep, EnvVar* ev) {
                             RegistryGoTypes().Decode("EnvVar", e, ep, ev, ctx);
                           });
    }
  });
}

}  // namespace thv
