#include "bot/reply/normalize.h"

#include <utf8proc.h>

#include "bot/text/ascii.h"

namespace noodbel::reply {
namespace {

// The pseudo-word an answer emoji stands for, "" for any other code point.
std::string_view emoji_word(std::int32_t cp) {
  switch (cp) {
    case 0x1F44D:
    case 0x1F44C:
    case 0x2705:
    case 0x2714:
    case 0x2611:
    case 0x1F197:
      return "#yes";  // 👍 👌 ✅ ✔ ☑ 🆗
    case 0x1F44E:
    case 0x274C:
    case 0x274E:
    case 0x2716:
    case 0x1F6AB:
    case 0x26D4:
      return "#no";  // 👎 ❌ ❎ ✖ 🚫 ⛔
    case 0x1F914:
    case 0x1F937:
      return "#maybe";  // 🤔 🤷
    default:
      return {};
  }
}

// Emoji modifiers and joiners that belong to the previous symbol: dropped silently.
bool is_modifier(std::int32_t cp) {
  return (cp >= 0x1F3FB && cp <= 0x1F3FF) || cp == 0xFE0E || cp == 0xFE0F || cp == 0x200D;
}

}  // namespace

int to_number(std::string_view s) {
  if (s.empty() || s.size() > 4) return -1;
  int v = 0;
  for (const char c : s) {
    if (!is_digit(c)) return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

Normalized::Normalized(std::string_view text) : text_(text) {
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  std::size_t pos = 0;
  while (pos < text.size() && count_ < kMaxTokens && used_ + 8 < kMaxChars) {
    if (bytes[pos] < 0x80) {
      const bool between_digits =
          pos > 0 && pos + 1 < text.size() && is_digit(text[pos - 1]) && is_digit(text[pos + 1]);
      ascii(text[pos], pos, pos + 1, between_digits);
      ++pos;
      continue;
    }
    utf8proc_int32_t cp = 0;
    const auto n =
        utf8proc_iterate(bytes + pos, static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
    if (n <= 0) {  // invalid UTF-8: treat the byte as a separator
      cut();
      ++pos;
      continue;
    }
    code_point(cp, pos, pos + static_cast<std::size_t>(n));
    pos += static_cast<std::size_t>(n);
  }
  cut();
}

void Normalized::put(char c, std::size_t src_begin, std::size_t src_end) {
  if (used_ >= kMaxChars) return;  // so every token holds at least one byte
  if (!open_) {
    if (count_ >= kMaxTokens) return;
    tokens_[count_] = Token{static_cast<std::uint16_t>(used_), 0, sentence_,
                            static_cast<std::uint32_t>(src_begin), 0};
    open_ = true;
  }
  buf_[used_++] = c;
  tokens_[count_].size++;
  tokens_[count_].src_end = static_cast<std::uint32_t>(src_end);
}

void Normalized::cut() {
  if (open_) ++count_;
  open_ = false;
}

void Normalized::end_sentence(bool question) {
  cut();
  if (question && sentence_ < kMaxSentences) questions_ |= std::uint64_t{1} << sentence_;
  if (count_ > sentence_start_ && sentence_ < 255) {
    ++sentence_;
    sentence_start_ = count_;
  }
}

void Normalized::ascii(char c, std::size_t src_begin, std::size_t src_end, bool between_digits) {
  if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  if (is_lower(c) || is_digit(c)) return put(c, src_begin, src_end);
  if (c == '?') {
    question_mark_ = true;
    return end_sentence(true);
  }
  if (c == '!' || c == '\n' || c == ';' || (c == '.' && !between_digits))
    return end_sentence(false);
  cut();
}

void Normalized::code_point(std::int32_t cp, std::size_t src_begin, std::size_t src_end) {
  if (is_modifier(cp)) return;
  if (const std::string_view w = emoji_word(cp); !w.empty()) {
    cut();
    for (const char c : w) put(c, src_begin, src_end);
    return cut();
  }
  constexpr int kOptions = UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD |
                           UTF8PROC_STRIPMARK | UTF8PROC_IGNORE;
  std::array<utf8proc_int32_t, 8> out{};
  int boundclass = 0;
  const auto n = utf8proc_decompose_char(cp, out.data(), out.size(),
                                         static_cast<utf8proc_option_t>(kOptions), &boundclass);
  if (n < 0 || n > static_cast<utf8proc_ssize_t>(out.size())) return cut();
  for (utf8proc_ssize_t i = 0; i < n; ++i) {
    const utf8proc_int32_t c = out[static_cast<std::size_t>(i)];
    if (c < 0x80) {
      ascii(static_cast<char>(c), src_begin, src_end, false);
      continue;
    }
    const auto cat = utf8proc_category(c);
    if (cat < UTF8PROC_CATEGORY_LU || cat > UTF8PROC_CATEGORY_LO) {
      cut();
      continue;
    }
    std::array<utf8proc_uint8_t, 4> enc{};
    const auto len = utf8proc_encode_char(c, enc.data());
    for (utf8proc_ssize_t k = 0; k < len; ++k) {
      put(static_cast<char>(enc[static_cast<std::size_t>(k)]), src_begin, src_end);
    }
  }
}

bool Normalized::joined(std::size_t i) const {
  if (i + 1 >= count_ || !same_sentence(i, i + 1)) return false;
  return gap(i).find_first_not_of(" \t") == std::string_view::npos;
}

bool Normalized::is(std::size_t t, std::initializer_list<std::string_view> words) const {
  return is(t, std::span<const std::string_view>(words.begin(), words.size()));
}

bool Normalized::is(std::size_t t, std::span<const std::string_view> words) const {
  if (t >= count_) return false;
  const std::string_view w = word(t);
  for (const std::string_view x : words) {
    if (x.size() == w.size() && x[0] == w[0] && x == w) return true;
  }
  return false;
}

std::size_t Normalized::match(std::size_t t, std::string_view phrase) const {
  std::size_t k = t;
  for (std::size_t pos = 0; pos < phrase.size(); ++k) {
    if (k >= count_) return 0;
    const std::string_view w = word(k);
    // Most phrases fail on their first letter: check it before comparing the word.
    if (w[0] != phrase[pos] || phrase.size() - pos < w.size() ||
        phrase.compare(pos, w.size(), w) != 0) {
      return 0;
    }
    pos += w.size();
    if (pos < phrase.size() && phrase[pos] != ' ') return 0;
    if (k != t && !same_sentence(t, k)) return 0;
    ++pos;
  }
  return k - t;
}

std::size_t Normalized::match(std::size_t t, const PhraseList& list) const {
  if (t >= count_ || !list.may_start_with(word(t)[0])) return 0;
  for (const std::string_view p : list.phrases()) {
    if (const std::size_t k = match(t, p)) return k;
  }
  return 0;
}

std::string Normalized::quote(std::size_t first, std::size_t last) const {
  const std::uint32_t b = tokens_[first].src_begin;
  return std::string(text_.substr(b, tokens_[last].src_end - b));
}

}  // namespace noodbel::reply
