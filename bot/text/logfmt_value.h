// One value of a logfmt log line ("event=x key=value key2=\"quoted value\""), quoted so that
// text from outside cannot add keys to the line. For every room that logs. Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace noodbel {

// True when logfmt_value would quote the value: it is empty, or holds a space, a control
// character, '"', '=' or '\'.
bool logfmt_needs_quotes(std::string_view value);

// A value as logfmt writes it: bare when it is a non-empty run of printable characters
// without space, '"', '=' or '\'; else double-quoted with \" \\ \n \r \t escaped (other
// control characters as \u00XX).
std::string logfmt_value(std::string_view value);

}  // namespace noodbel
