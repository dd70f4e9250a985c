// Characters as the anonymization guard's scanners see them (bot/guard/). For those
// scanners only; pure functions, thread-safe.
#pragma once

#include <cstddef>
#include <string_view>

namespace noodbel {

// `text` at byte `pos` starts with `prefix` (lower-case ASCII), ignoring ASCII case.
bool starts_with_ci(std::string_view text, std::size_t pos, std::string_view prefix);

// White space between words, Unicode's too (no-break and narrow spaces).
bool is_note_space(char32_t c);

// '-' and the Unicode hyphens U+2010, U+2011.
bool is_hyphen(char32_t c);

}  // namespace noodbel
