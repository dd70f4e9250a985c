#include "bot/guard/street_scanner.h"

#include <algorithm>
#include <optional>
#include <string>

#include "bot/guard/house_number.h"

namespace noodbel {
namespace {

// The word ends in `suffix` and has at least two letters before it.
bool has_suffix(std::string_view word, std::string_view suffix) {
  return word.ends_with(suffix) && word.size() >= suffix.size() + 2;
}

bool is_weak_street_word(const Lexicon& lexicon, std::string_view word) {
  const auto& suffixes = lexicon.weak_street_suffixes();
  return std::find(suffixes.begin(), suffixes.end(), word) != suffixes.end();
}

// A street word or a word ending in one: strong ones ("straat") even in lower case, weak
// ones ("markt") only capitalised.
bool is_street_word(const Lexicon& lexicon, const Token& t) {
  if (!t.is_word() || (t.has(kStreetException) && !t.upper)) return false;
  const std::string_view w = t.folded;
  if (t.has(kStrongStreet)) return t.upper;
  for (const std::string& suffix : lexicon.strong_street_suffixes()) {
    if (has_suffix(w, suffix)) return true;
  }
  if (!t.upper) return false;
  for (const std::string& suffix : lexicon.weak_street_suffixes()) {
    if (w == suffix || has_suffix(w, suffix)) return true;
  }
  return false;
}

// The first token of the street name ending at token i: the capitalised words before it
// ("Grote Markt", "Frans Van Cauwelaertlaan"), never a leading particle.
std::size_t street_name_start(const NoteTokens& note, std::size_t i, bool standalone) {
  std::size_t start = i;
  std::size_t k = i;
  for (int steps = 0; k > 0 && steps < 4; ++steps) {
    const Token& prev = note.tokens[k - 1];
    const Token& cur = note.tokens[k];
    if (!prev.is_word() || cur.newline_before) break;
    if (prev.has(kParticle)) {
      --k;
      continue;
    }
    const bool may_join = !prev.sentence_start || standalone || prev.has(kStreetQualifier);
    if (!prev.upper || !may_join || prev.has(kStopword)) break;
    --k;
    start = k;
  }
  return start;
}

// The last capitalised word of the French street name after the street word at i
// ("rue de la Loi"), or nothing.
std::optional<std::size_t> french_name_end(const NoteTokens& note, std::size_t i) {
  std::size_t j = i + 1;
  if (const Token* dot = note.at(j); dot != nullptr && dot->is_symbol(".")) ++j;
  std::optional<std::size_t> name_end;
  for (int steps = 0; j < note.tokens.size() && steps < 7; ++steps, ++j) {
    const Token& t = note.tokens[j];
    if (t.newline_before) break;
    if (t.is_word() && t.upper && !t.has(kFrenchParticle)) {
      name_end = j;
    } else if (!t.has(kFrenchParticle) && !t.is_symbol("'") && !t.is_symbol("\xE2\x80\x99")) {
      break;
    }
  }
  return name_end;
}

// "rue de la Loi 16", "16, rue de la Loi", "Chaussée de Louvain 456".
void french_address(const NoteTokens& note, std::size_t i, std::vector<Finding>& out) {
  const std::optional<std::size_t> name_end = french_name_end(note, i);
  if (!name_end) return;
  if (const auto number = house_number_at(note, *name_end + 1)) {
    add_finding(out, note.text, FindingKind::kAddress, note.tokens[i].start,
                note.tokens[*number].end);
    return;
  }
  std::size_t k = i;
  if (k > 0 && note.tokens[k - 1].is_symbol(",")) --k;
  if (k > 0 && note.tokens[k - 1].is_number() && note.tokens[k - 1].folded.size() <= 4 &&
      !note.tokens[k].newline_before) {
    add_finding(out, note.text, FindingKind::kAddress, note.tokens[k - 1].start,
                note.tokens[*name_end].end);
  }
}

// The first token of a house number written before the street name that starts at token
// `start`: "12 Kerkstraat", "op nummer 14 in de Molenstraat". Nothing when there is none.
std::optional<std::size_t> number_before(const NoteTokens& note, std::size_t start) {
  const std::vector<Token>& tokens = note.tokens;
  std::size_t k = start;
  int fillers = 0;
  while (k > 0 && fillers < 3 && tokens[k - 1].has(kAddressFiller) && !tokens[k].newline_before) {
    --k;
    ++fillers;
  }
  if (k == 0 || tokens[k].newline_before) return std::nullopt;
  const Token& number = tokens[k - 1];
  if (!number.is_number() || number.folded.size() > 4 || number.folded[0] == '0')
    return std::nullopt;
  if (fillers == 0) return k - 1;
  // Across words ("op nummer 14 in de"), only a number introduced as such.
  if (k >= 2 && tokens[k - 2].has(kNumberWord)) return k - 2;
  return std::nullopt;
}

// The Dutch street word at i with its number after or before it; the index to go on from.
std::size_t dutch_address(const NoteTokens& note, std::size_t i, std::vector<Finding>& out) {
  const Token& t = note.tokens[i];
  const bool standalone = t.has(kStrongStreet) || is_weak_street_word(note.lexicon, t.folded);
  const std::size_t start = street_name_start(note, i, standalone);
  if (const auto number = house_number_at(note, i + 1)) {
    add_finding(out, note.text, FindingKind::kAddress, note.tokens[start].start,
                note.tokens[*number].end);
    return *number;
  }
  if (const auto first = number_before(note, start)) {
    add_finding(out, note.text, FindingKind::kAddress, note.tokens[*first].start, t.end);
  }
  return i;
}

}  // namespace

void scan_streets(const NoteTokens& note, std::vector<Finding>& out) {
  for (std::size_t i = 0; i < note.tokens.size(); ++i) {
    const Token& t = note.tokens[i];
    if (!t.is_word()) continue;
    if (t.has(kFrenchStreet)) {
      french_address(note, i, out);
    } else if (is_street_word(note.lexicon, t)) {
      i = dutch_address(note, i, out);
    }
  }
}

}  // namespace noodbel
