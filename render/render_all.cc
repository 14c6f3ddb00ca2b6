#include "render/render_all.h"

#include <cctype>
#include <set>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "model/inputs.h"
#include "model/names.h"
#include "render/validate_object.h"
#include "targets/target.h"

namespace thv {

namespace {

std::string Identity(const Value& doc) {
  // Built once, without temporaries: every output object passes here.
  static const std::string kNone;
  auto text = [](const Value* v) -> const std::string& { return v ? v->text : kNone; };
  const Value* meta = doc.Find("metadata");
  const std::string& api = text(doc.Find("apiVersion"));
  const std::string& kind = text(doc.Find("kind"));
  const size_t slash = api.find('/');
  const std::string_view group =
      slash == std::string::npos ? std::string_view() : std::string_view(api).substr(0, slash);
  std::string out;
  out.reserve(group.size() + kind.size() + 2 + (meta ? 64 : 0));
  out.append(group).append("/").append(kind).append(" ");
  if (meta) out.append(text(meta->Find("namespace"))).append("/").append(text(meta->Find("name")));
  return out;
}

// The first string scalar or mapping key in v equal to value: its dotted path and mark.
bool FindInput(const Value& v, const std::string& value, std::string* path, Mark* mark) {
  const size_t length = path->size();
  for (const Member& m : v.members) {
    *path += (length ? "." : "") + m.key;
    if (m.key == value || (m.value.IsString() && m.value.text == value)) {
      *mark = m.key == value ? m.key_mark : m.value.mark;
      return true;
    }
    if (FindInput(m.value, value, path, mark)) return true;
    path->resize(length);
  }
  for (size_t i = 0; i < v.items.size(); ++i) {
    *path += "[" + std::to_string(i) + "]";
    const Value& item = v.items[i];
    if (item.IsString() && item.text == value) {
      *mark = item.mark;
      return true;
    }
    if (FindInput(item, value, path, mark)) return true;
    path->resize(length);
  }
  return false;
}

// Whether value holds name as derived names do (mcp-<name>-proxy, <name>-api): not inside a
// longer run of letters and digits.
bool ContainsName(const std::string& value, const std::string& name) {
  auto alnum = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  for (size_t at = value.find(name); !name.empty() && at != std::string::npos;
       at = value.find(name, at + 1)) {
    const size_t end = at + name.size();
    if ((at == 0 || !alnum(value[at - 1])) && (end == value.size() || !alnum(value[end])))
      return true;
  }
  return false;
}

// Rendered nodes have no marks: the input field a bad value came from is where the input wrote
// it, else metadata.name for names derived from it, else the input object.
void AttributeToInput(const Object& source, const std::string& value, std::string* path,
                      Mark* mark) {
  path->clear();
  if (!value.empty() && FindInput(source.doc, value, path, mark)) return;
  path->clear();
  const Value* meta = source.doc.Find("metadata");
  const Value* name = meta ? meta->Find("name") : nullptr;
  if (name && ContainsName(value, source.meta.name)) {
    *path = "metadata.name";
    *mark = name->mark;
    return;
  }
  *mark = source.origin.mark;
}

// One diagnostic per input field: an MCPServer name too long for its Service also makes label
// values too long, and the name is the one thing to fix.
class ObjectErrorReporter {
 public:
  explicit ObjectErrorReporter(Diagnostics* diags) : diags_(diags) {}

  // Reports errors in doc, which source produced (rendered) or is (passed through).
  void Report(const Value& doc, const Object& source, bool rendered,
              const std::vector<FieldError>& errors) {
    if (&source != last_source_) reported_.clear();
    last_source_ = &source;
    const Value* meta = doc.Find("metadata");
    const Value* kind = doc.Find("kind");
    const Value* name = meta ? meta->Find("name") : nullptr;
    const std::string object = (kind ? kind->text : std::string("object")) + " " +
                               GoQuote(name ? name->text : std::string());
    for (const FieldError& e : errors) {
      std::string path = e.path;
      Mark mark = e.mark.line > 0 ? e.mark : source.origin.mark;
      if (rendered) AttributeToInput(source, e.bad_value, &path, &mark);
      if (!reported_.emplace(path, mark.line, mark.column).second) continue;
      std::string message =
          object +
          (e.kind == FieldError::Kind::kNeverRuns ? " could never run: " : " would be rejected: ") +
          (e.path.empty() ? "" : e.path + ": ") + e.detail;
      if (rendered) {
        const std::string operator_name = "; the operator (" + std::string(source.target->name);
        message += e.kind == FieldError::Kind::kNeverRuns
                       ? operator_name + ") creates it, but its pods cannot start"
                       : operator_name + ") could not create it";
      }
      if (e.kind == FieldError::Kind::kTooLarge) {
        const ToolhiveKind input = ToolhiveKindOf(source);
        message += input == ToolhiveKind::kMCPRegistry
                       ? "; narrow the registry with spec.filter or use a smaller source"
                   : input == ToolhiveKind::kMCPServer
                       ? "; shorten what the MCPServer's spec carries into it"
                       : "; split it into smaller objects";
      }
      diags_->Error(source.origin.file, mark, path, message);
    }
  }

 private:
  Diagnostics* diags_;
  const Object* last_source_ = nullptr;
  std::set<std::tuple<std::string, int, int>> reported_;
};

}  // namespace

void RenderAll(const std::vector<Object>& objects, const RenderAllOptions& options,
               Diagnostics* diags, const RenderSink& sink) {
  // Which input produced each output, so a collision names both.
  std::unordered_map<std::string, const Object*> produced_by;
  const ObjectIndex index(objects);
  ObjectErrorReporter reporter(diags);
  std::vector<FieldError> errors;
  // Every output object passes here and is checked as the API server would check it, unless
  // its input already reported errors (the same problem, said at the input field).
  auto emit = [&](Value doc, const Object& source, bool rendered, bool validate) {
    auto [it, inserted] = produced_by.emplace(Identity(doc), &source);
    if (!inserted) {
      const Origin& first = it->second->origin;
      diags->Error(source.origin.file, source.origin.mark, "metadata.name",
                   "renders " + Identity(doc) + ", which " + first.file + ":" +
                       std::to_string(first.mark.line) + " also defines or renders");
      return;
    }
    if (validate) {
      errors.clear();
      ValidateObject(doc, &errors);
      if (!errors.empty()) {
        reporter.Report(doc, source, rendered, errors);
        return;
      }
    }
    sink(std::move(doc));
  };

  const RenderContext context{index, options, &objects};
  for (const Object& object : objects) {
    if (object.context_only) continue;
    const int errors_before = diags->error_count();
    const TargetKind* kind = object.toolhive;
    if (!kind) {
      emit(object.doc, object, false, true);
      continue;
    }
    switch (kind->role) {
      case KindRole::kRendered:
        kind->render(object, context, diags, [&](Value doc, bool validate) {
          emit(std::move(doc), object, true, validate);
        });
        break;
      case KindRole::kConfig:
      case KindRole::kNotRenderedYet:
      case KindRole::kUnsupported:  // refused as an input already
        if (kind->check) kind->check(object, context, diags);
        if (kind->role == KindRole::kNotRenderedYet && !options.validating &&
            diags->error_count() == errors_before)
          diags->Error(object.origin.file, object.doc.Find("kind")->mark, "kind",
                       "rendering " + object.kind + " is not supported at " + object.target->name +
                           " yet (`validate` checks it)" +
                           (kind->hint ? std::string("; ") + kind->hint : std::string()));
        break;
    }
    // thv-render's own kinds never reach a cluster.
    const bool own = object.api_version.rfind(std::string(kRenderGroup) + "/", 0) == 0;
    if (options.keep_custom_resources && !own)
      emit(object.doc, object, false, diags->error_count() == errors_before);
  }
}

std::vector<Value> RenderAll(const std::vector<Object>& objects, const RenderAllOptions& options,
                             Diagnostics* diags) {
  std::vector<Value> out;
  RenderAll(objects, options, diags, [&out](Value doc) { out.push_back(std::move(doc)); });
  return out;
}

}  // namespace thv
