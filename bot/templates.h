// Templates: every user-facing text, from templates/<lang>/<name>.txt (read by
// adapters/data/templates_loader.h) and rendered with fmt named arguments ("{code}").
// Immutable after construction: thread-safe.
//
// Syntax of a template text (templates/README.md says the same for translators):
//   {name}           the argument `name`; fmt format specs work too: {km:>3}
//   {{ and }}        a literal { and }
//   {name|one|many}  a plural form chosen by the integer value of argument `name`:
//                    "{n} {n|gezin|gezinnen}" renders "1 gezin", "2 gezinnen". The forms are
//                    plain text (no braces, no "|"; either may be empty). Rules by the
//                    template's language: nl and en take `one` for exactly 1; fr takes `one`
//                    for 0 and 1 ("0 famille", "1 famille", "2 familles").
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "bot/result.h"
#include "bot/types.h"

namespace noodbel {

// Named arguments for one rendering; all values are already formatted as text.
using TemplateArgs = std::vector<std::pair<std::string, std::string>>;

class Templates {
 public:
  static Templates from_map(std::map<std::pair<Language, std::string>, std::string> texts);
  // The same from the contents of template files: one trailing newline (LF or CRLF) of each
  // is dropped.
  static Templates from_files(std::map<std::pair<Language, std::string>, std::string> files);

  // Renders `name` in `lang`, falling back to Dutch when that language lacks it.
  // An unknown template, a placeholder without an argument, a plural selector whose
  // argument is missing or not an integer, or a malformed selector is an Error naming the
  // template (and the argument).
  Result<std::string> render(Language lang, std::string_view name, const TemplateArgs& args) const;
  bool has(Language lang, std::string_view name) const;
  std::vector<std::string> names(Language lang) const;

 private:
  std::map<std::pair<Language, std::string>, std::string, std::less<>> texts_;
};

// True when `count` takes the singular form in `lang` (see the plural rules above).
bool plural_is_singular(Language lang, long long count);

// `text` with every plural selector {name|one|many} replaced by the form its argument
// picks; placeholders and doubled braces are left for fmt. The Error names the argument
// (missing, not an integer) or quotes the malformed selector.
Result<std::string> select_plural_forms(std::string_view text, Language lang,
                                        const TemplateArgs& args);

}  // namespace noodbel
