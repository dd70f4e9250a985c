#include "bot/guard/birth_date_scanner.h"

#include <optional>
#include <string>

#include "bot/guard/dates.h"
#include "bot/text_normalize.h"

namespace noodbel {
namespace {

bool is_birth_cue(const NoteTokens& note, std::size_t i) {
  const Token& t = note.tokens[i];
  if (t.is_symbol("\xC2\xB0")) return true;  // "°"
  if (!t.has(kBirthCue)) return false;
  if (t.folded.starts_with("ne")) {  // né, née: the accent tells them from "ne ... pas"
    const std::string lowered = lower_text(note.text.substr(t.start, t.end - t.start));
    return lowered.starts_with("n\xC3\xA9");
  }
  return true;
}

// Symbols allowed between a birth word and its date.
bool is_birth_symbol(const NoteTokens& note, std::size_t cue, std::size_t j) {
  const Token& t = note.tokens[j];
  const bool abbreviation_dot = t.is_symbol(".") && j == cue + 1;
  return abbreviation_dot || t.is_symbol(":") || t.is_symbol(",") || t.is_symbol("(") ||
         t.is_symbol(")") || t.is_symbol("\xC2\xB0") || t.is_symbol("'");
}

// The last token of the date after the birth word at `cue`, or nothing.
std::optional<std::size_t> date_after_cue(const NoteTokens& note, std::size_t cue) {
  for (std::size_t j = cue + 1, steps = 0; j < note.tokens.size() && steps < 8; ++j, ++steps) {
    const Token& t = note.tokens[j];
    if (t.newline_before) return std::nullopt;
    if (t.is_number() || t.has(kMonth)) {
      if (const auto end = date_end_at(note, j)) return end;
      if (t.is_number()) return std::nullopt;  // "geboren in 2019": a year only
      continue;
    }
    if (t.type == TokenType::kSymbol) {
      if (!is_birth_symbol(note, cue, j)) return std::nullopt;
      continue;
    }
    if (!t.has(kBirthFiller | kWeekday) && !t.upper) return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

void scan_birth_dates(const NoteTokens& note, std::vector<Finding>& out) {
  for (std::size_t i = 0; i < note.tokens.size(); ++i) {
    if (!is_birth_cue(note, i)) continue;
    if (const auto end = date_after_cue(note, i)) {
      add_finding(out, note.text, FindingKind::kBirthDate, note.tokens[i].start,
                  note.tokens[*end].end);
      i = *end;
    }
  }
}

}  // namespace noodbel
