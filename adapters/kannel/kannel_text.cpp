#include "adapters/kannel/kannel_text.h"

#include <array>

#include <fmt/format.h>

#include "bot/sms_text.h"
#include "bot/text/ascii.h"
#include "bot/text/utf8.h"
#include "bot/text_normalize.h"

namespace noodbel {
namespace {

// Windows-1252 0x80..0x9F; 0 where the code page leaves a byte undefined.
constexpr std::array<char16_t, 32> kCp1252High{
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

Result<std::string> single_byte_to_utf8(std::string_view bytes, bool cp1252) {
  std::string out;
  out.reserve(bytes.size() * 2);
  for (const char ch : bytes) {
    const auto b = static_cast<unsigned char>(ch);
    char32_t c = b;
    if (cp1252 && b >= 0x80 && b <= 0x9F) {
      c = kCp1252High[b - 0x80];
      if (c == 0) {
        return Error::Invalid(fmt::format("byte 0x{:02X} is undefined in WINDOWS-1252", b));
      }
    }
    append_utf8(out, c);
  }
  return out;
}

Result<std::string> checked_utf8(std::string_view bytes, std::string_view charset) {
  if (!is_valid_utf8(bytes)) {
    return Error::Invalid(fmt::format("the text is not valid {}: check the charset (%C)",
                                      charset.empty() ? "UTF-8" : charset));
  }
  return std::string(bytes);
}

Result<std::string> utf16(std::string_view bytes) {
  auto text = utf16be_to_utf8(bytes);
  if (!text.ok()) return Error::Invalid("UCS-2 text: " + text.error().message);
  return text;
}

}  // namespace

Result<std::string> decode_kannel_text(std::string_view bytes, std::string_view coding,
                                       std::string_view charset) {
  const std::string cs = lower_ascii(charset);
  if (coding == "1") {
    return Error::Invalid("coding 1 is an 8-bit binary message, not text: it is ignored");
  }
  if (coding == "2") {
    if (cs.empty() || cs == "utf-16be" || cs == "ucs-2" || cs == "ucs-2be" || cs == "utf-16") {
      return utf16(bytes);
    }
    if (cs == "utf-8") return checked_utf8(bytes, charset);
  } else if (coding.empty() || coding == "0") {
    if (cs.empty() || cs == "utf-8" || cs == "us-ascii" || cs == "ascii") {
      return checked_utf8(bytes, charset);
    }
    if (cs == "iso-8859-1" || cs == "latin1") return single_byte_to_utf8(bytes, false);
    if (cs == "windows-1252" || cs == "cp1252") return single_byte_to_utf8(bytes, true);
    if (cs == "utf-16be") return utf16(bytes);
  } else {
    return Error::Invalid(fmt::format(
        "unknown coding '{}': Kannel's %c is 0 (7-bit), 1 (8-bit) or 2 (UCS-2)", coding));
  }
  return Error::Invalid(fmt::format(
      "charset '{}' is not supported with coding {}: use UTF-8 or UTF-16BE (Kannel's %C)",
      charset, coding.empty() ? "0" : coding));
}

std::string content_type_charset(std::string_view content_type) {
  const std::string lower = lower_ascii(content_type);
  const std::size_t at = lower.find("charset=");
  if (at == std::string::npos) return "";
  std::string_view value = std::string_view(content_type).substr(at + 8);
  value = value.substr(0, value.find(';'));
  while (!value.empty() && (value.front() == ' ' || value.front() == '"')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '"')) value.remove_suffix(1);
  return std::string(value);
}

}  // namespace noodbel
