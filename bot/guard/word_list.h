// Reading one list of the anonymization guard (config/first-names.txt,
// config/guard/<list>.txt) from its text: adapters/data/guard_loader reads the file, the
// core parses it. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "bot/result.h"

namespace noodbel {

// Every line that is not blank and does not start with '#', trimmed ('\r' too); a UTF-8
// byte-order mark on the first line is skipped. InvalidInput "<source> line <n>: the
// <noun> is not valid UTF-8; save the file as UTF-8" for a line that is not UTF-8.
Result<std::vector<std::string>> parse_list_lines(std::string_view text, std::string_view source,
                                                  std::string_view noun);

// A list entry as words are compared: accents stripped, lower case, runs of spaces and tabs
// as one space, none at either end. "  Zoë " -> "zoe".
std::string fold_entry(std::string_view entry);

}  // namespace noodbel
