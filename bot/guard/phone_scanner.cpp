#include "bot/guard/phone_scanner.h"

#include <phonenumbers/phonenumbermatch.h>
#include <phonenumbers/phonenumbermatcher.h>
#include <phonenumbers/phonenumberutil.h>

#include <algorithm>
#include <iterator>
#include <optional>
#include <string>
#include <utility>

#include "bot/text/ascii.h"

namespace noodbel {
namespace {

bool is_phone_separator(char c) { return c == ' ' || c == '.' || c == '/' || c == '-'; }

// Digits joined by single separators, from `pos`: "0470 12 34 56".
struct DigitRun {
  std::string digits;
  std::size_t end = 0;
  std::size_t first_group = 0;  // digits before the first separator
};

DigitRun read_digit_run(std::string_view text, std::size_t pos) {
  DigitRun run;
  while (true) {
    while (pos < text.size() && is_digit(text[pos])) run.digits.push_back(text[pos++]);
    if (run.first_group == 0) run.first_group = run.digits.size();
    run.end = pos;
    if (pos + 1 < text.size() && is_phone_separator(text[pos]) && is_digit(text[pos + 1])) {
      ++pos;
      continue;
    }
    return run;
  }
}

// 9 to 11 digits starting with a zone or mobile prefix ("0470 …", "09 …", not
// "0 2007-…"), or 9 to 15 digits after + or 00.
bool looks_like_phone(const DigitRun& run, bool plus) {
  const std::string& digits = run.digits;
  const bool international = plus || digits.starts_with("00");
  const std::size_t count = digits.size() - (digits.starts_with("00") ? 2 : 0);
  const bool local_prefix =
      run.first_group >= 2 && (run.first_group <= 4 || run.first_group == digits.size());
  return international ? count >= 9 && count <= 15
                       : digits.starts_with("0") && local_prefix && count >= 9 && count <= 11;
}

// Runs of digits that look like a phone number even when libphonenumber finds them
// invalid (a digit too few or too many is still somebody's number).
void scan_phone_like_runs(std::string_view text, std::vector<Finding>& out) {
  std::size_t i = 0;
  while (i < text.size()) {
    const bool plus = text[i] == '+' && i + 1 < text.size() && is_digit(text[i + 1]);
    if ((!plus && !is_digit(text[i])) || (i > 0 && is_alnum(text[i - 1]))) {
      ++i;
      continue;
    }
    const DigitRun run = read_digit_run(text, plus ? i + 1 : i);
    const bool glued = run.end < text.size() && is_alpha(text[run.end]);
    if (looks_like_phone(run, plus) && !glued) {
      add_finding(out, text, FindingKind::kPhone, i, run.end);
    }
    i = std::max(run.end, i + 1);
  }
}

bool is_cluster_char(char c) {
  return is_digit(c) || c == '+' || c == '(' || c == ')' || is_phone_separator(c);
}

using Span = std::pair<std::size_t, std::size_t>;

// The cluster of digits, separators and brackets from `i`: its span up to the last digit,
// or nothing with fewer than 8 digits or more than 15 in a row (E.164's maximum).
std::optional<Span> digit_cluster_at(std::string_view text, std::size_t i, std::size_t& end) {
  end = i;
  std::size_t last_digit = i;
  int digits = 0;
  int in_a_row = 0;
  int longest_row = 0;
  while (end < text.size() && is_cluster_char(text[end])) {
    in_a_row = is_digit(text[end]) ? in_a_row + 1 : 0;
    longest_row = std::max(longest_row, in_a_row);
    if (is_digit(text[end])) {
      ++digits;
      last_digit = end + 1;
    }
    ++end;
  }
  if (digits >= 8 && longest_row <= 15) return Span{i, last_digit};
  return std::nullopt;
}

// Stretches of digits, separators and brackets with at least 8 digits: the only places
// where libphonenumber's matcher (slow, regular expressions) needs to look.
std::vector<Span> digit_clusters(std::string_view text) {
  std::vector<Span> clusters;
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_digit(text[i]) && text[i] != '+' && text[i] != '(') {
      ++i;
      continue;
    }
    std::size_t end = i;
    if (const auto cluster = digit_cluster_at(text, i, end)) clusters.push_back(*cluster);
    i = std::max(end, i + 1);
  }
  return clusters;
}

// The clusters joined by " ; ", and where each starts: (offset in joined, offset in text).
std::pair<std::string, std::vector<Span>> join_clusters(std::string_view text) {
  constexpr std::string_view kGap = " ; ";
  std::string joined;
  std::vector<Span> origins;
  for (const auto& [start, end] : digit_clusters(text)) {
    if (!joined.empty()) joined += kGap;
    origins.emplace_back(joined.size(), start);
    joined += text.substr(start, end - start);
  }
  return {std::move(joined), std::move(origins)};
}

// libphonenumber's matcher (Belgium as default region, international numbers too), run
// once over the digit clusters joined (building a matcher costs more than matching).
void match_phone_numbers(std::string_view text, std::vector<Finding>& found) {
  using i18n::phonenumbers::PhoneNumberMatch;
  using i18n::phonenumbers::PhoneNumberMatcher;
  using i18n::phonenumbers::PhoneNumberUtil;
  const auto [joined, origins] = join_clusters(text);
  if (joined.empty()) return;
  PhoneNumberMatcher matcher(*PhoneNumberUtil::GetInstance(), joined, "BE",
                             PhoneNumberMatcher::VALID, 64);
  while (matcher.HasNext()) {
    PhoneNumberMatch match;
    if (!matcher.Next(&match)) break;
    const auto at = static_cast<std::size_t>(match.start());
    const auto origin =
        std::prev(std::upper_bound(origins.begin(), origins.end(), std::pair{at, text.size()}));
    const std::size_t from = origin->second + (at - origin->first);
    add_finding(found, text, FindingKind::kPhone, from,
                from + static_cast<std::size_t>(match.length()));
  }
}

}  // namespace

void scan_phones(std::string_view text, std::vector<Finding>& out) {
  std::vector<Finding> found;
  match_phone_numbers(text, found);
  std::vector<Finding> runs;
  scan_phone_like_runs(text, runs);
  for (Finding& run : runs) {
    const bool known = std::any_of(found.begin(), found.end(), [&](const Finding& f) {
      return run.start < f.end && f.start < run.end;
    });
    if (!known) found.push_back(std::move(run));
  }
  out.insert(out.end(), std::make_move_iterator(found.begin()),
             std::make_move_iterator(found.end()));
}

}  // namespace noodbel
