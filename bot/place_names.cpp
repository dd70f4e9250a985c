#include "bot/place_names.h"

#include <utf8proc.h>

#include <array>
#include <cstdlib>
#include <memory>
#include <utility>

#include "bot/text/ascii.h"
#include "bot/text/split.h"

namespace noodbel::place_names {
namespace {

bool is_separator(char c) {
  return c == '-' || c == '\'' || c == '.' || c == '_' || c == '(' || c == ')' ||
         is_space(c);
}

// Typographic apostrophes (’ ‘) as phones type them become '.
std::string plain_quotes(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.substr(i, 2) == "\xE2\x80" && i + 2 < text.size() &&
        (text[i + 2] == '\x98' || text[i + 2] == '\x99')) {
      out.push_back('\'');
      i += 2;
      continue;
    }
    out.push_back(text[i]);
  }
  return out;
}

}  // namespace

bool is_postcode(std::string_view s) {
  return s.size() == 4 && all_digits(s);
}

// NFKD, marks stripped, case folded; '-', '\'', '.', '_', brackets and runs of spaces
// become one space. "Sint-Niklaas" and "sint  niklaas" fold alike. Invalid UTF-8 folds to "".
std::string fold(std::string_view text) {
  std::string folded;
  if (is_ascii(text)) {
    folded = lower_ascii(text);
  } else {
    const std::string plain = plain_quotes(text);
    utf8proc_uint8_t* out = nullptr;
    const auto options =
        static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE |
                                       UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD);
    const utf8proc_ssize_t n =
        utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(plain.data()),
                     static_cast<utf8proc_ssize_t>(plain.size()), &out, options);
    if (n < 0) return {};
    const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(out, &std::free);
    folded.assign(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
  }
  std::string spaced;
  spaced.reserve(folded.size());
  for (char c : folded) {
    if (is_separator(c)) c = ' ';
    if (c == ' ' && (spaced.empty() || spaced.back() == ' ')) continue;
    spaced.push_back(c);
  }
  if (!spaced.empty() && spaced.back() == ' ') spaced.pop_back();
  return spaced;
}

std::string squash(std::string_view folded) {
  std::string out;
  for (const char c : folded) {
    if (c != ' ') out.push_back(c);
  }
  return out;
}

LetterCounts letter_counts(std::string_view folded) {
  LetterCounts counts{};
  for (const char c : folded) {
    if (c < 'a' || c > 'z') continue;
    auto& n = counts[static_cast<std::size_t>(c - 'a')];
    if (n < 255) ++n;
  }
  return counts;
}

int letter_distance_bound(const LetterCounts& a, const LetterCounts& b) {
  int difference = 0;
  for (std::size_t i = 0; i < a.size(); ++i) difference += std::abs(int{a[i]} - int{b[i]});
  return (difference + 1) / 2;
}

// "st niklaas" -> {"sint niklaas", "saint niklaas"}; "o l v waver" -> "onze lieve vrouw
// waver". Only the spellings that differ from the query.
std::vector<std::string> abbreviation_variants(std::string_view folded) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 6> kAbbreviations{{
      {"st", "sint"}, {"st", "saint"}, {"ste", "sinte"}, {"ste", "sainte"},
      {"sint", "saint"}, {"o l v", "onze lieve vrouw"}}};
  std::vector<std::string> out;
  const std::string padded = " " + std::string(folded) + " ";
  for (const auto& [short_form, long_form] : kAbbreviations) {
    const std::string from = " " + std::string(short_form) + " ";
    const std::size_t at = padded.find(from);
    if (at == std::string::npos) continue;
    std::string variant = padded;
    variant.replace(at, from.size(), " " + std::string(long_form) + " ");
    out.push_back(std::string(trim(variant)));
  }
  return out;
}


// True when `folded_query` is the whole name or one of its "/"-separated language forms.
bool name_matches(std::string_view name, std::string_view folded_query) {
  for (const std::string_view form : split_trimmed(name, '/')) {
    if (fold(form) == folded_query) return true;
  }
  return false;
}

}  // namespace noodbel::place_names
