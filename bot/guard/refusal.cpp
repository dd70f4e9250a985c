#include "bot/guard/refusal.h"

#include <fmt/format.h>

namespace noodbel {

Result<std::string> render_refusal(const Templates& templates, Language lang,
                                   const std::vector<Finding>& findings) {
  std::string lines;
  for (const Finding& f : findings) {
    auto line =
        templates.render(lang, fmt::format("guard_{}", to_string(f.kind)), {{"text", f.text}});
    if (!line.ok()) return line.error();
    if (!lines.empty()) lines.push_back('\n');
    lines += *line;
  }
  return templates.render(lang, "guard_refused", {{"findings", lines}});
}

}  // namespace noodbel
