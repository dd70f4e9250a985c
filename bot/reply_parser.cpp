// Reply parser in four steps:
//   1. Normalise into a fixed stack buffer (no heap): NFKC-compatible decomposition,
//      case folding, accents stripped, punctuation to spaces, answer emoji to the
//      pseudo-words "#yes" / "#no" / "#maybe". Each token remembers where it came from in
//      the original text (so a maybe's condition can be quoted as the family wrote it, and
//      "5/1" can be told from "5 1") and which sentence it is in (and whether that
//      sentence is a question).
//   2. Classify tokens against a lexicon of words and phrases (longest phrase wins). A
//      phrase may mean one thing as the first word ("STOP", "beschikbaar", "max 30") and
//      another, or nothing, later in the message. Words match "stretched": "jaaaa"
//      matches "ja", "neeee" matches "nee", but "ne" (French particle) does not match "nee".
//      A question that does not open with an answer ("heeft iemand al ja gezegd?") is
//      left out.
//   3. Dates, for a pause: "5/1", "3 december", "2 weken", "tot maandag", resolved
//      against today (ReplyContext); the next such date to come.
//   4. Decide: a command word first in the message wins; then a setting said anywhere
//      ("ik wil geen berichten meer", "we zijn terug beschikbaar", "mijn afstand is 35 km",
//      "op vakantie tot 3 december"); otherwise the answer words in order decide yes / no
//      / maybe (with its condition) / unknown for a contradiction.
// To teach the parser a new word or phrase, add a row to kLexicon.
#include "bot/reply_parser.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include <date/date.h>
#include <utf8proc.h>

#include "bot/local_time.h"

namespace noodbel {
namespace {

// ---------------------------------------------------------------- 1. normalisation

constexpr std::size_t kMaxChars = 1024;  // normalised bytes looked at; the rest is ignored
constexpr std::size_t kMaxTokens = 64;
constexpr std::size_t kMaxSentences = 64;  // later sentences never count as questions

struct Token {
  std::uint16_t begin = 0;  // in the normalised buffer
  std::uint16_t size = 0;
  std::uint8_t sentence = 0;
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
  bool only_question_marks() const { return question_mark_ && count_ == 0; }
  bool in_question(std::size_t i) const {
    const std::size_t s = tokens_[i].sentence;
    return s < kMaxSentences && ((questions_ >> s) & 1U) != 0;
  }
  // The original bytes between token i and token i + 1 ("/" in "5/1").
  std::string_view gap(std::size_t i) const {
    const std::uint32_t end = tokens_[i].src_end;
    return text_.substr(end, tokens_[i + 1].src_begin - end);
  }

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
  std::uint64_t questions_ = 0;     // bit s: sentence s ends with "?"
  bool open_ = false;               // a token is being built
  bool question_mark_ = false;
};

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
  if (c == '!' || c == '\n' || c == ';' || (c == '.' && !between_digits)) return end_sentence(false);
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

// ---------------------------------------------------------------- 2. lexicon

enum class Kind : std::uint8_t {
  kNone,         // means nothing here (a command word that is not the first word)
  kYes,
  kCan,          // "kunnen", "lukt", "peut": a yes unless negated ("kan niet" is a no)
  kNo,
  kWeakNo,       // "sorry", "helaas": a no only when nothing else is said
  kNeg,          // "niet", "not": a no on its own, the start of a condition after a yes
  kPas,          // "pas": Dutch "only (from)" before a time, French "not" otherwise
  kMaybe,
  kMaybeSoft,    // "eerst": a maybe only when nothing else is said
  kWhen,         // "morgen", "straks": a condition after a yes, a maybe on its own
  kTonight,      // "vanavond": no condition after a yes (crises are today), a maybe alone
  kMarkerAfter,  // "maar", "but": after a yes, the condition is what follows
  kMarkerAt,     // "only", "tot": after a yes, the condition starts here
  kFrom,         // "vanaf", "from": starts a condition after a yes, or on its own
  kNoise,        // "verkeerd nummer": not an answer at all
  kStop, kStart, kPause,
  kPauseSoft,    // "op vakantie": a pause when a date is given or nothing else is said
  kResume,
  kResumeSoft,   // "we zijn terug": a resume when nothing else is said
  kStatus, kHelp,
  kDistance,     // first word: a distance; later: a distance when a number follows
  kMaxKm,        // "max" later in a message: a distance only as "max 25 km"
};

struct Entry {
  std::string_view phrase;  // normalised words separated by one space
  Kind first;               // meaning as the first word of the message
  Kind later;               // meaning anywhere else
};

constexpr Entry both(std::string_view phrase, Kind kind) { return {phrase, kind, kind}; }
constexpr Entry lead(std::string_view phrase, Kind first, Kind later = Kind::kNone) {
  return {phrase, first, later};
}

// Phrases beat their first word ("geen probleem" is a yes, "geen" alone a no).
constexpr std::array kLexicon = {
    // yes
    both("ja", Kind::kYes), both("jaja", Kind::kYes), both("jawel", Kind::kYes),
    both("jazeker", Kind::kYes), both("toch wel", Kind::kYes), both("jah", Kind::kYes), both("jep", Kind::kYes),
    both("jup", Kind::kYes), both("jes", Kind::kYes), both("yes", Kind::kYes),
    both("yep", Kind::kYes), both("yup", Kind::kYes), both("yeah", Kind::kYes),
    both("oui", Kind::kYes), both("ouais", Kind::kYes), both("ok", Kind::kYes),
    both("oke", Kind::kYes), both("okay", Kind::kYes), both("oki", Kind::kYes),
    both("okido", Kind::kYes), both("zeker", Kind::kYes), both("graag", Kind::kYes),
    both("natuurlijk", Kind::kYes), both("tuurlijk", Kind::kYes), both("top", Kind::kYes),
    both("uiteraard", Kind::kYes), both("prima", Kind::kYes), both("akkoord", Kind::kYes),
    both("is goed", Kind::kYes), both("s goed", Kind::kYes), both("ist goed", Kind::kYes),
    both("komt goed", Kind::kYes), both("in orde", Kind::kYes), both("doen we", Kind::kYes),
    both("we doen het", Kind::kYes), both("wij doen het", Kind::kYes),
    both("geen probleem", Kind::kYes), both("geen punt", Kind::kYes),
    both("sure", Kind::kYes), both("of course", Kind::kYes), both("absolutely", Kind::kYes),
    both("definitely", Kind::kYes), both("no problem", Kind::kYes),
    both("no worries", Kind::kYes), both("happy to help", Kind::kYes),
    both("d accord", Kind::kYes), both("dac", Kind::kYes), both("c est bon", Kind::kYes),
    both("bien sur", Kind::kYes), both("volontiers", Kind::kYes),
    both("certainement", Kind::kYes), both("avec plaisir", Kind::kYes),
    both("pas de souci", Kind::kYes), both("pas de soucis", Kind::kYes),
    both("pas de probleme", Kind::kYes), both("sans probleme", Kind::kYes),
    both("#yes", Kind::kYes),
    // yes unless negated
    both("kan", Kind::kCan), both("kunnen", Kind::kCan), both("lukt", Kind::kCan),
    both("lukken", Kind::kCan), both("gaat", Kind::kCan), both("goed", Kind::kCan),
    both("wel", Kind::kCan), both("can", Kind::kCan), both("peux", Kind::kCan),
    both("peut", Kind::kCan), both("pouvons", Kind::kCan), both("pouvez", Kind::kCan),
    both("possible", Kind::kCan),
    // no
    both("nee", Kind::kNo), both("neen", Kind::kNo), both("no", Kind::kNo),
    both("non", Kind::kNo), both("nope", Kind::kNo), both("nah", Kind::kNo),
    both("nooit", Kind::kNo), both("never", Kind::kNo), both("jamais", Kind::kNo),
    both("onmogelijk", Kind::kNo), both("impossible", Kind::kNo),
    both("niet mogelijk", Kind::kNo), both("pas possible", Kind::kNo),
    both("zeker niet", Kind::kNo), both("toch niet", Kind::kNo), both("can t", Kind::kNo), both("cannot", Kind::kNo),
    both("can not", Kind::kNo), both("volzet", Kind::kNo), both("vol", Kind::kNo),
    both("full", Kind::kNo), both("complet", Kind::kNo), both("te ver", Kind::kNo),
    both("trop loin", Kind::kNo), both("too far", Kind::kNo), both("passen", Kind::kNo),
    both("normaal niet", Kind::kNo), both("waarschijnlijk niet", Kind::kNo),
    both("denk het niet", Kind::kNo), both("probably not", Kind::kNo),
    both("#no", Kind::kNo),
    both("niet", Kind::kNeg), both("not", Kind::kNeg), both("geen", Kind::kNeg),
    both("pas", Kind::kPas),
    both("sorry", Kind::kWeakNo), both("sory", Kind::kWeakNo), both("srry", Kind::kWeakNo),
    both("sry", Kind::kWeakNo), both("helaas", Kind::kWeakNo), both("jammer", Kind::kWeakNo),
    both("desole", Kind::kWeakNo), both("desolee", Kind::kWeakNo),
    both("malheureusement", Kind::kWeakNo), both("unfortunately", Kind::kWeakNo),
    // maybe
    both("misschien", Kind::kMaybe), both("mss", Kind::kMaybe), both("eventueel", Kind::kMaybe),
    both("evt", Kind::kMaybe), both("mogelijk", Kind::kMaybe), both("wellicht", Kind::kMaybe),
    both("waarschijnlijk", Kind::kMaybe), both("normaal", Kind::kMaybe),
    both("in principe", Kind::kMaybe), both("denk het", Kind::kMaybe),
    both("hangt", Kind::kMaybe), both("overleggen", Kind::kMaybe),
    both("bespreken", Kind::kMaybe), both("laat het", Kind::kMaybe),
    both("laten het", Kind::kMaybe), both("laat ik", Kind::kMaybe),
    both("weet niet", Kind::kMaybe), both("weet het niet", Kind::kMaybe),
    both("weet nog niet", Kind::kMaybe), both("weet het nog niet", Kind::kMaybe),
    both("weet ik niet", Kind::kMaybe), both("weet ik nog niet", Kind::kMaybe),
    both("geen idee", Kind::kMaybe),
    both("maybe", Kind::kMaybe), both("perhaps", Kind::kMaybe), both("possibly", Kind::kMaybe),
    both("probably", Kind::kMaybe), both("not sure", Kind::kMaybe),
    both("don t know", Kind::kMaybe), both("dont know", Kind::kMaybe),
    both("depends", Kind::kMaybe), both("check", Kind::kMaybe), both("get back", Kind::kMaybe),
    both("peut etre", Kind::kMaybe), both("peutetre", Kind::kMaybe),
    both("eventuellement", Kind::kMaybe), both("probablement", Kind::kMaybe),
    both("en principe", Kind::kMaybe), both("depend", Kind::kMaybe),
    both("je sais pas", Kind::kMaybe), both("je ne sais pas", Kind::kMaybe),
    both("sais pas", Kind::kMaybe), both("pas sur", Kind::kMaybe),
    both("je vous dis", Kind::kMaybe), both("je te dis", Kind::kMaybe),
    both("#maybe", Kind::kMaybe),
    both("eerst", Kind::kMaybeSoft), both("vragen", Kind::kMaybeSoft),
    // conditions after a yes
    both("maar", Kind::kMarkerAfter), both("mr", Kind::kMarkerAfter),
    both("but", Kind::kMarkerAfter), both("mais", Kind::kMarkerAfter),
    both("vanaf", Kind::kFrom), both("na", Kind::kMarkerAt), both("tot", Kind::kMarkerAt),
    both("enkel", Kind::kMarkerAt), both("alleen", Kind::kMarkerAt),
    both("behalve", Kind::kMarkerAt), both("als", Kind::kMarkerAt), both("indien", Kind::kMarkerAt),
    both("mits", Kind::kMarkerAt), both("tenzij", Kind::kMarkerAt),
    both("from", Kind::kFrom), both("after", Kind::kMarkerAt),
    both("until", Kind::kMarkerAt), both("only", Kind::kMarkerAt), both("except", Kind::kMarkerAt),
    both("if", Kind::kMarkerAt), both("unless", Kind::kMarkerAt),
    both("a partir", Kind::kFrom), both("apres", Kind::kMarkerAt),
    both("jusqu", Kind::kMarkerAt), both("seulement", Kind::kMarkerAt),
    both("uniquement", Kind::kMarkerAt), both("sauf", Kind::kMarkerAt), both("si", Kind::kMarkerAt),
    // a later time: a condition after a yes, a maybe on its own
    both("morgen", Kind::kWhen), both("overmorgen", Kind::kWhen), both("straks", Kind::kWhen),
    both("later", Kind::kWhen), both("tomorrow", Kind::kWhen), both("demain", Kind::kWhen),
    both("plus tard", Kind::kWhen),
    both("vanavond", Kind::kTonight), both("vanmiddag", Kind::kTonight),
    both("tonight", Kind::kTonight), both("ce soir", Kind::kTonight),
    // will call back
    both("bel zo", Kind::kMaybe), both("bel je terug", Kind::kMaybe),
    both("bel u terug", Kind::kMaybe), both("bel terug", Kind::kMaybe),
    both("terugbellen", Kind::kMaybe), both("vous rappelle", Kind::kMaybe),
    both("te rappelle", Kind::kMaybe), both("call you back", Kind::kMaybe),
    both("call back", Kind::kMaybe),
    // not an answer
    both("verkeerd nummer", Kind::kNoise), both("wrong number", Kind::kNoise),
    both("mauvais numero", Kind::kNoise), both("faux numero", Kind::kNoise),
    // opt out, opt in
    lead("stop", Kind::kStop), lead("stopall", Kind::kStop), both("unsubscribe", Kind::kStop),
    lead("cancel", Kind::kStop), lead("end", Kind::kStop), lead("quit", Kind::kStop),
    lead("arret", Kind::kStop), both("uitschrijven", Kind::kStop),
    both("uit te schrijven", Kind::kStop), both("afmelden", Kind::kStop),
    both("geen berichten meer", Kind::kStop), both("geen oproepen meer", Kind::kStop),
    both("geen sms meer", Kind::kStop), both("plus recevoir", Kind::kStop),
    both("stop sending", Kind::kStop), both("stop texting", Kind::kStop),
    both("stop messaging", Kind::kStop), both("verwijder", Kind::kStop),
    both("verwijderen", Kind::kStop), both("uit de lijst", Kind::kStop),
    both("remove me", Kind::kStop), both("supprimer", Kind::kStop),
    both("plus de messages", Kind::kStop), both("desinscrire", Kind::kStop),
    lead("start", Kind::kStart), lead("inschrijven", Kind::kStart),
    both("opnieuw inschrijven", Kind::kStart), both("terug inschrijven", Kind::kStart),
    both("terug berichten", Kind::kStart), both("weer berichten", Kind::kStart),
    both("opnieuw berichten", Kind::kStart), both("reinscrire", Kind::kStart),
    lead("subscribe", Kind::kStart),
    // pause, resume
    both("pauze", Kind::kPause), both("pause", Kind::kPause), lead("pauzeer", Kind::kPause),
    both("niet beschikbaar", Kind::kPause), both("not available", Kind::kPause),
    both("unavailable", Kind::kPause), both("pas disponible", Kind::kPause),
    both("pas disponibles", Kind::kPause), both("indisponible", Kind::kPause),
    both("indisponibles", Kind::kPause), both("even geen oproepen", Kind::kPause),
    both("even geen berichten", Kind::kPause),
    both("vakantie", Kind::kPauseSoft), both("op reis", Kind::kPauseSoft),
    both("afwezig", Kind::kPauseSoft), both("vacances", Kind::kPauseSoft),
    both("absent", Kind::kPauseSoft), both("absents", Kind::kPauseSoft),
    both("absente", Kind::kPauseSoft), both("absentes", Kind::kPauseSoft),
    both("holiday", Kind::kPauseSoft), both("vacation", Kind::kPauseSoft),
    both("away", Kind::kPauseSoft), both("zijn weg", Kind::kPauseSoft),
    both("ben weg", Kind::kPauseSoft),
    lead("beschikbaar", Kind::kResume, Kind::kCan), lead("available", Kind::kResume, Kind::kCan),
    lead("disponible", Kind::kResume, Kind::kCan), lead("disponibles", Kind::kResume, Kind::kCan),
    lead("hervat", Kind::kResume), lead("hervatten", Kind::kResume), lead("resume", Kind::kResume),
    both("terug beschikbaar", Kind::kResume), both("weer beschikbaar", Kind::kResume),
    both("opnieuw beschikbaar", Kind::kResume), both("terug van vakantie", Kind::kResume),
    both("de nouveau disponible", Kind::kResume), both("de nouveau disponibles", Kind::kResume),
    both("a nouveau disponible", Kind::kResume), both("a nouveau disponibles", Kind::kResume),
    both("available again", Kind::kResume), both("back from holiday", Kind::kResume),
    both("pauze mag stoppen", Kind::kResume), both("pauze stoppen", Kind::kResume),
    both("pauze voorbij", Kind::kResume), both("pauze is voorbij", Kind::kResume),
    both("stop pauze", Kind::kResume), both("stop de pauze", Kind::kResume),
    both("einde pauze", Kind::kResume), both("fin de pause", Kind::kResume),
    both("end pause", Kind::kResume), both("end the pause", Kind::kResume),
    both("zijn terug", Kind::kResumeSoft), both("ben terug", Kind::kResumeSoft),
    both("zijn er terug", Kind::kResumeSoft), both("ben er terug", Kind::kResumeSoft),
    both("de retour", Kind::kResumeSoft), both("are back", Kind::kResumeSoft),
    both("re back", Kind::kResumeSoft),
    // settings, help
    lead("status", Kind::kStatus, Kind::kStatus), lead("statut", Kind::kStatus),
    both("instellingen", Kind::kStatus), both("settings", Kind::kStatus),
    both("parametres", Kind::kStatus),
    lead("help", Kind::kHelp), lead("hulp", Kind::kHelp), lead("aide", Kind::kHelp),
    both("hoe werkt", Kind::kHelp), both("wat moet ik sturen", Kind::kHelp),
    both("how does this work", Kind::kHelp), both("comment ca marche", Kind::kHelp),
    both("afstand", Kind::kDistance), both("maximale afstand", Kind::kDistance),
    lead("distance", Kind::kDistance), lead("straal", Kind::kDistance, Kind::kDistance),
    both("rayon", Kind::kDistance), lead("radius", Kind::kDistance, Kind::kDistance),
    lead("max", Kind::kDistance, Kind::kMaxKm), lead("maximum", Kind::kDistance, Kind::kMaxKm),
    lead("maximaal", Kind::kDistance, Kind::kMaxKm),
};

// Words after Dutch "pas" that make it "only from" rather than French "not".
constexpr std::array<std::string_view, 12> kDutchTimeWords = {
    "vanaf", "na", "om", "morgen", "overmorgen", "vanavond", "vanmiddag", "vannacht",
    "straks", "later", "tegen", "rond"};

// Words that may follow Flemish "maar" used as a particle: "bel maar", "kom maar af".
constexpr std::array<std::string_view, 8> kParticleTail = {
    "af", "door", "op", "langs", "binnen", "hoor", "gerust", "even"};

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

bool is_word_token(std::string_view w) { return w[0] != '#' && !is_code_token(w); }

bool is_strong_answer(Kind k) { return k == Kind::kYes || k == Kind::kNo || k == Kind::kMaybe; }

struct Item {
  Kind kind = Kind::kNone;
  std::size_t first = 0;  // token index
  std::size_t count = 0;  // tokens covered
};

constexpr std::size_t kMaxPhraseWords = 4;
constexpr std::size_t kMaxWordBytes = 32;  // longer tokens match no lexicon word

constexpr bool phrases_are_short() {
  for (const Entry& e : kLexicon) {
    std::size_t words = 1;
    std::size_t word_bytes = 0;
    for (const char c : e.phrase) {
      words += c == ' ';
      word_bytes = c == ' ' ? 0 : word_bytes + 1;
      if (word_bytes > kMaxWordBytes) return false;
    }
    if (words > kMaxPhraseWords) return false;
  }
  return true;
}
static_assert(phrases_are_short(), "a lexicon phrase has too many words or too long a word");

// `w` with runs of one lower-case letter collapsed ("jaaaa" -> "ja"), so a stretched
// token finds the entries it may match; "" when too long.
std::string_view squeeze(std::string_view w, std::array<char, kMaxWordBytes>& buf) {
  if (w.size() > buf.size()) return {};
  std::size_t n = 0;
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (i > 0 && w[i] == w[i - 1] && is_lower(w[i])) continue;
    buf[n++] = w[i];
  }
  return {buf.data(), n};
}

// kLexicon split into words and indexed by the squeezed first word. Built once; read-only
// (and so thread-safe) afterwards.
class LexiconIndex {
 public:
  struct Phrase {
    std::array<std::string_view, kMaxPhraseWords> words{};
    std::size_t count = 0;
    Kind first = Kind::kNone;
    Kind later = Kind::kNone;
  };

  static const LexiconIndex& get() {
    static const LexiconIndex index;
    return index;
  }

  // The phrases whose first word a token squeezed to `key` may match.
  const std::vector<Phrase>* candidates(std::string_view key) const {
    const auto it = by_first_.find(key);
    return it == by_first_.end() ? nullptr : &it->second;
  }

 private:
  LexiconIndex() {
    keys_.reserve(kLexicon.size());  // no reallocation: the map's keys view these strings
    for (const Entry& e : kLexicon) {
      Phrase p{{}, 0, e.first, e.later};
      for (std::size_t pos = 0; pos <= e.phrase.size();) {
        const std::size_t end = std::min(e.phrase.find(' ', pos), e.phrase.size());
        p.words[p.count++] = e.phrase.substr(pos, end - pos);
        pos = end + 1;
      }
      std::array<char, kMaxWordBytes> buf{};
      keys_.emplace_back(squeeze(p.words[0], buf));
      by_first_[keys_.back()].push_back(p);
    }
  }

  std::vector<std::string> keys_;
  std::unordered_map<std::string_view, std::vector<Phrase>> by_first_;
};

// The longest lexicon phrase starting at token `t`, with its meaning there.
std::optional<Item> classify(const Normalized& n, std::size_t t, bool first_word) {
  std::array<char, kMaxWordBytes> buf{};
  const std::string_view key = squeeze(n.word(t), buf);
  const auto* phrases = key.empty() ? nullptr : LexiconIndex::get().candidates(key);
  if (phrases == nullptr) return std::nullopt;
  std::optional<Item> best;
  for (const LexiconIndex::Phrase& p : *phrases) {
    if (t + p.count > n.size() || (best && p.count <= best->count)) continue;
    bool match = true;
    for (std::size_t k = 0; k < p.count && match; ++k) match = stretch_eq(n.word(t + k), p.words[k]);
    if (match) best = Item{first_word ? p.first : p.later, t, p.count};
  }
  return best;
}

// The classified words of a message, call codes left out. Fixed size: no heap.
struct Items {
  std::array<Item, kMaxTokens> list{};
  std::size_t size = 0;
  std::optional<std::string> code;         // the first call code, upper-cased
  std::size_t first_token = kMaxTokens;    // first token that is not a call code
  bool first_classified = false;           // list[0] starts at first_token
  std::uint64_t opens_with_answer = 0;     // bit s: sentence s starts with yes/no/maybe
};

Items classify_all(const Normalized& n) {
  Items out;
  std::uint64_t sentence_seen = 0;
  for (std::size_t t = 0; t < n.size();) {
    const std::string_view w = n.word(t);
    if (is_code_token(w)) {
      if (!out.code) out.code = std::string{static_cast<char>(w[0] - 'a' + 'A'), w[1], w[2]};
      ++t;
      continue;
    }
    const bool first_word = out.first_token == kMaxTokens;
    const std::optional<Item> item = classify(n, t, first_word);
    const bool meaningful = item && item->kind != Kind::kNone;
    if (first_word) {
      out.first_token = t;
      out.first_classified = meaningful;
    }
    if (const std::size_t s = n.token(t).sentence; s < kMaxSentences) {
      const std::uint64_t bit = std::uint64_t{1} << s;
      if ((sentence_seen & bit) == 0 && meaningful && is_strong_answer(item->kind)) {
        out.opens_with_answer |= bit;
      }
      sentence_seen |= bit;
    }
    if (meaningful) out.list[out.size++] = *item;
    // "zijn terug" lets its last word start another phrase ("we zijn terug beschikbaar").
    t += item && item->kind != Kind::kResumeSoft ? item->count : 1;
  }
  return out;
}

// Leaves out the words of questions ("hoeveel km is dat?", "heeft iemand al ja gezegd?"),
// unless the question opens with an answer ("ja, hoe laat?") or asks for settings or help;
// a question about the pause ("sta ik nog op pauze?") asks for the settings.
void drop_questions(const Normalized& n, Items& items) {
  std::size_t kept = 0;
  for (std::size_t i = 0; i < items.size; ++i) {
    Item it = items.list[i];
    const std::size_t s = n.token(it.first).sentence;
    if (n.in_question(it.first) && ((items.opens_with_answer >> s) & 1U) == 0) {
      if (it.kind == Kind::kPause) it.kind = Kind::kStatus;
      if (it.kind != Kind::kStatus && it.kind != Kind::kHelp) continue;
    }
    items.list[kept++] = it;
  }
  items.size = kept;
}

// ---------------------------------------------------------------- 3. numbers and dates

int to_number(std::string_view s) {
  if (s.empty() || s.size() > 4) return -1;
  int v = 0;
  for (const char c : s) {
    if (!is_digit(c)) return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

// A kilometre figure in tokens [from, from+3): "40" or "40km"; with `need_km` only
// "40 km" / "40km".
std::optional<int> km_after(const Normalized& n, std::size_t from, bool need_km = false) {
  for (std::size_t t = from; t < n.size() && t < from + 3; ++t) {
    const std::string_view w = n.word(t);
    std::size_t digits = 0;
    while (digits < w.size() && is_digit(w[digits])) ++digits;
    if (digits == 0 || digits > 4 || (digits < w.size() && w.substr(digits) != "km")) continue;
    const bool km_unit = digits < w.size() || (t + 1 < n.size() && n.word(t + 1) == "km");
    if (need_km && !km_unit) return std::nullopt;
    return to_number(w.substr(0, digits));
  }
  return std::nullopt;
}

struct NamedNumber {
  std::string_view word;
  int value;
};

constexpr std::array<NamedNumber, 34> kMonths = {{
    {"januari", 1}, {"janvier", 1}, {"january", 1}, {"jan", 1}, {"janv", 1},
    {"februari", 2}, {"fevrier", 2}, {"february", 2}, {"feb", 2}, {"fev", 2},
    {"maart", 3}, {"mars", 3}, {"march", 3}, {"mrt", 3},
    {"april", 4}, {"avril", 4}, {"apr", 4},
    {"mei", 5}, {"mai", 5}, {"may", 5},
    {"juni", 6}, {"juin", 6}, {"june", 6},
    {"juli", 7}, {"juillet", 7}, {"july", 7},
    {"augustus", 8}, {"aout", 8}, {"august", 8}, {"aug", 8},
    {"september", 9}, {"septembre", 9}, {"sept", 9}, {"sep", 9},
}};

constexpr std::array<NamedNumber, 11> kLateMonths = {{
    {"oktober", 10}, {"octobre", 10}, {"october", 10}, {"okt", 10}, {"oct", 10},
    {"november", 11}, {"novembre", 11}, {"nov", 11},
    {"december", 12}, {"decembre", 12}, {"dec", 12},
}};

// 0 = Monday, as LocalDateTime::weekday.
constexpr std::array<NamedNumber, 21> kWeekdays = {{
    {"maandag", 0}, {"lundi", 0}, {"monday", 0}, {"dinsdag", 1}, {"mardi", 1},
    {"tuesday", 1}, {"woensdag", 2}, {"mercredi", 2}, {"wednesday", 2},
    {"donderdag", 3}, {"jeudi", 3}, {"thursday", 3}, {"vrijdag", 4}, {"vendredi", 4},
    {"friday", 4}, {"zaterdag", 5}, {"samedi", 5}, {"saturday", 5}, {"zondag", 6},
    {"dimanche", 6}, {"sunday", 6},
}};

constexpr std::array<NamedNumber, 19> kCounts = {{
    {"een", 1}, {"un", 1}, {"une", 1}, {"a", 1}, {"an", 1}, {"one", 1},
    {"twee", 2}, {"deux", 2}, {"two", 2}, {"drie", 3}, {"trois", 3}, {"three", 3},
    {"vier", 4}, {"quatre", 4}, {"four", 4}, {"vijf", 5}, {"cinq", 5}, {"five", 5},
    {"paar", -1},
}};

// Span units: days per unit, or 0 for a calendar month.
constexpr std::array<NamedNumber, 23> kUnits = {{
    {"dag", 1}, {"dagen", 1}, {"dagje", 1}, {"dagjes", 1}, {"jour", 1}, {"jours", 1},
    {"day", 1}, {"days", 1}, {"week", 7}, {"weken", 7}, {"weekje", 7}, {"weekjes", 7},
    {"weeks", 7}, {"semaine", 7}, {"semaines", 7}, {"maand", 0}, {"maanden", 0},
    {"maandje", 0}, {"mois", 0}, {"month", 0}, {"months", 0}, {"wk", 7}, {"wkn", 7},
}};

template <std::size_t N>
int lookup(const std::array<NamedNumber, N>& table, std::string_view w, int missing = -1) {
  for (const NamedNumber& e : table) {
    if (e.word == w) return e.value;
  }
  return missing;
}

int month_of(std::string_view w) {
  const int m = lookup(kMonths, w);
  return m > 0 ? m : lookup(kLateMonths, w);
}

// A day of the month, possibly ordinal: "3", "03", "1er", "1ste", "3de", "3rd".
int day_of(std::string_view w) {
  std::size_t digits = 0;
  while (digits < w.size() && digits < 2 && is_digit(w[digits])) ++digits;
  if (digits == 0) return -1;
  const std::string_view rest = w.substr(digits);
  constexpr std::array<std::string_view, 10> kSuffixes = {"", "e", "de", "ste", "er", "ere",
                                                          "st", "nd", "rd", "th"};
  if (std::find(kSuffixes.begin(), kSuffixes.end(), rest) == kSuffixes.end()) return -1;
  const int d = to_number(w.substr(0, digits));
  return d >= 1 && d <= 31 ? d : -1;
}

using Day = date::sys_days;

std::optional<Day> day_if_valid(int y, int m, int d) {
  if (!is_valid_date(y, m, d)) return std::nullopt;
  return Day{date::year{y} / date::month{static_cast<unsigned>(m)} / date::day{static_cast<unsigned>(d)}};
}

std::optional<Day> today_of(const ReplyContext& c) { return day_if_valid(c.year, c.month, c.day); }

// The next d/m to come (today included); nothing when today is unknown.
std::optional<Day> next_to_come(const std::optional<Day>& today, int m, int d) {
  if (!today) return std::nullopt;
  const int year = static_cast<int>(date::year_month_day{*today}.year());
  for (int y = year; y <= year + 4; ++y) {  // 29/2 may be up to 4 years away
    const std::optional<Day> day = day_if_valid(y, m, d);
    if (day && *day >= *today) return day;
  }
  return std::nullopt;
}

// d/m with a written year ("2027", "27"); nothing for a year outside 2000..2100.
std::optional<Day> with_year(int y, int m, int d) {
  if (y >= 0 && y < 100) y += 2000;
  if (y < 2000 || y > 2100) return std::nullopt;
  return day_if_valid(y, m, d);
}

std::optional<Day> add_months(const std::optional<Day>& today, int months) {
  if (!today) return std::nullopt;
  const date::year_month_day ymd{*today};
  const date::year_month_day shifted = ymd + date::months{months};
  if (shifted.ok()) return Day{shifted};
  return Day{shifted.year() / shifted.month() / date::last};  // 31/1 + 1 month = 28/2
}

struct DateExpr {
  std::size_t count = 0;           // tokens covered
  bool span = false;               // "2 weken" rather than a day
  std::optional<Day> day;          // resolved, when today is known or the year written
};

bool is_separator(std::string_view gap) {
  return gap.size() == 1 && (gap[0] == '/' || gap[0] == '.' || gap[0] == '-');
}

// "5/1", "24.12.2026", "3-1-27", "2026-12-01".
std::optional<DateExpr> numeric_date(const Normalized& n, std::size_t t, const std::optional<Day>& today) {
  if (t + 1 >= n.size() || !is_separator(n.gap(t))) return std::nullopt;
  const std::string_view a = n.word(t);
  const std::string_view b = n.word(t + 1);
  const bool has_third = t + 2 < n.size() && is_separator(n.gap(t + 1)) && to_number(n.word(t + 2)) >= 0;
  const int c = has_third ? to_number(n.word(t + 2)) : -1;
  if (a.size() == 4 && has_third) {  // ISO order
    const int m = to_number(b);
    if (to_number(a) < 0 || m < 1 || m > 12 || c < 1 || c > 31) return std::nullopt;
    return DateExpr{3, false, with_year(to_number(a), m, c)};
  }
  const int d = a.size() <= 2 ? to_number(a) : -1;
  const int m = b.size() <= 2 ? to_number(b) : -1;
  if (d < 1 || d > 31 || m < 1 || m > 12) return std::nullopt;
  if (has_third && (n.word(t + 2).size() == 2 || n.word(t + 2).size() == 4)) {
    return DateExpr{3, false, with_year(c, m, d)};
  }
  return DateExpr{2, false, next_to_come(today, m, d)};
}

// "3 december", "1er janvier 2027", "December 3".
std::optional<DateExpr> named_date(const Normalized& n, std::size_t t, const std::optional<Day>& today) {
  if (t + 1 >= n.size()) return std::nullopt;
  int d = day_of(n.word(t));
  int m = month_of(n.word(t + 1));
  if (d < 0 || m < 0) {
    m = month_of(n.word(t));
    d = day_of(n.word(t + 1));
  }
  if (d < 0 || m < 0) return std::nullopt;
  if (t + 2 < n.size() && n.word(t + 2).size() == 4 && to_number(n.word(t + 2)) >= 0) {
    return DateExpr{3, false, with_year(to_number(n.word(t + 2)), m, d)};
  }
  return DateExpr{2, false, next_to_come(today, m, d)};
}

// "eind december", "fin janvier", "end of December": the month's last day.
std::optional<DateExpr> month_end(const Normalized& n, std::size_t t, const std::optional<Day>& today) {
  const std::string_view w = n.word(t);
  if (w != "eind" && w != "einde" && w != "fin" && w != "end") return std::nullopt;
  for (std::size_t k = t + 1; k < n.size() && k <= t + 2; ++k) {
    const int m = month_of(n.word(k));
    if (m < 0) continue;
    std::optional<Day> day;
    if (today) {
      const date::year_month_day now{*today};
      auto y = now.year();
      if (date::month{static_cast<unsigned>(m)} < now.month()) ++y;
      day = Day{y / date::month{static_cast<unsigned>(m)} / date::last};
    }
    return DateExpr{k + 1 - t, false, day};
  }
  return std::nullopt;
}

// After "tot" / "until": "maandag" (the next Monday), "morgen", "overmorgen".
std::optional<DateExpr> relative_day(const Normalized& n, std::size_t t, const std::optional<Day>& today) {
  const std::string_view w = n.word(t);
  int days = -1;
  if (const int wd = lookup(kWeekdays, w); wd >= 0) {
    if (today) {
      const int now = static_cast<int>(date::weekday{*today}.iso_encoding()) - 1;
      days = (wd - now + 7) % 7;
      if (days == 0) days = 7;
    }
  } else if (w == "morgen" || w == "tomorrow" || w == "demain") {
    days = 1;
  } else if (w == "overmorgen") {
    days = 2;
  } else {
    return std::nullopt;
  }
  return DateExpr{1, false, today && days > 0 ? std::optional<Day>(*today + date::days{days}) : std::nullopt};
}

// "2 weken", "een week", "pause 2 semaines", "10 dagen", "1 maand".
std::optional<DateExpr> span(const Normalized& n, std::size_t t, const std::optional<Day>& today) {
  if (t + 1 >= n.size()) return std::nullopt;
  const int unit = lookup(kUnits, n.word(t + 1));
  if (unit < 0) return std::nullopt;
  const std::string_view w = n.word(t);
  const int count = is_digit(w[0]) ? to_number(w) : lookup(kCounts, w);
  if (count < 1 || count > 366) return std::nullopt;
  std::optional<Day> day;
  if (unit == 0) {
    day = add_months(today, count);
  } else if (today) {
    day = *today + date::days{count * unit};
  }
  return DateExpr{2, true, day};
}

constexpr std::array<std::string_view, 8> kUntilWords = {"tot", "tm", "tem", "until", "till",
                                                        "til", "jusqu", "through"};

// True when one of the three words before token `t` is "tot", "until", "jusqu'" (or t/m).
bool after_until(const Normalized& n, std::size_t t) {
  for (std::size_t k = t; k > 0 && k + 3 > t; --k) {
    const std::string_view w = n.word(k - 1);
    if (std::find(kUntilWords.begin(), kUntilWords.end(), w) != kUntilWords.end()) return true;
    if (w == "m" && k >= 2 && n.word(k - 2) == "t") return true;  // "t/m"
  }
  return false;
}

// The date expression at token `t`; weekdays and "morgen" only after "tot" / "until".
std::optional<DateExpr> date_at(const Normalized& n, std::size_t t, const std::optional<Day>& today,
                                bool until_before) {
  if (auto e = numeric_date(n, t, today)) return e;
  if (auto e = named_date(n, t, today)) return e;
  if (auto e = month_end(n, t, today)) return e;
  if (auto e = span(n, t, today)) return e;
  if (until_before) return relative_day(n, t, today);
  return std::nullopt;
}

struct Until {
  bool said = false;               // the message names a date or span, resolvable or not
  std::optional<std::string> iso;  // YYYY-MM-DD
};

void put_digits(std::string& out, int value, int width) {
  for (int i = width - 1; i >= 0; --i, value /= 10) out.push_back(static_cast<char>('0' + value % 10));
  std::reverse(out.end() - width, out.end());
}

std::optional<std::string> iso_of(const std::optional<Day>& day) {
  if (!day) return std::nullopt;
  const date::year_month_day ymd{*day};
  std::string out;
  put_digits(out, static_cast<int>(ymd.year()), 4);
  out.push_back('-');
  put_digits(out, static_cast<int>(static_cast<unsigned>(ymd.month())), 2);
  out.push_back('-');
  put_digits(out, static_cast<int>(static_cast<unsigned>(ymd.day())), 2);
  return out;
}

// The last day of a pause: a date after "tot" / "until" first, else a span, else any date.
Until find_until(const Normalized& n, const ReplyContext& ctx) {
  const std::optional<Day> today = today_of(ctx);
  std::optional<DateExpr> first_span;
  std::optional<DateExpr> first_date;
  for (std::size_t t = 0; t < n.size();) {
    const bool until_before = after_until(n, t);
    const std::optional<DateExpr> e = date_at(n, t, today, until_before);
    if (!e) {
      ++t;
      continue;
    }
    if (until_before) return Until{true, iso_of(e->day)};
    if (e->span && !first_span) first_span = e;
    if (!e->span && !first_date) first_date = e;
    t += e->count;
  }
  if (first_span) return Until{true, iso_of(first_span->day)};
  if (first_date) return Until{true, iso_of(first_date->day)};
  return {};
}

// ---------------------------------------------------------------- 4. decision

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

bool dutch_time_follows(const Normalized& n, std::size_t t) {
  if (t >= n.size()) return false;
  const std::string_view w = n.word(t);
  if (is_digit(w[0])) return true;
  return std::find(kDutchTimeWords.begin(), kDutchTimeWords.end(), w) != kDutchTimeWords.end();
}

ParsedReply reply_of(Intent intent) {
  ParsedReply r;
  r.intent = intent;
  return r;
}

ParsedReply pause_reply(const Normalized& n, const ReplyContext& ctx) {
  ParsedReply r = reply_of(Intent::kPause);
  r.until = find_until(n, ctx).iso;
  return r;
}

// A command named by the first word, or nothing.
std::optional<ParsedReply> command(const Normalized& n, const Item& first, const ReplyContext& ctx) {
  switch (first.kind) {
    case Kind::kStop: return reply_of(Intent::kStop);
    case Kind::kStart: return reply_of(Intent::kStart);
    case Kind::kResume: return reply_of(Intent::kResume);
    case Kind::kStatus: return reply_of(Intent::kStatus);
    case Kind::kHelp: return reply_of(Intent::kHelp);
    case Kind::kPause: return pause_reply(n, ctx);
    case Kind::kDistance: {
      ParsedReply r = reply_of(Intent::kDistance);
      r.km = km_after(n, first.first + first.count);
      if (!r.km && n.word(first.first).starts_with("max")) return std::nullopt;
      return r;
    }
    default:
      return std::nullopt;
  }
}

// "30 km" or "30km" as the whole point of the message.
std::optional<ParsedReply> bare_distance(const Normalized& n, std::size_t t) {
  const std::string_view w = n.word(t);
  const bool km_next = t + 1 < n.size() && n.word(t + 1) == "km";
  if (!is_digit(w[0]) || (!km_next && !w.ends_with("km"))) return std::nullopt;
  ParsedReply r = reply_of(Intent::kDistance);
  r.km = km_after(n, t);
  if (!r.km) return std::nullopt;
  return r;
}

// The settings a message mentions anywhere (after the first word), each once.
struct Mentions {
  bool noise = false, stop = false, start = false, resume = false, pause = false;
  bool pause_soft = false, resume_soft = false, status = false, help = false;
  std::optional<int> km;
};

Mentions mentions(const Normalized& n, const Items& items) {
  Mentions m;
  for (std::size_t i = 0; i < items.size; ++i) {
    const Item& it = items.list[i];
    switch (it.kind) {
      case Kind::kNoise: m.noise = true; break;
      case Kind::kStop: m.stop = true; break;
      case Kind::kStart: m.start = true; break;
      case Kind::kResume: m.resume = true; break;
      case Kind::kPause: m.pause = true; break;
      case Kind::kPauseSoft: m.pause_soft = true; break;
      case Kind::kResumeSoft: m.resume_soft = true; break;
      case Kind::kStatus: m.status = true; break;
      case Kind::kHelp: m.help = true; break;
      case Kind::kDistance:  // "mijn afstand is 35 km", "zet mijn afstand op 60"
        if (!m.km) m.km = km_after(n, it.first + it.count);
        break;
      case Kind::kMaxKm:  // "ik wil max 25 km rijden"
        if (!m.km) m.km = km_after(n, it.first + it.count, true);
        break;
      default:
        break;
    }
  }
  return m;
}

enum class Said { kNothing, kYes, kNo };

// True when token `t` opens a clause: first of its sentence, or after a comma, a code
// or an emoji ("ja, maar...", "ja voor K42 maar...").
bool opens_clause(const Normalized& n, std::size_t t) {
  if (t == 0 || n.token(t - 1).sentence != n.token(t).sentence) return true;
  if (!is_word_token(n.word(t - 1))) return true;
  const std::string_view gap = n.gap(t - 1);
  return gap.find_first_not_of(" \t") != std::string_view::npos;
}

// "maar" right after the yes, or opening a clause with a real condition after it; not
// the particle of "bel maar", "stuur maar de gegevens", "kom maar af" (the yes stands).
bool is_condition_marker(const Normalized& n, const Item& it, std::size_t yes_end) {
  if (it.first == yes_end) return true;
  if (!opens_clause(n, it.first)) return false;
  for (std::size_t t = it.first + it.count; t < n.size(); ++t) {
    const std::string_view w = n.word(t);
    if (!is_word_token(w)) continue;
    if (std::find(kParticleTail.begin(), kParticleTail.end(), w) == kParticleTail.end()) return true;
  }
  return false;
}

class AnswerReader {
 public:
  AnswerReader(std::string_view text, const Normalized& n, std::size_t first_word)
      : text_(text), n_(n), first_word_(first_word) {}

  ParsedReply read(const Items& items) {
    for (std::size_t i = 0; i < items.size && !done_; ++i) {
      const Kind next = i + 1 < items.size ? items.list[i + 1].kind : Kind::kNone;
      step(items.list[i], next);
    }
    if (done_) return result_;
    if (said_ == Said::kYes) result_.intent = Intent::kYes;
    if (said_ == Said::kNo || (said_ == Said::kNothing && weak_no_)) result_.intent = Intent::kNo;
    return result_;
  }

 private:
  void unclear() { done_ = true; }
  // A maybe whose condition is quoted from token `from` on.
  void maybe(std::size_t from) {
    result_.intent = Intent::kMaybe;
    if (from < n_.size()) result_.note = quote(text_, n_, from);
    done_ = true;
  }
  void yes(const Item& it, bool strong) {
    said_ = Said::kYes;
    strong_yes_ = strong_yes_ || strong;
    yes_end_ = it.first + it.count;
  }
  void step(const Item& it, Kind next);

  std::string_view text_;
  const Normalized& n_;
  const std::size_t first_word_;  // first token that is not a call code
  ParsedReply result_;
  Said said_ = Said::kNothing;
  bool strong_yes_ = false;  // "ja" rather than only "kan"
  bool weak_no_ = false;
  bool done_ = false;
  std::size_t yes_end_ = kMaxTokens;  // token after the last yes word
};

void AnswerReader::step(const Item& it, Kind next) {
  const std::size_t after = it.first + it.count;
  switch (it.kind) {
    case Kind::kYes:
      if (said_ == Said::kNo) return unclear();  // "nee ja"
      return yes(it, true);
    case Kind::kCan:
      if (said_ != Said::kNo) yes(it, false);  // "nee, dat gaat niet": stays a no
      return;
    case Kind::kNo:
      if (said_ == Said::kYes) return unclear();  // "ja nee"
      said_ = Said::kNo;
      return;
    case Kind::kNeg:  // "ja, niet voor 20u" is a condition; "kan niet" a no
      if (said_ == Said::kYes && strong_yes_) return maybe(it.first);
      said_ = Said::kNo;
      return;
    case Kind::kPas:  // "ja, pas vanaf 18u", "kan pas na 17u"; French "je ne peux pas"
      if (said_ != Said::kNo && (dutch_time_follows(n_, after) || strong_yes_)) return maybe(it.first);
      said_ = Said::kNo;
      return;
    case Kind::kMaybe:  // "misschien, moet even overleggen"; "ik laat het straks weten"
      if (said_ == Said::kNo) return unclear();  // "nee misschien"
      return maybe(said_ == Said::kNothing && it.first != first_word_ ? first_word_ : after);
    case Kind::kMaybeSoft:  // "ik moet het eerst aan mijn vrouw vragen"
      if (said_ == Said::kNothing) maybe(first_word_);
      return;
    case Kind::kWhen:  // "ja morgen wel", "straks", but "morgen niet" is a no
      if (said_ == Said::kYes) return maybe(it.first);
      if (said_ == Said::kNothing && next != Kind::kNeg && next != Kind::kNo && next != Kind::kPas) {
        maybe(it.first);
      }
      return;
    case Kind::kTonight:  // "wij kunnen haar vanavond opvangen"; "ik laat het vanavond weten"
      if (said_ == Said::kNothing && next != Kind::kNeg && next != Kind::kNo) maybe(it.first);
      return;
    case Kind::kMarkerAt:
      if (said_ == Said::kYes) maybe(it.first);
      return;
    case Kind::kFrom:
      if (said_ != Said::kNo) maybe(it.first);
      return;
    case Kind::kMarkerAfter:
      if (said_ == Said::kYes && is_condition_marker(n_, it, yes_end_)) maybe(after);
      return;
    case Kind::kWeakNo:
      weak_no_ = true;
      return;
    default:
      return;
  }
}

ParsedReply decide(std::string_view text, const Normalized& n, Items& items, const ReplyContext& ctx) {
  if (items.first_token == kMaxTokens) return {};
  if (items.first_classified) {
    if (auto c = command(n, items.list[0], ctx)) return std::move(*c);
  } else if (auto d = bare_distance(n, items.first_token)) {
    return std::move(*d);
  }
  drop_questions(n, items);
  const Mentions m = mentions(n, items);
  if (m.noise) return {};
  if (m.stop) return reply_of(Intent::kStop);
  if (m.start) return reply_of(Intent::kStart);
  if (m.resume) return reply_of(Intent::kResume);
  if (m.pause) return pause_reply(n, ctx);
  if (m.status) return reply_of(Intent::kStatus);
  if (m.help) return reply_of(Intent::kHelp);
  if (m.km) {
    ParsedReply r = reply_of(Intent::kDistance);
    r.km = m.km;
    return r;
  }
  ParsedReply answer = AnswerReader(text, n, items.first_token).read(items);
  if (m.resume_soft && answer.intent == Intent::kUnknown) return reply_of(Intent::kResume);
  if (m.pause_soft) {  // "op vakantie tot 3 december"; "nee, we zijn zelf op reis" stays a no
    const Until until = find_until(n, ctx);
    if (until.said || answer.intent == Intent::kUnknown) {
      ParsedReply r = reply_of(Intent::kPause);
      r.until = until.iso;
      return r;
    }
  }
  return answer;
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
    case Intent::kCallMe: return "call_me";
    case Intent::kUnknown: return "unknown";
  }
  return "unknown";
}

bool is_call_code(std::string_view s) {
  return s.size() == 3 && s[0] >= 'A' && s[0] <= 'Z' && s[0] != 'I' && s[0] != 'O' &&
         is_digit(s[1]) && is_digit(s[2]);
}

std::optional<ReplyContext> reply_context_from_iso(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  const int y = to_number(s.substr(0, 4));
  const int m = s[5] == '-' || s[6] == '-' ? -1 : to_number(s.substr(5, 2));
  const int d = s[8] == '-' || s[9] == '-' ? -1 : to_number(s.substr(8, 2));
  if (y < 0 || m < 0 || d < 0 || !is_valid_date(y, m, d)) return std::nullopt;
  return ReplyContext{y, m, d};
}

ParsedReply parse_reply(std::string_view text) { return parse_reply(text, ReplyContext{}); }

ParsedReply parse_reply(std::string_view text, const ReplyContext& ctx) {
  const Normalized n(text);
  if (n.only_question_marks()) return reply_of(Intent::kHelp);
  Items items = classify_all(n);
  ParsedReply r = decide(text, n, items, ctx);
  r.call_code = std::move(items.code);
  return r;
}

}  // namespace noodbel
