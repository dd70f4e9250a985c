// ASCII characters and words: character classes, case and surrounding white space, the
// same in every locale (a byte >= 0x80 is never a letter, digit or space here). For the
// core, the store and every adapter; for Unicode text see bot/text_normalize.h.
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace noodbel {

constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }
constexpr bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr bool is_alnum(char c) { return is_digit(c) || is_alpha(c); }
// ' ', '\t', '\n', '\v', '\f' and '\r': what std::isspace accepts in the "C" locale.
constexpr bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// 'A'..'Z' to 'a'..'z' (and back); every other byte unchanged.
constexpr char lower_ascii(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
constexpr char upper_ascii(char c) {
  return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}
// "Content-Type" -> "content-type"; "Née" -> "née" (only ASCII letters change).
std::string lower_ascii(std::string_view s);
std::string upper_ascii(std::string_view s);

// True when s is not empty and every byte is 0-9.
bool all_digits(std::string_view s);
// True when every byte is below 0x80 (so also for "").
bool is_ascii(std::string_view s);

// s without the white space (is_space) at either end.
std::string_view trim(std::string_view s);

}  // namespace noodbel
