#include "bot/guard/national_id_scanner.h"

#include <array>
#include <optional>
#include <string>

#include "bot/text/ascii.h"

namespace noodbel {
namespace {

bool is_id_separator(char c) { return c == '.' || c == '-' || c == ' ' || c == '/'; }

// 9 digits and a mod-97 check; people born from 2000 on have "2" put before the 9 digits.
bool valid_national_id(std::string_view digits) {
  long long base = 0;
  for (std::size_t i = 0; i < 9; ++i) base = base * 10 + (digits[i] - '0');
  const int check = (digits[9] - '0') * 10 + (digits[10] - '0');
  return 97 - base % 97 == check || 97 - (2000000000LL + base) % 97 == check;
}

bool starts_a_number(std::string_view text, std::size_t i) {
  return is_digit(text[i]) && (i == 0 || (!is_digit(text[i - 1]) && !is_alpha(text[i - 1])));
}

// Reads the digit groups 2, 2, 2, 3, 2 from `pos` into `digits`, one separator allowed
// before each group after the first (counted in `separators`); the end of the last group,
// or nothing.
std::optional<std::size_t> read_id_groups(std::string_view text, std::size_t pos,
                                          std::string& digits, int& separators) {
  constexpr std::array<int, 5> kGroups{2, 2, 2, 3, 2};
  for (std::size_t g = 0; g < kGroups.size(); ++g) {
    if (g > 0 && pos < text.size() && is_id_separator(text[pos]) && pos + 1 < text.size() &&
        is_digit(text[pos + 1])) {
      ++pos;
      ++separators;
    }
    for (int d = 0; d < kGroups[g]; ++d, ++pos) {
      if (pos >= text.size() || !is_digit(text[pos])) return std::nullopt;
      digits.push_back(text[pos]);
    }
  }
  return pos;
}

}  // namespace

void scan_national_ids(std::string_view text, std::vector<Finding>& out) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!starts_a_number(text, i)) continue;
    std::string digits;
    int separators = 0;
    const std::optional<std::size_t> end = read_id_groups(text, i, digits, separators);
    if (!end || (*end < text.size() && (is_digit(text[*end]) || is_alpha(text[*end])))) continue;
    // Written in the register's own shape (YY.MM.DD-NNN.CC, a separator between every
    // group), a number with a typo in it is still someone's: no check digit needed then.
    if (separators == 4 || valid_national_id(digits)) {
      add_finding(out, text, FindingKind::kNationalId, i, *end);
      i = *end - 1;
    }
  }
}

}  // namespace noodbel
