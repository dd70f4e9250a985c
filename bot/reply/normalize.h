// Internal to the reply parser: a family message normalised into words in a fixed stack
// buffer (no heap), each word remembering where it came from in the original text and
// which sentence it is in. Shared by every step of the parser (bot/reply/); not part of
// the parser's contract. A value type; thread-safe.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>

namespace noodbel::reply {

constexpr std::size_t kMaxChars = 1024;  // normalised bytes looked at; the rest is ignored
constexpr std::size_t kMaxTokens = 64;
constexpr std::size_t kMaxSentences = 64;  // later sentences never count as questions

inline bool is_lower(char c) { return c >= 'a' && c <= 'z'; }

// "0".."9999" as a number, -1 for anything else.
int to_number(std::string_view s);

// A list of phrases (normalised words, single spaces) with the letters they start with, so
// that most words are turned away with one bit test. Built from a constexpr array:
// `constexpr std::string_view kWords[] = {...}; constexpr PhraseList kList{kWords};`.
class PhraseList {
 public:
  template <std::size_t N>
  constexpr explicit PhraseList(const std::string_view (&phrases)[N]) : phrases_(phrases) {
    for (const std::string_view p : phrases) letters_ |= letter_bit(p[0]);
  }
  static constexpr std::uint32_t letter_bit(char c) {
    return c >= 'a' && c <= 'z' ? 1U << (c - 'a') : 1U << 31;
  }
  constexpr bool may_start_with(char c) const { return (letters_ & letter_bit(c)) != 0; }
  constexpr std::span<const std::string_view> phrases() const { return phrases_; }

 private:
  std::span<const std::string_view> phrases_;
  std::uint32_t letters_ = 0;
};

struct Token {
  std::uint16_t begin = 0;  // in the normalised buffer
  std::uint16_t size = 0;
  std::uint8_t sentence = 0;
  std::uint32_t src_begin = 0;  // byte range in the original text
  std::uint32_t src_end = 0;
};

// NFKC-compatible decomposition, case folded, accents stripped, punctuation to spaces,
// answer emoji to the pseudo-words "#yes" / "#no" / "#maybe".
class Normalized {
 public:
  explicit Normalized(std::string_view text);

  std::size_t size() const { return count_; }
  std::string_view word(std::size_t i) const {
    return {buf_.data() + tokens_[i].begin, tokens_[i].size};
  }
  const Token& token(std::size_t i) const { return tokens_[i]; }
  std::string_view text() const { return text_; }
  bool only_question_marks() const { return question_mark_ && count_ == 0; }
  bool in_question(std::size_t i) const {
    const std::size_t s = tokens_[i].sentence;
    return s < kMaxSentences && ((questions_ >> s) & 1U) != 0;
  }
  bool same_sentence(std::size_t a, std::size_t b) const {
    return tokens_[a].sentence == tokens_[b].sentence;
  }
  // The original bytes between token i and token i + 1 ("/" in "5/1").
  std::string_view gap(std::size_t i) const {
    const std::uint32_t end = tokens_[i].src_end;
    return text_.substr(end, tokens_[i + 1].src_begin - end);
  }
  // True when token i + 1 exists, is in the same sentence and nothing but spaces lies
  // between them (no comma).
  bool joined(std::size_t i) const;
  // Token t is one of `words` (t may be past the end).
  bool is(std::size_t t, std::initializer_list<std::string_view> words) const;
  bool is(std::size_t t, std::span<const std::string_view> words) const;
  // The words of `phrase` (single spaces) start at token t, in one sentence: how many
  // tokens they cover, 0 when they do not match.
  std::size_t match(std::size_t t, std::string_view phrase) const;
  // The first phrase of `list` that matches at token t: how many tokens it covers, 0 none.
  std::size_t match(std::size_t t, const PhraseList& list) const;
  // The original text of tokens [first, last], as written.
  std::string quote(std::size_t first, std::size_t last) const;

 private:
  void put(char c, std::size_t src_begin, std::size_t src_end);
  void cut();
  void end_sentence(bool question);
  void ascii(char c, std::size_t src_begin, std::size_t src_end, bool between_digits);
  void code_point(std::int32_t cp, std::size_t src_begin, std::size_t src_end);

  std::string_view text_;
  std::array<char, kMaxChars> buf_;
  std::array<Token, kMaxTokens> tokens_;
  std::size_t used_ = 0;
  std::size_t count_ = 0;
  std::size_t sentence_start_ = 0;  // first token of the current sentence
  std::uint8_t sentence_ = 0;
  std::uint64_t questions_ = 0;  // bit s: sentence s ends with "?"
  bool open_ = false;            // a token is being built
  bool question_mark_ = false;
};

}  // namespace noodbel::reply
