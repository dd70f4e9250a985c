#include "bot/guard/email_scanner.h"

#include <algorithm>
#include <array>

#include "bot/guard/characters.h"
#include "bot/text/ascii.h"

namespace noodbel {
namespace {

bool is_email_local(char c) {
  return is_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}
bool is_host_char(char c) { return is_alnum(c) || c == '-' || c == '.'; }

// A host name "a.b.tld": at least two labels, the last one letters only.
bool is_host(std::string_view host) {
  const std::size_t dot = host.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return false;
  const std::string_view tld = host.substr(dot + 1);
  return tld.size() >= 2 && std::all_of(tld.begin(), tld.end(), is_alpha);
}

// The length of the at sign ("@", "[at]", ...) at `i`, or 0.
std::size_t at_sign_length(std::string_view text, std::size_t i) {
  constexpr std::array<std::string_view, 4> kAt{"@", "[at]", "(at)", "[@]"};
  std::size_t length = 0;
  for (const std::string_view at : kAt) {
    if (starts_with_ci(text, i, at)) length = at.size();
  }
  return length;
}

}  // namespace

void scan_emails(std::string_view text, std::vector<Finding>& out) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '@' && text[i] != '[' && text[i] != '(') continue;
    const std::size_t at_len = at_sign_length(text, i);
    if (at_len == 0) continue;
    std::size_t start = i;
    while (start > 0 && is_email_local(text[start - 1])) --start;
    while (start < i && text[start] == '.') ++start;
    std::size_t end = i + at_len;
    while (end < text.size() && is_host_char(text[end])) ++end;
    while (end > i + at_len && (text[end - 1] == '.' || text[end - 1] == '-')) --end;
    if (start < i && is_host(text.substr(i + at_len, end - i - at_len))) {
      add_finding(out, text, FindingKind::kEmail, start, end);
      i = end - 1;
    }
  }
}

}  // namespace noodbel
