#include "bot/guard/tokenizer.h"

#include "bot/guard/characters.h"
#include "bot/text/ascii.h"
#include "bot/text_normalize.h"

namespace noodbel {
namespace {

// Symbols after which the next word starts a sentence.
bool ends_sentence(std::string_view symbol) {
  return symbol == "." || symbol == "!" || symbol == "?" || symbol == "\xE2\x80\xA6";
}
// Symbols that leave the sentence position unchanged: quotes, brackets, bullets.
bool keeps_sentence_position(std::string_view symbol) {
  return symbol == "(" || symbol == "\"" || symbol == "'" || symbol == "-" || symbol == "*" ||
         symbol == "\xE2\x80\xA2" || symbol == "\xC2\xAB" || symbol == "\xC2\xBB" ||
         symbol == "\xE2\x80\x9C" || symbol == "\xE2\x80\x9D" || symbol == "\xE2\x80\x93" ||
         symbol == "[";
}

// The end of the word starting at `pos`: letters and marks, joined by inner hyphens.
std::size_t scan_word(std::string_view text, std::size_t pos, bool& all_upper, int& letters) {
  all_upper = true;
  letters = 0;
  while (pos < text.size()) {
    const CodePoint cp = decode_utf8(text, pos);
    if (cp.length == 0) break;
    if (is_letter(cp.value)) {
      ++letters;
      if (!is_upper(cp.value)) all_upper = false;
      pos += cp.length;
    } else if (is_mark(cp.value)) {
      pos += cp.length;
    } else if (is_hyphen(cp.value) && pos + cp.length < text.size()) {
      const CodePoint next = decode_utf8(text, pos + cp.length);
      if (next.length == 0 || !is_letter(next.value)) break;
      pos += cp.length;
    } else {
      break;
    }
  }
  return pos;
}

// Where the tokenizer stands between tokens.
struct Position {
  bool sentence_start = true;
  bool newline = false;
  bool space = false;
};

void read_word(std::string_view text, CodePoint first, const Lexicon& lexicon, Position& at,
               Token& token) {
  int letters = 0;
  token.type = TokenType::kWord;
  token.end = scan_word(text, token.start, token.all_upper, letters);
  token.upper = is_upper(first.value);
  token.all_upper = token.all_upper && letters >= 2;
  token.folded = fold_text(text.substr(token.start, token.end - token.start));
  token.flags = lexicon.flags_of(token.folded);
  token.sentence_start = at.sentence_start;
  at.sentence_start = false;
}

void read_number(std::string_view text, Position& at, Token& token) {
  token.type = TokenType::kNumber;
  token.end = token.start;
  while (token.end < text.size() && is_digit(text[token.end])) ++token.end;
  token.folded.assign(text.substr(token.start, token.end - token.start));
  token.sentence_start = at.sentence_start;
  at.sentence_start = false;
}

void read_symbol(std::string_view text, CodePoint first, Position& at, Token& token) {
  token.end = token.start + (first.length == 0 ? 1 : first.length);
  token.folded.assign(text.substr(token.start, token.end - token.start));
  if (ends_sentence(token.folded)) {
    at.sentence_start = true;
  } else if (!keeps_sentence_position(token.folded)) {
    at.sentence_start = false;
  }
}

// White space only moves the position: true when `cp` is white space.
bool read_space(CodePoint cp, Position& at) {
  if (cp.length == 0 || !is_note_space(cp.value)) return false;
  if (cp.value == '\n') {
    at.newline = true;
    at.sentence_start = true;
  }
  at.space = true;
  return true;
}

// The token starting at `pos`, whose first code point is `cp`.
Token read_token(std::string_view text, std::size_t pos, CodePoint cp, const Lexicon& lexicon,
                 Position& at, bool first) {
  Token token;
  token.start = pos;
  token.newline_before = at.newline && !first;
  token.space_before = at.space;
  if (cp.length != 0 && is_letter(cp.value)) {
    read_word(text, cp, lexicon, at, token);
  } else if (cp.length != 0 && cp.value >= '0' && cp.value <= '9') {
    read_number(text, at, token);
  } else {
    read_symbol(text, cp, at, token);
  }
  at.newline = false;
  at.space = false;
  return token;
}

}  // namespace

std::vector<Token> tokenize(std::string_view text, const Lexicon& lexicon) {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 4 + 4);
  Position at;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const CodePoint cp = decode_utf8(text, pos);
    if (read_space(cp, at)) {
      pos += cp.length;
      continue;
    }
    tokens.push_back(read_token(text, pos, cp, lexicon, at, tokens.empty()));
    pos = tokens.back().end;
  }
  return tokens;
}

}  // namespace noodbel
