#include "bot/sms_text.h"

#include <algorithm>
#include <array>
#include <vector>

#include <fmt/format.h>

#include "bot/text/utf8.h"
#include "bot/text_normalize.h"

namespace noodbel {
namespace {

// GSM 03.38 default alphabet in table order (0x1B, the escape to the extension table,
// is left out: it is not a character of its own).
constexpr std::u32string_view kGsmBasic =
    U"@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    U"¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

// The extension table: each costs two septets (escape + character). U+000C is form feed.
constexpr std::u32string_view kGsmExtension = U"\f^{}\\[~]|€";

enum class GsmCost { kNone = 0, kOne = 1, kTwo = 2 };

GsmCost gsm_cost(char32_t c) {
  if (kGsmBasic.find(c) != std::u32string_view::npos) return GsmCost::kOne;
  if (kGsmExtension.find(c) != std::u32string_view::npos) return GsmCost::kTwo;
  return GsmCost::kNone;
}

struct Replacement {
  char32_t from;
  std::string_view to;
};

// Typographic characters outside GSM-7 and what an SMS shows instead.
constexpr std::array<Replacement, 27> kReplacements{{
    {U'\u2018', "'"},  {U'\u2019', "'"},   {U'\u201A', "'"},  {U'\u201B', "'"},
    {U'\u2032', "'"},  {U'\u2039', "'"},   {U'\u203A', "'"},  {U'\u201C', "\""},
    {U'\u201D', "\""}, {U'\u201E', "\""},  {U'\u201F', "\""}, {U'\u2033', "\""},
    {U'\u00AB', "\""}, {U'\u00BB', "\""},  {U'\u2010', "-"},  {U'\u2011', "-"},
    {U'\u2012', "-"},  {U'\u2013', "-"},   {U'\u2014', "-"},  {U'\u2015', "-"},
    {U'\u2212', "-"},  {U'\u2026', "..."}, {U'\u2022', "-"},  {U'\u00A0', " "},
    {U'\u2009', " "},  {U'\u202F', " "},   {U'\u2007', " "},
}};

// Invisible characters that only cost space in an SMS.
constexpr std::u32string_view kDropped = U"\u200B\u200C\u200D\u2060\uFEFF\u00AD";

// Parts needed for a sequence of unit costs (each 1 or 2) with `part` units per part,
// never splitting one character across two parts.
template <typename Costs>
int parts_for(const Costs& costs, int part) {
  int parts = 1;
  int used = 0;
  for (const int cost : costs) {
    if (used + cost > part) {
      ++parts;
      used = 0;
    }
    used += cost;
  }
  return parts;
}

SmsSegments finish(SmsEncoding encoding, const std::vector<int>& costs, int single, int part) {
  SmsSegments s;
  s.encoding = encoding;
  for (const int cost : costs) s.units += cost;
  if (s.units == 0) return s;
  s.segments = s.units <= single ? 1 : parts_for(costs, part);
  return s;
}

}  // namespace

bool is_gsm7(std::string_view utf8) {
  for (std::size_t pos = 0; pos < utf8.size();) {
    const CodePoint cp = decode_utf8(utf8, pos);
    if (cp.length == 0 || gsm_cost(cp.value) == GsmCost::kNone) return false;
    pos += cp.length;
  }
  return true;
}

SmsSegments count_sms_segments(std::string_view utf8) {
  std::vector<int> costs;
  costs.reserve(utf8.size());
  if (is_gsm7(utf8)) {
    for (std::size_t pos = 0; pos < utf8.size();) {
      const CodePoint cp = decode_utf8(utf8, pos);
      costs.push_back(static_cast<int>(gsm_cost(cp.value)));
      pos += cp.length;
    }
    return finish(SmsEncoding::kGsm7, costs, kGsm7Single, kGsm7Part);
  }
  for (std::size_t pos = 0; pos < utf8.size();) {
    const CodePoint cp = decode_utf8(utf8, pos);
    // An invalid byte would be sent as U+FFFD: one unit.
    costs.push_back(cp.length != 0 && cp.value >= 0x10000 ? 2 : 1);
    pos += cp.length == 0 ? 1 : cp.length;
  }
  return finish(SmsEncoding::kUcs2, costs, kUcs2Single, kUcs2Part);
}

std::string transliterate_for_sms(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t pos = 0; pos < utf8.size();) {
    const CodePoint cp = decode_utf8(utf8, pos);
    if (cp.length == 0) {
      out.push_back(utf8[pos++]);
      continue;
    }
    const auto replacement = std::find_if(kReplacements.begin(), kReplacements.end(),
                                          [&](const Replacement& r) { return r.from == cp.value; });
    if (replacement != kReplacements.end()) {
      out += replacement->to;
    } else if (kDropped.find(cp.value) == std::u32string_view::npos) {
      out += utf8.substr(pos, cp.length);
    }
    pos += cp.length;
  }
  return out;
}

Result<std::string> utf16be_to_utf8(std::string_view bytes) {
  if (bytes.size() % 2 != 0) {
    return Error::Invalid(fmt::format(
        "UTF-16BE text must have an even number of bytes, got {}: the message was cut off or "
        "its charset is not UTF-16BE",
        bytes.size()));
  }
  const auto unit = [&](std::size_t i) -> char32_t {
    return static_cast<char32_t>((static_cast<unsigned char>(bytes[i]) << 8) |
                                 static_cast<unsigned char>(bytes[i + 1]));
  };
  constexpr char32_t kReplacementChar = 0xFFFD;
  std::string out;
  out.reserve(bytes.size());
  for (std::size_t i = 0; i < bytes.size(); i += 2) {
    const char32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF && i + 3 < bytes.size()) {
      const char32_t low = unit(i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        append_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00));
        i += 2;
        continue;
      }
    }
    append_utf8(out, (u >= 0xD800 && u <= 0xDFFF) ? kReplacementChar : u);
  }
  return out;
}

}  // namespace noodbel
