// Reply parser in three steps:
//   1. Normalise into a fixed stack buffer (no heap): NFKC-compatible decomposition,
//      case folding, accents stripped, punctuation to spaces, answer emoji to the
//      pseudo-words "#yes" / "#no" / "#maybe". Each token remembers where it came from in
//      the original text, so a maybe's condition can be quoted as the family wrote it.
//   2. Classify tokens against a lexicon of words and phrases (longest phrase wins).
//      Words match "stretched": "jaaaa" matches "ja", "neeee" matches "nee", but "ne"
//      (French particle) does not match "nee".
//   3. Decide: a command word first in the message wins; otherwise the answer words in
//      order decide yes / no / maybe (with its condition) / unknown for a contradiction.
// To teach the parser a new word or phrase, add a row to kLexicon.
#include "bot/reply_parser.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#include <utf8proc.h>

#include "bot/local_time.h"

namespace noodbel {
namespace {

// ---------------------------------------------------------------- 1. normalisation

constexpr std::size_t kMaxChars = 1024;  // normalised bytes looked at; the rest is ignored
constexpr std::size_t kMaxTokens = 64;

struct Token {
  std::uint16_t begin = 0;  // in the normalised buffer
  std::uint16_t size = 0;
  std::uint32_t src_begin = 0;  // byte range in the original text
  std::uint32_t src_end = 0;
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }

// The pseudo-word an answer emoji stands for, "" for any other code point.
std::string_view emoji_word(std::int32_t cp) {
  switch (cp) {
    case 0x1F44D: case 0x1F44C: case 0x2705: case 0x2714: case 0x2611: case 0x1F197:
      return "#yes";   // 👍 👌 ✅ ✔ ☑ 🆗
    case 0x1F44E: case 0x274C: case 0x274E: case 0x2716: case 0x1F6AB: case 0x26D4:
      return "#no";    // 👎 ❌ ❎ ✖ 🚫 ⛔
    case 0x1F914: case 0x1F937:
      return "#maybe";  // 🤔 🤷
    default:
      return {};
  }
}

// Emoji modifiers and joiners that belong to the previous symbol: dropped silently.
bool is_modifier(std::int32_t cp) {
  return (cp >= 0x1F3FB && cp <= 0x1F3FF) || cp == 0xFE0E || cp == 0xFE0F || cp == 0x200D;
}

class Normalized {
 public:
  explicit Normalized(std::string_view text);

  std::size_t size() const { return count_; }
  std::string_view word(std::size_t i) const {
    return {buf_.data() + tokens_[i].begin, tokens_[i].size};
  }
  const Token& token(std::size_t i) const { return tokens_[i]; }
  bool only_question_marks() const { return question_ && count_ == 0; }

 private:
  void put(char c, std::size_t src_begin, std::size_t src_end);
  void cut();
  void ascii(char c, std::size_t src_begin, std::size_t src_end);
  void code_point(std::int32_t cp, std::size_t src_begin, std::size_t src_end);

  std::array<char, kMaxChars> buf_;
  std::array<Token, kMaxTokens> tokens_;
  std::size_t used_ = 0;
  std::size_t count_ = 0;
  bool open_ = false;  // a token is being built
  bool question_ = false;
};

Normalized::Normalized(std::string_view text) {
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  std::size_t pos = 0;
  while (pos < text.size() && count_ < kMaxTokens && used_ + 8 < kMaxChars) {
    if (bytes[pos] < 0x80) {
      ascii(text[pos], pos, pos + 1);
      ++pos;
      continue;
    }
    utf8proc_int32_t cp = 0;
    const auto n = utf8proc_iterate(bytes + pos, static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
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
  if (!open_) {
    if (count_ >= kMaxTokens) return;
    tokens_[count_] = Token{static_cast<std::uint16_t>(used_), 0,
                            static_cast<std::uint32_t>(src_begin), 0};
    open_ = true;
  }
  if (used_ >= kMaxChars) return;
  buf_[used_++] = c;
  tokens_[count_].size++;
  tokens_[count_].src_end = static_cast<std::uint32_t>(src_end);
}

void Normalized::cut() {
  if (open_) ++count_;
  open_ = false;
}

void Normalized::ascii(char c, std::size_t src_begin, std::size_t src_end) {
  if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  if (is_lower(c) || is_digit(c)) return put(c, src_begin, src_end);
  if (c == '?') question_ = true;
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
      ascii(static_cast<char>(c), src_begin, src_end);
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

// ---------------------------------------------------------------- 2. lexicon

enum class Kind : std::uint8_t {
  kYes, kNo,
  kWeakNo,       // "sorry", "helaas": a no only when nothing else is said
  kNeg,          // "niet", "not": a no on its own, the start of a condition after a yes
  kPas,          // "pas": Dutch "only (from)" before a time, French "not" otherwise
  kMaybe,
  kMarkerAfter,  // "maar", "but": after a yes, the condition is what follows
  kMarkerAt,     // "only", "tot": after a yes, the condition starts here
  kFrom,         // "vanaf", "from": starts a condition after a yes, or on its own
  kStop, kStart, kPause, kResume, kStatus, kHelp, kDistance,
};

struct Entry {
  std::string_view phrase;  // normalised words separated by one space
  Kind kind;
};

// Phrases beat their first word ("geen probleem" is a yes, "geen" alone a no).
constexpr std::array kLexicon = {
    // yes
    Entry{"ja", Kind::kYes}, Entry{"jaja", Kind::kYes}, Entry{"jawel", Kind::kYes},
    Entry{"jep", Kind::kYes}, Entry{"jes", Kind::kYes}, Entry{"yes", Kind::kYes},
    Entry{"yep", Kind::kYes}, Entry{"yup", Kind::kYes}, Entry{"yeah", Kind::kYes},
    Entry{"oui", Kind::kYes}, Entry{"ouais", Kind::kYes}, Entry{"ok", Kind::kYes},
    Entry{"oke", Kind::kYes}, Entry{"okay", Kind::kYes}, Entry{"oki", Kind::kYes},
    Entry{"okido", Kind::kYes}, Entry{"zeker", Kind::kYes}, Entry{"graag", Kind::kYes},
    Entry{"natuurlijk", Kind::kYes}, Entry{"tuurlijk", Kind::kYes},
    Entry{"uiteraard", Kind::kYes}, Entry{"prima", Kind::kYes}, Entry{"akkoord", Kind::kYes},
    Entry{"is goed", Kind::kYes}, Entry{"s goed", Kind::kYes}, Entry{"in orde", Kind::kYes},
    Entry{"geen probleem", Kind::kYes}, Entry{"geen punt", Kind::kYes},
    Entry{"sure", Kind::kYes}, Entry{"of course", Kind::kYes}, Entry{"absolutely", Kind::kYes},
    Entry{"definitely", Kind::kYes}, Entry{"no problem", Kind::kYes},
    Entry{"no worries", Kind::kYes}, Entry{"d accord", Kind::kYes}, Entry{"dac", Kind::kYes},
    Entry{"bien sur", Kind::kYes}, Entry{"volontiers", Kind::kYes},
    Entry{"certainement", Kind::kYes}, Entry{"avec plaisir", Kind::kYes},
    Entry{"pas de souci", Kind::kYes}, Entry{"pas de soucis", Kind::kYes},
    Entry{"pas de probleme", Kind::kYes}, Entry{"sans probleme", Kind::kYes},
    Entry{"#yes", Kind::kYes},
    // no
    Entry{"nee", Kind::kNo}, Entry{"neen", Kind::kNo}, Entry{"no", Kind::kNo},
    Entry{"non", Kind::kNo}, Entry{"nope", Kind::kNo}, Entry{"nah", Kind::kNo},
    Entry{"nooit", Kind::kNo}, Entry{"never", Kind::kNo}, Entry{"jamais", Kind::kNo},
    Entry{"onmogelijk", Kind::kNo}, Entry{"impossible", Kind::kNo},
    Entry{"zeker niet", Kind::kNo}, Entry{"can t", Kind::kNo}, Entry{"cannot", Kind::kNo},
    Entry{"#no", Kind::kNo},
    Entry{"niet", Kind::kNeg}, Entry{"not", Kind::kNeg}, Entry{"geen", Kind::kNeg},
    Entry{"pas", Kind::kPas},
    Entry{"sorry", Kind::kWeakNo}, Entry{"helaas", Kind::kWeakNo}, Entry{"jammer", Kind::kWeakNo},
    Entry{"desole", Kind::kWeakNo}, Entry{"malheureusement", Kind::kWeakNo},
    Entry{"unfortunately", Kind::kWeakNo},
    // maybe
    Entry{"misschien", Kind::kMaybe}, Entry{"mss", Kind::kMaybe}, Entry{"eventueel", Kind::kMaybe},
    Entry{"evt", Kind::kMaybe}, Entry{"mogelijk", Kind::kMaybe}, Entry{"wellicht", Kind::kMaybe},
    Entry{"weet niet", Kind::kMaybe}, Entry{"weet het niet", Kind::kMaybe},
    Entry{"weet nog niet", Kind::kMaybe}, Entry{"weet het nog niet", Kind::kMaybe}, Entry{"geen idee", Kind::kMaybe},
    Entry{"maybe", Kind::kMaybe}, Entry{"perhaps", Kind::kMaybe}, Entry{"possibly", Kind::kMaybe},
    Entry{"not sure", Kind::kMaybe}, Entry{"don t know", Kind::kMaybe},
    Entry{"dont know", Kind::kMaybe}, Entry{"peut etre", Kind::kMaybe},
    Entry{"peutetre", Kind::kMaybe}, Entry{"eventuellement", Kind::kMaybe},
    Entry{"je sais pas", Kind::kMaybe}, Entry{"je ne sais pas", Kind::kMaybe},
    Entry{"sais pas", Kind::kMaybe}, Entry{"pas sur", Kind::kMaybe}, Entry{"#maybe", Kind::kMaybe},
    // conditions after a yes
    Entry{"maar", Kind::kMarkerAfter}, Entry{"but", Kind::kMarkerAfter},
    Entry{"mais", Kind::kMarkerAfter},
    Entry{"vanaf", Kind::kFrom}, Entry{"na", Kind::kMarkerAt}, Entry{"tot", Kind::kMarkerAt},
    Entry{"enkel", Kind::kMarkerAt}, Entry{"alleen", Kind::kMarkerAt},
    Entry{"behalve", Kind::kMarkerAt}, Entry{"als", Kind::kMarkerAt}, Entry{"indien", Kind::kMarkerAt},
    Entry{"mits", Kind::kMarkerAt}, Entry{"tenzij", Kind::kMarkerAt}, Entry{"morgen", Kind::kMarkerAt},
    Entry{"vanavond", Kind::kMarkerAt}, Entry{"straks", Kind::kMarkerAt},
    Entry{"later", Kind::kMarkerAt}, Entry{"from", Kind::kFrom}, Entry{"after", Kind::kMarkerAt},
    Entry{"until", Kind::kMarkerAt}, Entry{"only", Kind::kMarkerAt}, Entry{"except", Kind::kMarkerAt},
    Entry{"if", Kind::kMarkerAt}, Entry{"unless", Kind::kMarkerAt},
    Entry{"tomorrow", Kind::kMarkerAt}, Entry{"tonight", Kind::kMarkerAt},
    Entry{"a partir", Kind::kFrom}, Entry{"apres", Kind::kMarkerAt},
    Entry{"jusqu", Kind::kMarkerAt}, Entry{"seulement", Kind::kMarkerAt},
    Entry{"uniquement", Kind::kMarkerAt}, Entry{"sauf", Kind::kMarkerAt}, Entry{"si", Kind::kMarkerAt},
    Entry{"demain", Kind::kMarkerAt}, Entry{"ce soir", Kind::kMarkerAt},
    Entry{"plus tard", Kind::kMarkerAt},
    // commands (only as the first word)
    Entry{"stop", Kind::kStop}, Entry{"stopall", Kind::kStop}, Entry{"unsubscribe", Kind::kStop},
    Entry{"cancel", Kind::kStop}, Entry{"end", Kind::kStop}, Entry{"quit", Kind::kStop},
    Entry{"arret", Kind::kStop}, Entry{"uitschrijven", Kind::kStop},
    Entry{"start", Kind::kStart},
    Entry{"pauze", Kind::kPause}, Entry{"pause", Kind::kPause}, Entry{"pauzeer", Kind::kPause},
    Entry{"beschikbaar", Kind::kResume}, Entry{"available", Kind::kResume},
    Entry{"disponible", Kind::kResume}, Entry{"hervat", Kind::kResume},
    Entry{"resume", Kind::kResume},
    Entry{"status", Kind::kStatus}, Entry{"statut", Kind::kStatus},
    Entry{"help", Kind::kHelp}, Entry{"hulp", Kind::kHelp}, Entry{"aide", Kind::kHelp},
    Entry{"afstand", Kind::kDistance}, Entry{"distance", Kind::kDistance},
    Entry{"straal", Kind::kDistance}, Entry{"rayon", Kind::kDistance},
    Entry{"radius", Kind::kDistance}, Entry{"max", Kind::kDistance},
    Entry{"maximum", Kind::kDistance}, Entry{"maximaal", Kind::kDistance},
};

// Words after Dutch "pas" that make it "only from" rather than French "not".
constexpr std::array<std::string_view, 12> kDutchTimeWords = {
    "vanaf", "na", "om", "morgen", "overmorgen", "vanavond", "vanmiddag", "vannacht",
    "straks", "later", "tegen", "rond"};

// Words that may follow Flemish "maar" used as a particle: "bel maar", "kom maar af".
constexpr std::array<std::string_view, 8> kParticleTail = {
    "af", "door", "op", "langs", "binnen", "hoor", "gerust", "even"};

// Entries of kLexicon grouped by their first byte, built once.
const std::vector<std::uint16_t>& entries_starting_with(char c) {
  static const auto index = [] {
    std::array<std::vector<std::uint16_t>, 256> by_first;
    for (std::size_t i = 0; i < kLexicon.size(); ++i) {
      by_first[static_cast<unsigned char>(kLexicon[i].phrase[0])].push_back(
          static_cast<std::uint16_t>(i));
    }
    return by_first;
  }();
  return index[static_cast<unsigned char>(c)];
}

// True when `token` is `word` with letters possibly repeated: "jaaa" ~ "ja", "ne" !~ "nee".
bool stretch_eq(std::string_view token, std::string_view word) {
  std::size_t i = 0;
  std::size_t j = 0;
  while (j < word.size()) {
    const char c = word[j];
    if (i >= token.size() || token[i] != c) return false;
    std::size_t want = 0;
    while (j < word.size() && word[j] == c) ++j, ++want;
    std::size_t got = 0;
    while (i < token.size() && token[i] == c) ++i, ++got;
    if (got < want || (got > want && !is_lower(c))) return false;
  }
  return i == token.size();
}

bool is_code_token(std::string_view w) {
  return w.size() == 3 && is_lower(w[0]) && w[0] != 'i' && w[0] != 'o' && is_digit(w[1]) &&
         is_digit(w[2]);
}

struct Item {
  Kind kind;
  std::size_t first;  // token index
  std::size_t count;  // tokens covered
};

// The longest lexicon phrase starting at token `t`, if any.
std::optional<Item> classify(const Normalized& n, std::size_t t) {
  std::optional<Item> best;
  for (const std::uint16_t e : entries_starting_with(n.word(t)[0])) {
    const std::string_view phrase = kLexicon[e].phrase;
    std::size_t words = 0;
    std::size_t pos = 0;
    bool match = true;
    while (match && pos <= phrase.size()) {
      const std::size_t end = std::min(phrase.find(' ', pos), phrase.size());
      match = t + words < n.size() && stretch_eq(n.word(t + words), phrase.substr(pos, end - pos));
      ++words;
      pos = end + 1;
    }
    if (match && (!best || words > best->count)) best = Item{kLexicon[e].kind, t, words};
  }
  return best;
}

// ---------------------------------------------------------------- 3. decision

bool is_word_token(std::string_view w) { return w[0] != '#' && !is_code_token(w); }

// The original text from token `from` to the last real word, trimmed; nothing when empty.
std::optional<std::string> quote(std::string_view text, const Normalized& n, std::size_t from) {
  std::size_t last = n.size();
  for (std::size_t t = n.size(); t > from; --t) {
    if (is_word_token(n.word(t - 1))) {
      last = t - 1;
      break;
    }
  }
  if (last == n.size()) return std::nullopt;
  const std::size_t b = n.token(from).src_begin;
  return std::string(text.substr(b, n.token(last).src_end - b));
}

// A kilometre figure in tokens [from, from+3): "40" or "40km".
std::optional<int> km_after(const Normalized& n, std::size_t from) {
  for (std::size_t t = from; t < n.size() && t < from + 3; ++t) {
    const std::string_view w = n.word(t);
    std::size_t digits = 0;
    while (digits < w.size() && is_digit(w[digits])) ++digits;
    if (digits == 0 || digits > 4 || (digits < w.size() && w.substr(digits) != "km")) continue;
    int km = 0;
    for (std::size_t i = 0; i < digits; ++i) km = km * 10 + (w[i] - '0');
    return km;
  }
  return std::nullopt;
}

void put_digits(std::string& out, int value, int width) {
  for (int i = width - 1; i >= 0; --i, value /= 10) out.push_back(static_cast<char>('0' + value % 10));
  std::reverse(out.end() - width, out.end());
}

int to_number(std::string_view s) {
  if (s.empty() || s.size() > 4) return -1;
  int v = 0;
  for (const char c : s) {
    if (!is_digit(c)) return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

// A date written "2026-11-24", "24/11/2026", "24-11-2026" or "24.11.2026", as YYYY-MM-DD.
std::optional<std::string> find_date(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t end = std::min(text.find_first_of(" \t\r\n,;", pos), text.size());
    std::string_view w = text.substr(pos, end - pos);
    pos = end + 1;
    while (!w.empty() && (w.back() == '.' || w.back() == '!' || w.back() == ')')) w.remove_suffix(1);
    const std::size_t a = w.find_first_of("-/.");
    const std::size_t b = a == std::string_view::npos ? a : w.find_first_of("-/.", a + 1);
    if (b == std::string_view::npos) continue;
    int d = to_number(w.substr(0, a));
    const int m = to_number(w.substr(a + 1, b - a - 1));
    int y = to_number(w.substr(b + 1));
    if (a == 4) std::swap(d, y);  // ISO order
    if (y < 2000 || y > 2100 || !is_valid_date(y, m, d)) continue;
    std::string out;
    put_digits(out, y, 4);
    out.push_back('-');
    put_digits(out, m, 2);
    out.push_back('-');
    put_digits(out, d, 2);
    return out;
  }
  return std::nullopt;
}

bool dutch_time_follows(const Normalized& n, std::size_t t) {
  if (t >= n.size()) return false;
  const std::string_view w = n.word(t);
  if (is_digit(w[0])) return true;
  for (const std::string_view d : kDutchTimeWords) {
    if (w == d) return true;
  }
  return false;
}

// A command named by the first word, or nothing.
std::optional<ParsedReply> command(std::string_view text, const Normalized& n, const Item& first) {
  ParsedReply r;
  switch (first.kind) {
    case Kind::kStop: r.intent = Intent::kStop; break;
    case Kind::kStart: r.intent = Intent::kStart; break;
    case Kind::kResume: r.intent = Intent::kResume; break;
    case Kind::kStatus: r.intent = Intent::kStatus; break;
    case Kind::kHelp: r.intent = Intent::kHelp; break;
    case Kind::kPause:
      r.intent = Intent::kPause;
      r.until = find_date(text);
      break;
    case Kind::kDistance:
      r.km = km_after(n, first.first + first.count);
      if (!r.km && n.word(first.first).starts_with("max")) return std::nullopt;
      r.intent = Intent::kDistance;
      break;
    default:
      return std::nullopt;
  }
  return r;
}

// The classified words of a message, call codes left out. Fixed size: no heap.
struct Items {
  std::array<Item, kMaxTokens> list{};
  std::size_t size = 0;
  std::optional<std::string> code;         // the first call code, upper-cased
  std::size_t first_token = kMaxTokens;    // first token that is not a call code
  bool first_classified = false;           // items.list[0] starts at first_token
};

Items classify_all(const Normalized& n) {
  Items out;
  for (std::size_t t = 0; t < n.size();) {
    const std::string_view w = n.word(t);
    if (is_code_token(w)) {
      if (!out.code) out.code = std::string{static_cast<char>(w[0] - 'a' + 'A'), w[1], w[2]};
      ++t;
      continue;
    }
    const std::optional<Item> item = classify(n, t);
    if (out.first_token == kMaxTokens) {
      out.first_token = t;
      out.first_classified = item.has_value();
    }
    if (item) out.list[out.size++] = *item;
    t += item ? item->count : 1;
  }
  return out;
}

// "30 km" or "30km" as the whole point of the message.
std::optional<ParsedReply> bare_distance(const Normalized& n, std::size_t t) {
  const std::string_view w = n.word(t);
  const bool km_next = t + 1 < n.size() && n.word(t + 1) == "km";
  if (!is_digit(w[0]) || (!km_next && !w.ends_with("km"))) return std::nullopt;
  ParsedReply r;
  r.km = km_after(n, t);
  if (!r.km) return std::nullopt;
  r.intent = Intent::kDistance;
  return r;
}

enum class Said { kNothing, kYes, kNo };

// "maar" right after the yes, or followed by a real condition; not the particle of
// "bel maar" / "kom maar af" (then the yes stands).
bool is_condition_marker(const Normalized& n, const Item& it, std::size_t yes_end) {
  bool words_follow = false;
  for (std::size_t t = it.first + it.count; t < n.size(); ++t) {
    const std::string_view w = n.word(t);
    if (!is_word_token(w)) continue;
    if (std::find(kParticleTail.begin(), kParticleTail.end(), w) == kParticleTail.end()) {
      words_follow = true;
    }
  }
  return words_follow || it.first == yes_end;
}

// True when `it` opens the condition of a maybe, given what was said before it.
bool opens_condition(const Normalized& n, const Item& it, Said said) {
  switch (it.kind) {
    case Kind::kNeg:
    case Kind::kMarkerAt:
      return said == Said::kYes;
    case Kind::kPas:
      return said == Said::kYes ||
             (said == Said::kNothing && dutch_time_follows(n, it.first + it.count));
    case Kind::kFrom:
      return said != Said::kNo;
    default:
      return false;
  }
}

// Yes / no / maybe from the answer words in order; a contradiction stays unknown.
ParsedReply answer(std::string_view text, const Normalized& n, const Items& items) {
  ParsedReply r;
  Said said = Said::kNothing;
  bool weak_no = false;
  std::size_t yes_end = n.size();  // token after the last yes word
  for (std::size_t i = 0; i < items.size; ++i) {
    const Item& it = items.list[i];
    const std::size_t next = it.first + it.count;
    if (opens_condition(n, it, said)) {
      r.intent = Intent::kMaybe;
      r.note = quote(text, n, it.first);
      return r;
    }
    switch (it.kind) {
      case Kind::kYes:
        if (said == Said::kNo) return r;  // "nee ja"
        said = Said::kYes;
        yes_end = next;
        break;
      case Kind::kNo:
      case Kind::kNeg:
      case Kind::kPas:
        if (said == Said::kYes) return r;  // "ja nee"
        said = Said::kNo;
        break;
      case Kind::kMaybe:
        if (said == Said::kNo) return r;  // "nee misschien"
        r.intent = Intent::kMaybe;
        if (next < n.size()) r.note = quote(text, n, next);
        return r;
      case Kind::kMarkerAfter:
        if (said != Said::kYes || !is_condition_marker(n, it, yes_end)) break;
        r.intent = Intent::kMaybe;
        if (next < n.size()) r.note = quote(text, n, next);
        return r;
      case Kind::kWeakNo:
        weak_no = true;
        break;
      default:
        break;
    }
  }
  if (said == Said::kYes) r.intent = Intent::kYes;
  if (said == Said::kNo || (said == Said::kNothing && weak_no)) r.intent = Intent::kNo;
  return r;
}

ParsedReply decide(std::string_view text, const Normalized& n, const Items& items) {
  if (items.first_token == kMaxTokens) return {};
  if (items.first_classified) {
    if (auto c = command(text, n, items.list[0])) return std::move(*c);
  } else if (auto d = bare_distance(n, items.first_token)) {
    return std::move(*d);
  }
  return answer(text, n, items);
}

}  // namespace

std::string_view to_string(Intent i) {
  switch (i) {
    case Intent::kYes: return "yes";
    case Intent::kNo: return "no";
    case Intent::kMaybe: return "maybe";
    case Intent::kStop: return "stop";
    case Intent::kStart: return "start";
    case Intent::kPause: return "pause";
    case Intent::kResume: return "resume";
    case Intent::kStatus: return "status";
    case Intent::kHelp: return "help";
    case Intent::kDistance: return "distance";
    case Intent::kUnknown: return "unknown";
  }
  return "unknown";
}

bool is_call_code(std::string_view s) {
  return s.size() == 3 && s[0] >= 'A' && s[0] <= 'Z' && s[0] != 'I' && s[0] != 'O' &&
         is_digit(s[1]) && is_digit(s[2]);
}

ParsedReply parse_reply(std::string_view text) {
  const Normalized n(text);
  if (n.only_question_marks()) return ParsedReply{Intent::kHelp, {}, {}, {}, {}};
  Items items = classify_all(n);
  ParsedReply r = decide(text, n, items);
  r.call_code = std::move(items.code);
  return r;
}

}  // namespace noodbel
