// SMS text: the GSM 03.38 7-bit alphabet, segment counting (GSM-7 160/153, UCS-2
// 70/67), transliteration of typographic characters for SMS, and UTF-16BE decoding.
// Used by the SMS adapters (Twilio, Kannel) and by tests. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "bot/result.h"

namespace noodbel {

enum class SmsEncoding { kGsm7, kUcs2 };

struct SmsSegments {
  SmsEncoding encoding = SmsEncoding::kGsm7;
  int units = 0;     // GSM-7: septets (an extension character counts 2); UCS-2: UTF-16 units
  int segments = 0;  // 0 for an empty text
};

// Single-part limits and per-part limits of a concatenated message.
inline constexpr int kGsm7Single = 160;
inline constexpr int kGsm7Part = 153;
inline constexpr int kUcs2Single = 70;
inline constexpr int kUcs2Part = 67;

// True when every character of the UTF-8 text is in the GSM-7 basic or extension table
// (so "€", "[" and "{" are, "ê" and "’" are not). Invalid UTF-8 is not GSM-7.
bool is_gsm7(std::string_view utf8);

// How the text would be sent and into how many parts. A concatenated message never
// splits an escape sequence (GSM-7) or a surrogate pair (UCS-2) across two parts.
SmsSegments count_sms_segments(std::string_view utf8);

// Replaces typographic characters that are not GSM-7 by their plain equivalents
// (’ ‘ ‚ ′ → ', “ ” „ « » ″ → ", – — − ‐ → -, … → ..., non-breaking and thin spaces →
// space, • → -, zero-width characters removed). Everything else, GSM-7 or not (€, é, ê,
// emoji), is kept as it is. Invalid UTF-8 bytes are kept unchanged.
std::string transliterate_for_sms(std::string_view utf8);

// UTF-16 big-endian bytes (as Kannel delivers UCS-2 messages) to UTF-8. Surrogate pairs
// become one code point; an unpaired surrogate becomes U+FFFD. An odd number of bytes is
// an Error that says so.
Result<std::string> utf16be_to_utf8(std::string_view bytes);

}  // namespace noodbel
