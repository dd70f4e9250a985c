// Decoding the text of an SMS that Kannel's smsbox hands over (sms-service %b / post
// body) by its coding (%c: 0 = 7-bit, 1 = 8-bit data, 2 = UCS-2) and charset (%C).
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "bot/result.h"

namespace noodbel {

// The message text as UTF-8. coding 0 (or empty): charset UTF-8 (or empty), US-ASCII,
// ISO-8859-1 / LATIN1, WINDOWS-1252 or UTF-16BE; coding 2: UTF-16BE (or empty, UCS-2,
// UCS-2BE, UTF-16) or UTF-8 (smsbox's mo-recode). Charsets are case-insensitive. Binary
// (coding 1), other codings and charsets, and invalid bytes are an Error saying which.
Result<std::string> decode_kannel_text(std::string_view bytes, std::string_view coding,
                                       std::string_view charset);

// The charset parameter of a Content-Type ("text/plain; charset=\"UTF-16BE\"" ->
// "UTF-16BE"), or "" when there is none.
std::string content_type_charset(std::string_view content_type);

}  // namespace noodbel
