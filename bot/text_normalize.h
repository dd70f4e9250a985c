// UTF-8 helpers on top of utf8proc: validation, code-point decoding and counting, and
// case/accent folding for word look-ups. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace noodbel {

// One decoded code point; length 0 means the bytes at that position are not valid UTF-8.
struct CodePoint {
  char32_t value = 0;
  std::size_t length = 0;
};

// Decodes the code point starting at byte `pos` (< text.size()).
CodePoint decode_utf8(std::string_view text, std::size_t pos);

// The byte offset of the first invalid UTF-8 sequence, or text.size() when all is valid.
std::size_t first_invalid_utf8(std::string_view text);
inline bool is_valid_utf8(std::string_view text) { return first_invalid_utf8(text) == text.size(); }

// Code points in valid UTF-8 text (invalid bytes count one each).
std::size_t count_code_points(std::string_view text);

// Unicode letter (categories L*) / upper-case letter (Lu, Lt) / combining mark (M*).
bool is_letter(char32_t c);
bool is_upper(char32_t c);
bool is_mark(char32_t c);

// For matching words against lists: NFKD, accents stripped, case folded.
// "Zoë" -> "zoe", "CHLOÉ" -> "chloe". Invalid UTF-8 folds to "".
std::string fold_text(std::string_view text);

// Case folded with accents kept (NFC): "Née" -> "née". Invalid UTF-8 folds to "".
std::string lower_text(std::string_view text);

}  // namespace noodbel
