// Templates: every user-facing text, loaded from templates/<lang>/<name>.txt and
// rendered with fmt named arguments ("{code}"). Immutable after load: thread-safe.
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
  // Loads every <dir>/{nl,fr,en}/*.txt; a trailing newline is dropped.
  static Result<Templates> load(const std::string& dir);
  static Templates from_map(std::map<std::pair<Language, std::string>, std::string> texts);

  // Renders `name` in `lang`, falling back to Dutch when that language lacks it.
  // An unknown template or a placeholder without an argument is an Error.
  Result<std::string> render(Language lang, std::string_view name, const TemplateArgs& args) const;
  bool has(Language lang, std::string_view name) const;
  std::vector<std::string> names(Language lang) const;

 private:
  std::map<std::pair<Language, std::string>, std::string, std::less<>> texts_;
};

}  // namespace noodbel
