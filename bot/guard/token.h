// Token: one word, digit run or symbol of a note, with its byte offsets into the note and
// what the guard's lists say about it. Made by tokenize() (bot/guard/tokenizer.h); read by
// the token scanners of bot/guard/.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace noodbel {

enum class TokenType { kWord, kNumber, kSymbol };

struct Token {
  TokenType type = TokenType::kSymbol;
  std::size_t start = 0;
  std::size_t end = 0;
  std::string folded;           // words: folded; numbers: the digits; symbols: the bytes
  bool upper = false;           // the first letter is upper case
  bool all_upper = false;       // two or more letters, all upper case
  bool sentence_start = false;  // first word of the note, a line or a sentence
  bool newline_before = false;  // a line break separates it from the previous token
  bool space_before = false;    // whitespace separates it from the previous token
  std::uint32_t flags = 0;      // words: WordFlag bits of `folded` (bot/guard/lexicon.h)

  bool has(std::uint32_t flag) const { return type == TokenType::kWord && (flags & flag) != 0; }

  bool is_word() const { return type == TokenType::kWord; }
  bool is_number() const { return type == TokenType::kNumber; }
  bool is_symbol(std::string_view s) const { return type == TokenType::kSymbol && folded == s; }
};

}  // namespace noodbel
