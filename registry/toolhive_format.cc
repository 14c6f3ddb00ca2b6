// Decoding of the ToolHive registry format (json.Unmarshal semantics, see format_go.h).
#include "registry/toolhive_format.h"

namespace thv {

namespace {

// Embedded BaseServerMetadata fields come first in both server kinds, in Go's order.
#define THV_BASE_FIELDS                                                                        \
  "name", "description", "tier", "status", "transport", "tools", "metadata", "repository_url", \
      "tags", "custom_metadata"
constexpr size_t kBaseFieldCount = 10;

void DecodeBaseField(size_t i, const Value& v, const JsonPath& p, BaseServerMetadata* b,
                     DecodeContext* ctx) {
  switch (i) {
    case 0:
      return DecodeString(v, p, &b->name, ctx);
    case 1:
      return DecodeString(v, p, &b->description, ctx);
    case 2:
      return DecodeString(v, p, &b->tier, ctx);
    case 3:
      return DecodeString(v, p, &b->status, ctx);
    case 4:
      return DecodeString(v, p, &b->transport, ctx);
    case 5:
      return DecodeStrings(v, p, &b->tools, ctx);
    case 6:
      return DecodeOptional(v, &b->metadata, [&](Metadata& m) { DecodeMetadata(v, p, &m, ctx); });
    case 7:
      return DecodeString(v, p, &b->repository_url, ctx);
    case 8:
      return DecodeStrings(v, p, &b->tags, ctx);
    case 9:
      return DecodeAnyMap(v, p, &b->custom_metadata, ctx);
  }
}

void DecodeEnvVars(const Value& v, const JsonPath& p, std::vector<EnvVar>* out,
                   DecodeContext* ctx) {
  DecodeSlice(v, p, out, ctx, true, [&](const Value& e, const JsonPath& ep, EnvVar* ev) {
    DecodeEnvVar(e, ep, ev, ctx);
  });
}

void DecodeOutbound(const Value& v, const JsonPath& path, OutboundNetworkPermissions* out,
                    DecodeContext* ctx) {
  static const char* const kFields[] = {"insecure_allow_all", "allow_host", "allow_port"};
  DecodeFields(v, path, kFields, ctx, [&](size_t i, const Value& f, const JsonPath& p) {
    switch (i) {
      case 0:
        return DecodeBool(f, p, &out->insecure_allow_all, ctx);
      case 1:
        return DecodeStrings(f, p, &out->allow_host, ctx);
      case 2:
        return DecodeInts(f, p, &out->allow_port, ctx);
    }
  });
}

void DecodeNetwork(const Value& v, const JsonPath& path, NetworkPermissions* out,
                   DecodeContext* ctx) {
  static const char* const kFields[] = {"outbound"};
  DecodeFields(v, path, kFields, ctx, [&](size_t, const Value& f, const JsonPath& p) {
    DecodeOptional(f, &out->outbound,
                   [&](OutboundNetworkPermissions& o) { DecodeOutbound(f, p, &o, ctx); });
  });
}

void DecodeAttestation(const Value& v, const JsonPath& path, VerifiedAttestation* out,
                       DecodeContext* ctx) {
  static const char* const kFields[] = {"predicate_type", "predicate"};
  DecodeFields(v, path, kFields, ctx, [&](size_t i, const Value& f, const JsonPath& p) {
    if (i == 0) return DecodeString(f, p, &out->predicate_type, ctx);
    DecodeAny(f, p, &out->predicate, ctx);
  });
}

void DecodeGroup(const Value& v, const JsonPath& path, Group* out, DecodeContext* ctx) {
  static const char* const kFields[] = {"name", "description", "servers", "remote_servers"};
  DecodeFields(v, path, kFields, ctx, [&](size_t i, const Value& f, const JsonPath& p) {
    switch (i) {
      case 0:
        return DecodeString(f, p, &out->name, ctx);
      case 1:
        return DecodeString(f, p, &out->description, ctx);
      case 2:
        return DecodeStructMap(f, p, &out->servers, ctx,
                               [&](const Value& e, const JsonPath& ep, ImageMetadata* s) {
                                 DecodeImageMetadata(e, ep, s, ctx);
                               });
      case 3:
        return DecodeStructMap(f, p, &out->remote_servers, ctx,
                               [&](const Value& e, const JsonPath& ep, RemoteServerMetadata* s) {
                                 DecodeRemoteServerMetadata(e, ep, s, ctx);
                               });
    }
  });
}

}  // namespace

void DecodeMetadata(const Value& v, const JsonPath& path, Metadata* out, DecodeContext* ctx) {
  static const char* const kFields[] = {"stars", "pulls", "last_updated"};
  DecodeFields(v, path, kFields, ctx, [&](size_t i, const Value& f, const JsonPath& p) {
    switch (i) {
      case 0:
        return DecodeInt(f, p, &out->stars, ctx);
      case 1:
        return DecodeInt(f, p, &out->pulls, ctx);
      case 2:
        return DecodeString(f, p, &out->last_updated, ctx);
    }
  });
}

void DecodeEnvVar(const Value& v, const JsonPath& path, EnvVar* out, DecodeContext* ctx) {
  static const char* const kFields[] = {"name", "description", "required", "default", "secret"};
  DecodeFields(v, path, kFields, ctx, [&](size_t i, const Value& f, const JsonPath& p) {
    switch (i) {
      case 0:
        return DecodeString(f, p, &out->name, ctx);
      case 1:
        return DecodeString(f, p, &out->description, ctx);
      case 2:
        return DecodeBool(f, p, &out->required, ctx);
      case 3:
        return DecodeString(f, p, &out->default_value, ctx);
      case 4:
        return DecodeBool(f, p, &out->secret, ctx);
    }
  });
}

void DecodeHeader(const Value& v, const JsonPath& path, Header* out, DecodeContext* ctx) {
  static const char* const kFields[] = {"name",    "description", "required",
                                        "default", "secret",      "choices"};
  DecodeFields(v, path, kFields, ctx, [&](size_t i, const Value& f, const JsonPath& p) {
    switch (i) {
      case 0:
        return DecodeString(f, p, &out->name, ctx);
      case 1:
        return DecodeString(f, p, &out->description, ctx);
      case 2:
        return DecodeBool(f, p, &out->required, ctx);
      case 3:
        return DecodeString(f, p, &out->default_value, ctx);
      case 4:
        return DecodeBool(f, p, &out->secret, ctx);
      case 5:
        return DecodeStrings(f, p, &out->choices, ctx);
    }
  });
}

void DecodePermissions(const Value& v, const JsonPath& path, PermissionProfile* out,
                       DecodeContext* ctx) {
  static const char* const kFields[] = {"name", "read", "write", "network", "privileged"};
  DecodeFields(v, path, kFields, ctx, [&](size_t i, const Value& f, const JsonPath& p) {
    switch (i) {
      case 0:
        return DecodeString(f, p, &out->name, ctx);
      case 1:
        return DecodeStrings(f, p, &out->read, ctx);
      case 2:
        return DecodeStrings(f, p, &out->write, ctx);
      case 3:
        return DecodeOptional(f, &out->network,
                              [&](NetworkPermissions& n) { DecodeNetwork(f, p, &n, ctx); });
      case 4:
        return DecodeBool(f, p, &out->privileged, ctx);
    }
  });
}

void DecodeProvenance(const Value& v, const JsonPath& path, Provenance* out, DecodeContext* ctx) {
  static const char* const kFields[] = {"sigstore_url",    "repository_uri",     "repository_ref",
                                        "signer_identity", "runner_environment", "cert_issuer",
                                        "attestation"};
  DecodeFields(v, path, kFields, ctx, [&](size_t i, const Value& f, const JsonPath& p) {
    switch (i) {
      case 0:
        return DecodeString(f, p, &out->sigstore_url, ctx);
      case 1:
        return DecodeString(f, p, &out->repository_uri, ctx);
      case 2:
        return DecodeString(f, p, &out->repository_ref, ctx);
      case 3:
        return DecodeString(f, p, &out->signer_identity, ctx);
      case 4:
        return DecodeString(f, p, &out->runner_environment, ctx);
      case 5:
        return DecodeString(f, p, &out->cert_issuer, ctx);
      case 6:
        return DecodeOptional(f, &out->attestation,
                              [&](VerifiedAttestation& a) { DecodeAttestation(f, p, &a, ctx); });
    }
  });
}

void DecodeOAuthConfig(const Value& v, const JsonPath& path, OAuthConfig* out, DecodeContext* ctx) {
  static const char* const kFields[] = {"issuer", "authorize_url", "token_url",    "client_id",
                                        "scopes", "use_pkce",      "oauth_params", "callback_port"};
  DecodeFields(v, path, kFields, ctx, [&](size_t i, const Value& f, const JsonPath& p) {
    switch (i) {
      case 0:
        return DecodeString(f, p, &out->issuer, ctx);
      case 1:
        return DecodeString(f, p, &out->authorize_url, ctx);
      case 2:
        return DecodeString(f, p, &out->token_url, ctx);
      case 3:
        return DecodeString(f, p, &out->client_id, ctx);
      case 4:
        return DecodeStrings(f, p, &out->scopes, ctx);
      case 5:
        return DecodeBool(f, p, &out->use_pkce, ctx);
      case 6:
        return DecodeStringMap(f, p, &out->oauth_params, ctx);
      case 7:
        return DecodeInt(f, p, &out->callback_port, ctx);
    }
  });
}

void DecodeImageMetadata(const Value& v, const JsonPath& path, ImageMetadata* out,
                         DecodeContext* ctx) {
  static const char* const kFields[] = {THV_BASE_FIELDS, "image", "target_port", "permissions",
                                        "env_vars",      "args",  "docker_tags", "provenance"};
  DecodeFields(v, path, kFields, ctx, [&](size_t i, const Value& f, const JsonPath& p) {
    if (i < kBaseFieldCount) return DecodeBaseField(i, f, p, out, ctx);
    switch (i - kBaseFieldCount) {
      case 0:
        return DecodeString(f, p, &out->image, ctx);
      case 1:
        return DecodeInt(f, p, &out->target_port, ctx);
      case 2:
        return DecodeOptional(f, &out->permissions,
                              [&](PermissionProfile& pp) { DecodePermissions(f, p, &pp, ctx); });
      case 3:
        return DecodeEnvVars(f, p, &out->env_vars, ctx);
      case 4:
        return DecodeStrings(f, p, &out->args, ctx);
      case 5:
        return DecodeStrings(f, p, &out->docker_tags, ctx);
      case 6:
        return DecodeOptional(f, &out->provenance,
                              [&](Provenance& pr) { DecodeProvenance(f, p, &pr, ctx); });
    }
  });
}

void DecodeRemoteServerMetadata(const Value& v, const JsonPath& path, RemoteServerMetadata* out,
                                DecodeContext* ctx) {
  static const char* const kFields[] = {THV_BASE_FIELDS, "url", "headers", "oauth_config",
                                        "env_vars"};
  DecodeFields(v, path, kFields, ctx, [&](size_t i, const Value& f, const JsonPath& p) {
    if (i < kBaseFieldCount) return DecodeBaseField(i, f, p, out, ctx);
    switch (i - kBaseFieldCount) {
      case 0:
        return DecodeString(f, p, &out->url, ctx);
      case 1:
        return DecodeSlice(
            f, p, &out->headers, ctx, true,
            [&](const Value& e, const JsonPath& ep, Header* h) { DecodeHeader(e, ep, h, ctx); });
      case 2:
        return DecodeOptional(f, &out->oauth_config,
                              [&](OAuthConfig& o) { DecodeOAuthConfig(f, p, &o, ctx); });
      case 3:
        return DecodeEnvVars(f, p, &out->env_vars, ctx);
    }
  });
}

bool DecodeToolhiveRegistry(const Value& doc, const std::string& file, Registry* out,
                            Diagnostics* diags) {
  DecodeContext ctx{file, diags, 0};
  JsonPath root;
  static const char* const kFields[] = {"version", "last_updated", "servers", "remote_servers",
                                        "groups"};
  DecodeFields(doc, root, kFields, &ctx, [&](size_t i, const Value& f, const JsonPath& p) {
    switch (i) {
      case 0:
        return DecodeString(f, p, &out->version, &ctx);
      case 1:
        return DecodeString(f, p, &out->last_updated, &ctx);
      case 2:
        if (!f.IsNull() && !f.IsMapping()) return ctx.TypeError(f, p, "object");
        return DecodeOptional(f, &out->servers, [&](ServerMap& m) {
          DecodeStructMap(f, p, &m, &ctx,
                          [&](const Value& e, const JsonPath& ep, ImageMetadata* s) {
                            DecodeImageMetadata(e, ep, s, &ctx);
                          });
        });
      case 3:
        return DecodeStructMap(f, p, &out->remote_servers, &ctx,
                               [&](const Value& e, const JsonPath& ep, RemoteServerMetadata* s) {
                                 DecodeRemoteServerMetadata(e, ep, s, &ctx);
                               });
      case 4:
        return DecodeSlice(
            f, p, &out->groups, &ctx, true,
            [&](const Value& e, const JsonPath& ep, Group* g) { DecodeGroup(e, ep, g, &ctx); });
    }
  });
  return ctx.errors == 0;
}

bool ParseToolhiveRegistry(std::string_view text, const std::string& file, Registry* out,
                           Diagnostics* diags) {
  Value doc;
  JsonSyntaxError err;
  if (!ParseJson(text, &doc, &err)) {
    if (diags) diags->Error(file, err.mark, "", err.message);
    return false;
  }
  return DecodeToolhiveRegistry(doc, file, out, diags);
}

}  // namespace thv
