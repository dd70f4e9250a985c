#include "bot/guard/house_number.h"

namespace noodbel {
namespace {

// Past ", " and "nr." before the number: its token, or nothing when it is no number.
std::optional<std::size_t> number_token(const NoteTokens& note, std::size_t i) {
  std::size_t j = i;
  if (const Token* comma = note.at(j); comma != nullptr && comma->is_symbol(",")) ++j;
  if (note.word_has(j, kNumberWord)) {
    ++j;
    if (const Token* dot = note.at(j);
        dot != nullptr && (dot->is_symbol(".") || dot->is_symbol("\xC2\xB0")))
      ++j;
  }
  const Token* number = note.at(j);
  if (number == nullptr || !number->is_number() || number->newline_before ||
      number->folded.size() > 4 || number->folded[0] == '0') {
    return std::nullopt;
  }
  if (const Token* place = note.at(j + 1);
      number->folded.size() == 4 && place != nullptr && place->is_word() && place->upper) {
    return std::nullopt;  // "1300 Wavre": a postcode
  }
  return j;
}

// "45A", "12-14", "7/2": the last token of the number at j, or nothing ("18u", "3x").
std::optional<std::size_t> number_suffix_end(const NoteTokens& note, std::size_t j) {
  std::size_t last = j;
  if (const Token* letter = note.at(j + 1);
      letter != nullptr && letter->is_word() && note.glued(j + 1) && letter->folded.size() == 1) {
    if (letter->folded == "u" || letter->folded == "h" || letter->folded == "x")
      return std::nullopt;
    last = j + 1;
  }
  if (const Token* sep = note.at(last + 1);
      sep != nullptr && (sep->is_symbol("-") || sep->is_symbol("/")) && note.glued(last + 1) &&
      note.at(last + 2) != nullptr && note.glued(last + 2) &&
      (note.at(last + 2)->is_number() || note.at(last + 2)->folded.size() == 1)) {
    last += 2;
  }
  return last;
}

// "Markt 3 dagen", "Markt 18:30": what follows the number says it is none.
bool followed_by_unit_or_time(const NoteTokens& note, std::size_t last) {
  if (const Token* unit = note.at(last + 1); unit != nullptr && unit->has(kUnit)) return true;
  const Token* colon = note.at(last + 1);
  return colon != nullptr && colon->is_symbol(":") && note.glued(last + 1);
}

// "120 bus 3", "16 bte. 2": the last token of the box number, or `last`.
std::size_t box_end(const NoteTokens& note, std::size_t last) {
  if (!note.word_has(last + 1, kBoxWord)) return last;
  std::size_t k = last + 2;
  if (const Token* dot = note.at(k); dot != nullptr && dot->is_symbol(".")) ++k;
  if (const Token* box = note.at(k);
      box != nullptr && !box->newline_before &&
      (box->is_number() || (box->is_word() && box->folded.size() <= 2))) {
    return k;
  }
  return last;
}

}  // namespace

std::optional<std::size_t> house_number_at(const NoteTokens& note, std::size_t i) {
  const auto number = number_token(note, i);
  if (!number) return std::nullopt;
  const auto last = number_suffix_end(note, *number);
  if (!last || followed_by_unit_or_time(note, *last)) return std::nullopt;
  return box_end(note, *last);
}

}  // namespace noodbel
