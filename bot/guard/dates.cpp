#include "bot/guard/dates.h"

namespace noodbel {
namespace {

int number_value(const Token& t) {
  if (!t.is_number() || t.folded.size() > 4) return -1;
  int v = 0;
  for (const char c : t.folded) v = v * 10 + (c - '0');
  return v;
}

bool valid_day_month(int day, int month) {
  return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

bool is_date_separator(const Token& t) {
  return t.is_symbol("/") || t.is_symbol(".") || t.is_symbol("-");
}

// "12/03/2019", "12.03.19", "12-3", "2019-03-12": the index of the last token, or nothing.
std::optional<std::size_t> numeric_date_at(const NoteTokens& note, std::size_t i) {
  const Token* a = note.at(i);
  const Token* s1 = note.at(i + 1);
  const Token* b = note.at(i + 2);
  if (a == nullptr || s1 == nullptr || b == nullptr || !is_date_separator(*s1) || !b->is_number() ||
      !note.glued(i + 1) || !note.glued(i + 2)) {
    return std::nullopt;
  }
  const Token* s2 = note.at(i + 3);
  const Token* c = note.at(i + 4);
  const bool third = s2 != nullptr && c != nullptr && s2->folded == s1->folded && c->is_number() &&
                     note.glued(i + 3) && note.glued(i + 4);
  if (a->folded.size() == 4 && third && s1->is_symbol("-")) {  // ISO 2019-03-12
    return valid_day_month(number_value(*c), number_value(*b)) ? std::optional<std::size_t>(i + 4)
                                                               : std::nullopt;
  }
  if (a->folded.size() > 2 || b->folded.size() > 2) return std::nullopt;
  if (!valid_day_month(number_value(*a), number_value(*b))) return std::nullopt;
  if (!third) return i + 2;  // "12/03": no year, still an exact birthday
  if (c->folded.size() == 2 || c->folded.size() == 4) return i + 4;
  return std::nullopt;
}

// An optional year after token `i`: "2019", ", 2019" or "'19". The index of the year
// token, or `i` when there is none.
std::size_t year_after(const NoteTokens& note, std::size_t i) {
  std::size_t j = i + 1;
  if (const Token* dot = note.at(j); dot != nullptr && dot->is_symbol(".") && note.glued(j)) ++j;
  if (const Token* comma = note.at(j); comma != nullptr && comma->is_symbol(",")) ++j;
  if (const Token* apostrophe = note.at(j); apostrophe != nullptr && apostrophe->is_symbol("'")) {
    ++j;
  }
  const Token* year = note.at(j);
  if (year != nullptr && year->is_number() &&
      (year->folded.size() == 4 || year->folded.size() == 2) && !year->newline_before) {
    return j;
  }
  return i;
}

// "3 mars 2019", "1er janvier", "3rd of March 2019", "12 maart".
std::optional<std::size_t> day_month_at(const NoteTokens& note, std::size_t i) {
  const Token* day = note.at(i);
  if (day == nullptr || day->folded.size() > 2) return std::nullopt;
  std::size_t j = i + 1;
  if (note.word_has(j, kOrdinal) && note.glued(j)) ++j;
  if (const Token* of = note.at(j); of != nullptr && (of->folded == "of" || of->folded == "van")) {
    ++j;
  }
  const Token* month = note.at(j);
  if (month == nullptr || !month->is_word() || month->newline_before) return std::nullopt;
  const int m = note.lexicon.month_number(month->folded);
  if (m == 0 || !valid_day_month(number_value(*day), m)) return std::nullopt;
  return year_after(note, j);
}

// "March 3, 2019", "May 5th".
std::optional<std::size_t> month_day_at(const NoteTokens& note, std::size_t i) {
  const Token* month = note.at(i);
  std::size_t j = i + 1;
  if (const Token* dot = note.at(j); dot != nullptr && dot->is_symbol(".")) ++j;
  const Token* day = note.at(j);
  if (day == nullptr || !day->is_number() || day->folded.size() > 2 ||
      !valid_day_month(number_value(*day), note.lexicon.month_number(month->folded))) {
    return std::nullopt;
  }
  const std::size_t last = note.word_has(j + 1, kOrdinal) && note.glued(j + 1) ? j + 1 : j;
  return year_after(note, last);
}

}  // namespace

std::optional<std::size_t> date_end_at(const NoteTokens& note, std::size_t i) {
  const Token& t = note.tokens[i];
  if (t.is_number()) {
    if (auto end = numeric_date_at(note, i)) return end;
    return day_month_at(note, i);
  }
  if (t.has(kMonth)) return month_day_at(note, i);
  return std::nullopt;
}

}  // namespace noodbel
