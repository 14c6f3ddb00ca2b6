#include "render/render_all.h"

#include <tuple>
#include <unordered_map>

#include "model/inputs.h"
#include "model/mcpregistry.h"
#include "model/mcpserver.h"
#include "model/references.h"
#include "render/mcpserver_render.h"

namespace thv {

namespace {

std::string Identity(const Value& doc) {
  auto text = [](const Value* v) { return v ? v->text : std::string(); };
  const Value* meta = doc.Find("metadata");
  std::string api = text(doc.Find("apiVersion"));
  std::string group = api.find('/') == std::string::npos ? "" : api.substr(0, api.find('/'));
  return group + "/" + text(doc.Find("kind")) + " " +
         (meta ? text(meta->Find("namespace")) + "/" + text(meta->Find("name")) : "");
}

}  // namespace

void RenderAll(const std::vector<Object>& objects, const RenderAllOptions& options,
               Diagnostics* diags, const RenderSink& sink) {
  // Which input produced each output, so a collision names both.
  std::unordered_map<std::string, const Object*> produced_by;
  const ObjectIndex index(objects);
  auto emit = [&](Value doc, const Object& source) {
    auto [it, inserted] = produced_by.emplace(Identity(doc), &source);
    if (!inserted) {
      const Origin& first = it->second->origin;
      diags->Error(source.origin.file, source.origin.mark, "metadata.name",
                   "renders " + Identity(doc) + ", which " + first.file + ":" +
                       std::to_string(first.mark.line) + " also defines or renders");
      return;
    }
    sink(std::move(doc));
  };

  for (const Object& object : objects) {
    if (object.context_only) continue;
    switch (ToolhiveKindOf(object)) {
      case ToolhiveKind::kNone:
        emit(object.doc, object);
        continue;
      case ToolhiveKind::kMCPServer: {
        MCPServer server = DecodeMCPServer(object);
        ServerRefs refs = ResolveServerRefs(server, index, diags);
        for (Value& doc : RenderMCPServer(server, refs, options.render, diags))
          emit(std::move(doc), object);
        break;
      }
      case ToolhiveKind::kMCPToolConfig:
        break;
      case ToolhiveKind::kMCPRegistry: {
        auto content = options.registries.find(object.meta.namespace_ + "/" + object.meta.name);
        if (content == options.registries.end()) break;  // its fetch failed, already reported
        Diagnostics ignored;  // DecodeMCPRegistry's findings were reported by the registry stage
        for (Value& doc : RenderMCPRegistry(DecodeMCPRegistry(object, &ignored), content->second,
                                            options.render))
          emit(std::move(doc), object);
        break;
      }
    }
    if (options.keep_custom_resources) emit(object.doc, object);
  }
}

std::vector<Value> RenderAll(const std::vector<Object>& objects, const RenderAllOptions& options,
                             Diagnostics* diags) {
  std::vector<Value> out;
  RenderAll(objects, options, diags, [&out](Value doc) { out.push_back(std::move(doc)); });
  return out;
}

}  // namespace thv
