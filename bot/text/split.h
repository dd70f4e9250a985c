// Cutting text into the parts between separators, as lists in commands, settings and CSV
// cells are written ("4,7", "ma-vr 08:30-17:00; za 09:00-12:00", "nl, fr"). The parts
// view the text they were cut from. For the core, the store and every adapter.
// Pure functions; thread-safe.
#pragma once

#include <string_view>
#include <vector>

namespace noodbel {

// Every part as written, empty ones kept: "4,,7" -> {"4", "", "7"}; "" -> {""}.
std::vector<std::string_view> split(std::string_view s, char separator);

// Every part trimmed (bot/text/ascii.h), empty ones kept, and no part at all for an empty
// text: "a| b |" -> {"a", "b", ""}; "" -> {}.
std::vector<std::string_view> split_trimmed(std::string_view s, char separator);

// The parts between any of `separators`, trimmed, empty ones dropped:
// ("nl, fr;;en", ",;") -> {"nl", "fr", "en"}.
std::vector<std::string_view> split_any(std::string_view s, std::string_view separators);

}  // namespace noodbel
