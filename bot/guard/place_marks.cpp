#include "bot/guard/place_marks.h"

#include <algorithm>
#include <optional>
#include <string>

namespace noodbel {
namespace {

// The longest place name starting at token i ("Gent", "De Pinte", "'s Gravenwezel").
std::optional<std::size_t> place_at(const NoteTokens& note, const NameLists& names, std::size_t i) {
  const std::vector<Token>& tokens = note.tokens;
  std::optional<std::size_t> found;
  std::string phrase = tokens[i].folded;
  if (tokens[i].is_word() && names.places.contains(phrase)) found = i;
  if (!tokens[i].is_symbol("'") && !names.place_starts.contains(phrase)) return found;
  for (std::size_t k = i + 1; k < tokens.size() && k <= i + 4; ++k) {
    if (tokens[k].newline_before) break;
    if (tokens[k].space_before) phrase.push_back(' ');
    phrase += tokens[k].folded;
    if (tokens[k].is_word() && names.places.contains(phrase)) found = k;
  }
  return found;
}

// After "in", "à", "near" or a postcode, a word is read as a place.
bool after_place_word(const NoteTokens& note, std::size_t i) {
  if (i == 0) return false;
  const Token& prev = note.tokens[i - 1];
  return prev.has(kPlacePreposition) || (prev.is_number() && prev.folded.size() == 4);
}

void block_places(const NoteTokens& note, const NameLists& names, PlaceMarks& marks) {
  const std::vector<Token>& tokens = note.tokens;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (!tokens[i].is_word() && !tokens[i].is_symbol("'")) continue;
    const auto last = place_at(note, names, i);
    if (!last) continue;
    // A place that is also a common first name ("Veerle") is a place only where a
    // preposition or a postcode says so.
    if (*last == i && names.first_names.contains(tokens[i].folded) && !after_place_word(note, i)) {
      continue;
    }
    for (std::size_t k = i; k <= *last; ++k) marks.place[k] = marks.blocked[k] = true;
    i = *last;
  }
}

// A multi-word organisation name of the lexicon starting at token i ("Kind en Gezin").
void block_phrase_at(const NoteTokens& note, std::size_t i, PlaceMarks& marks) {
  const std::vector<Token>& tokens = note.tokens;
  for (const std::vector<std::string>& phrase : note.lexicon.organisation_phrases()) {
    std::size_t k = i;
    bool match = true;
    for (const std::string& word : phrase) {
      if (k >= tokens.size() || !tokens[k].is_word() || tokens[k].folded != word) {
        match = false;
        break;
      }
      ++k;
    }
    if (match) {
      std::fill(marks.blocked.begin() + static_cast<std::ptrdiff_t>(i),
                marks.blocked.begin() + static_cast<std::ptrdiff_t>(k), true);
    }
  }
}

// The capitalised words after an organisation prefix at token i ("AZ Sint-Jan").
void block_after_prefix(const NoteTokens& note, std::size_t i, PlaceMarks& marks) {
  const std::vector<Token>& tokens = note.tokens;
  for (std::size_t k = i + 1, steps = 0; k < tokens.size() && steps < 4; ++k, ++steps) {
    const Token& t = tokens[k];
    if (t.newline_before) break;
    if (t.is_word() && t.upper) {
      marks.blocked[k] = true;
    } else if (!(t.has(kParticle) && t.folded != "van") && !t.is_symbol("-") && !t.is_symbol("'")) {
      break;
    }
  }
}

void block_organisations(const NoteTokens& note, PlaceMarks& marks) {
  for (std::size_t i = 0; i < note.tokens.size(); ++i) {
    if (!note.tokens[i].is_word()) continue;
    block_phrase_at(note, i, marks);
    if (note.tokens[i].has(kOrganisationPrefix)) block_after_prefix(note, i, marks);
  }
}

}  // namespace

PlaceMarks mark_places(const NoteTokens& note, const NameLists& names) {
  PlaceMarks marks{std::vector<bool>(note.tokens.size(), false),
                   std::vector<bool>(note.tokens.size(), false)};
  block_places(note, names, marks);
  block_organisations(note, marks);
  return marks;
}

}  // namespace noodbel
