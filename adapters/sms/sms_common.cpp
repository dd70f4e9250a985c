#include "adapters/sms/sms_common.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "bot/phone.h"
#include "bot/sms_text.h"

namespace noodbel {
namespace {

bool is_unreserved(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '.' || c == '_' ||
         c == '~';
}

}  // namespace

std::string url_encode(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size() * 3);
  for (const char c : s) {
    if (is_unreserved(c)) {
      out.push_back(c);
      continue;
    }
    const auto byte = static_cast<unsigned char>(c);
    out.push_back('%');
    out.push_back(kHex[byte >> 4]);
    out.push_back(kHex[byte & 0x0F]);
  }
  return out;
}

std::string form_encode(const FormPairs& pairs) {
  std::string out;
  for (const auto& [name, value] : pairs) {
    if (!out.empty()) out.push_back('&');
    out += url_encode(name);
    out.push_back('=');
    out += url_encode(value);
  }
  return out;
}

Result<std::string> sms_sender_number(std::string_view raw) {
  auto number = normalize_phone(raw);
  if (number.ok()) return number;
  const bool digits = !raw.empty() && std::all_of(raw.begin(), raw.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
  });
  if (digits && raw.size() >= 8) {
    std::string_view international = raw;
    if (international.substr(0, 2) == "00") international.remove_prefix(2);
    auto with_plus = normalize_phone("+" + std::string(international));
    if (with_plus.ok()) return with_plus;
  }
  return number;
}

std::string sms_body(std::string_view text) { return transliterate_for_sms(text); }

}  // namespace noodbel
