// What the reply parser makes of a family's message: its intent, the call code, the last
// day of a pause, a distance, the conditions of a yes or maybe and a note. Values; anyone
// may read them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bot/condition.h"

namespace noodbel {

// kCallMe: the family asks to be called ("bel me later", "ik ben aan het werk, bel
// later", "call me"): not an answer to a call.
enum class Intent {
  kYes,
  kNo,
  kMaybe,
  kStop,
  kStart,
  kPause,
  kResume,
  kStatus,
  kHelp,
  kDistance,
  kCallMe,
  kUnknown
};
std::string_view to_string(Intent i);  // "yes", "no", ... "call_me", "unknown"

struct ParsedReply {
  Intent intent = Intent::kUnknown;
  std::optional<std::string> call_code;  // "K42", upper-cased, when the text names one
  std::optional<std::string> until;      // YYYY-MM-DD: last day of a pause, when given
  std::optional<int> km;                 // for distance
  std::vector<Condition> conditions;     // of a yes or maybe, in the order written
  // Words of a yes or maybe the parser kept but did not understand, as written: one piece
  // of the original text, from the first such word to the last, politeness trimmed (shown
  // to the caseworker as "(zie bericht)"); nothing when every word was understood.
  std::optional<std::string> note;
};

// A call code: one capital letter other than I and O, then two digits ("K42").
bool is_call_code(std::string_view s);

// The family's own words a caseworker should read next to a yes or maybe: each condition's
// words, then the note, joined by "; " ("pas vanaf 18u; bel eerst even"); "" when there are
// none. For a board or a response row that keeps one text per answer.
std::string words_for_caseworker(const ParsedReply& r);

}  // namespace noodbel
