// Template files are fmt format strings with named placeholders: "Oproep {code}".
// A literal brace is written doubled, as fmt requires: "{{" prints "{", "}}" prints "}".
// Plural selectors "{n|gezin|gezinnen}" are resolved first (select_plural_forms), so fmt
// only ever sees its own syntax.
#include "bot/templates.h"
#include "bot/text/ascii.h"

#include <algorithm>
#include <charconv>
#include <optional>

#include <fmt/args.h>
#include <fmt/format.h>

namespace noodbel {
namespace {

// A template file's text without its final line break.
void drop_final_newline(std::string& s) {
  if (!s.empty() && s.back() == '\n') s.pop_back();
  if (!s.empty() && s.back() == '\r') s.pop_back();
}

bool is_identifier(std::string_view s) {
  const auto word = [](char c) { return is_alnum(c) || c == '_'; };
  return !s.empty() && !is_digit(s[0]) && std::all_of(s.begin(), s.end(), word);
}

const std::string* find_arg(const TemplateArgs& args, std::string_view name) {
  for (const auto& [key, value] : args) {
    if (key == name) return &value;
  }
  return nullptr;
}

std::optional<long long> parse_integer(std::string_view text) {
  long long value = 0;
  const char* end = text.data() + text.size();
  const auto [at, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || at != end) return std::nullopt;
  return value;
}

// The form one selector body ("n|gezin|gezinnen") picks.
Result<std::string_view> select_form(std::string_view body, Language lang,
                                     const TemplateArgs& args) {
  const std::size_t first = body.find('|');
  const std::size_t second = body.find('|', first + 1);
  const std::string_view name = body.substr(0, first);
  if (second == std::string_view::npos || body.find('|', second + 1) != std::string_view::npos ||
      !is_identifier(name) || body.find('{') != std::string_view::npos) {
    return Error::Internal(fmt::format(
        "malformed plural selector {{{}}}: write {{name|singular|plural}}", body));
  }
  const std::string* value = find_arg(args, name);
  if (value == nullptr) {
    return Error::Internal(fmt::format("plural selector {{{}}} has no argument '{}'", body, name));
  }
  const std::optional<long long> count = parse_integer(*value);
  if (!count) {
    return Error::Internal(fmt::format(
        "plural selector {{{}}}: argument '{}' is not an integer", body, name));
  }
  return plural_is_singular(lang, *count) ? body.substr(first + 1, second - first - 1)
                                          : body.substr(second + 1);
}

}  // namespace

bool plural_is_singular(Language lang, long long count) {
  if (lang == Language::kFr) return count == 0 || count == 1;
  return count == 1;
}

Result<std::string> select_plural_forms(std::string_view text, Language lang,
                                        const TemplateArgs& args) {
  if (text.find('|') == std::string_view::npos) return std::string(text);
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
      out.append(text.substr(i, 2));  // a literal brace, kept for fmt
      i += 2;
      continue;
    }
    const std::size_t close = c == '{' ? text.find('}', i) : std::string_view::npos;
    if (close == std::string_view::npos) {
      out += c;  // plain text, or an unclosed brace fmt will report
      ++i;
      continue;
    }
    const std::string_view body = text.substr(i + 1, close - i - 1);
    if (body.find('|') == std::string_view::npos) {
      out.append(text.substr(i, close - i + 1));  // a placeholder, for fmt
    } else {
      Result<std::string_view> form = select_form(body, lang, args);
      if (!form.ok()) return form.error();
      out.append(*form);
    }
    i = close + 1;
  }
  return out;
}

Templates Templates::from_files(std::map<std::pair<Language, std::string>, std::string> files) {
  for (auto& [key, text] : files) drop_final_newline(text);
  return from_map(std::move(files));
}

Templates Templates::from_map(std::map<std::pair<Language, std::string>, std::string> texts) {
  Templates t;
  for (auto& [key, text] : texts) t.texts_.emplace(key, std::move(text));
  return t;
}

Result<std::string> Templates::render(Language lang, std::string_view name,
                                      const TemplateArgs& args) const {
  auto it = texts_.find(std::pair{lang, std::string(name)});
  if (it == texts_.end()) it = texts_.find(std::pair{Language::kNl, std::string(name)});
  if (it == texts_.end()) return Error::NotFound(fmt::format("no template named '{}'", name));
  const Language text_lang = it->first.first;
  const Result<std::string> text = select_plural_forms(it->second, text_lang, args);
  if (!text.ok()) {
    return Error::Internal(
        fmt::format("template '{}' ({}): {}", name, to_string(text_lang), text.error().message));
  }
  fmt::dynamic_format_arg_store<fmt::format_context> store;
  for (const auto& [key, value] : args) store.push_back(fmt::arg(key.c_str(), value));
  try {
    return fmt::vformat(*text, store);
  } catch (const fmt::format_error& e) {
    return Error::Internal(fmt::format("template '{}' ({}): {}", name, to_string(it->first.first),
                                       e.what()));
  }
}

bool Templates::has(Language lang, std::string_view name) const {
  return texts_.find(std::pair{lang, std::string(name)}) != texts_.end();
}

std::vector<std::string> Templates::names(Language lang) const {
  std::vector<std::string> out;
  for (const auto& [key, text] : texts_) {
    if (key.first == lang) out.push_back(key.second);
  }
  return out;
}

}  // namespace noodbel
