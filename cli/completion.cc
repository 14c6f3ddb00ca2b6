#include "cli/completion.h"

#include <CLI/CLI.hpp>

namespace thv {

namespace {

// Per subcommand, its long and short flags, space-separated.
std::vector<std::pair<std::string, std::string>> Commands(const CLI::App& app) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const CLI::App* sub : app.get_subcommands({})) {
    std::string flags = "--help";
    for (const CLI::Option* o : sub->get_options()) {
      for (const std::string& name : o->get_lnames()) flags += " --" + name;
      for (const std::string& name : o->get_snames()) flags += " -" + name;
    }
    out.emplace_back(sub->get_name(), flags);
  }
  return out;
}

}  // namespace

std::string CompletionScript(const CLI::App& app, const std::string& shell) {
  const auto commands = Commands(app);
  std::string names;
  for (const auto& [name, flags] : commands) names += (names.empty() ? "" : " ") + name;
  std::string cases;
  for (const auto& [name, flags] : commands)
    cases += "    " + name + ") flags=\"" + flags + "\" ;;\n";
  std::string bash =
      "_thv_render() {\n"
      "  local cur=${COMP_WORDS[COMP_CWORD]} cmd=${COMP_WORDS[1]} flags\n"
      "  if [ \"$COMP_CWORD\" -eq 1 ]; then\n"
      "    COMPREPLY=($(compgen -W \"" +
      names +
      "\" -- \"$cur\"))\n"
      "    return\n"
      "  fi\n"
      "  case \"$cmd\" in\n" +
      cases +
      "    *) flags=\"--help\" ;;\n"
      "  esac\n"
      "  if [[ $cur == -* ]]; then\n"
      "    COMPREPLY=($(compgen -W \"$flags\" -- \"$cur\"))\n"
      "  else\n"
      "    COMPREPLY=($(compgen -f -- \"$cur\"))\n"
      "  fi\n"
      "}\n";
  if (shell == "bash")
    return "# bash completion for thv-render: source <(thv-render completion bash)\n" + bash +
           "complete -o filenames -F _thv_render thv-render\n";
  if (shell == "zsh")
    return "#compdef thv-render\n# zsh completion for thv-render: source <(thv-render completion "
           "zsh)\n"
           "autoload -U +X bashcompinit && bashcompinit\n" +
           bash +
           "complete -o filenames -F _thv_render thv-render\n"
           "# Autoloaded from $fpath by compinit, this file is the completion function itself:\n"
           "# complete now (later completions go straight to the function registered above).\n"
           "if [[ ${funcstack[1]} == _thv-render ]]; then\n"
           "  _bash_complete -o filenames -F _thv_render\n"
           "fi\n";
  return "";
}

}  // namespace thv
