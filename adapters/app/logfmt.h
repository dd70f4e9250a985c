// logfmt helpers for Noodbel's log lines ("event=x key=value key2=\"quoted value\"").
// Used by the log formatter (adapters/app/logging.cpp) and the tests that read log lines;
// quoting one value is bot/text/logfmt_value.h.
// Pure functions, thread-safe.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace noodbel {

// The key=value pairs of one logfmt line; nothing when the line is not logfmt (an
// unterminated quote, a bare word, a key with characters other than [A-Za-z0-9_.-],
// a newline, or a key given twice).
std::optional<std::map<std::string, std::string>> parse_logfmt(std::string_view line);

// Every "+" followed by 8 to 15 digits replaced by mask_phone (bot/phone.h).
std::string mask_phone_numbers(std::string_view text);

// The payload of a log line made safe: phone numbers masked, and a payload that is not
// logfmt (a library's message, a value with a stray quote) wrapped as
// `event=<first word's event or "log"> msg="<escaped rest>"`, so every line parses.
std::string to_logfmt_payload(std::string_view payload);

}  // namespace noodbel
