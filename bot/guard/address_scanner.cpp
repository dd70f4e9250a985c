#include "bot/guard/address_scanner.h"

#include "bot/guard/house_number.h"
#include "bot/guard/street_scanner.h"

namespace noodbel {
namespace {

// The last word of the street name starting at word j: up to three more capitalised words
// or particles on the same line that are no place.
std::size_t street_name_end(const NoteTokens& note, const PlaceMarks& marks, std::size_t j) {
  std::size_t last = j;
  while (last + 1 < j + 4 && note.at(last + 1) != nullptr && note.at(last + 1)->is_word() &&
         (note.at(last + 1)->upper || note.at(last + 1)->has(kParticle)) &&
         !marks.place[last + 1] && !note.at(last + 1)->newline_before) {
    ++last;
  }
  return last;
}

// Between an address word and the street name: ":", ",", fillers, postcodes, places.
bool skipped_after_cue(const Token& t, bool place) {
  const bool postcode = t.is_number() && t.folded.size() == 4;
  return t.is_symbol(":") || t.is_symbol(",") || t.has(kAddressFiller) || postcode || place;
}

// "adres: Meir 50", "woonachtig te 2000 Antwerpen, Meir 50": past fillers, postcodes and
// places, capitalised words and a house number.
void address_after_cue(const NoteTokens& note, const PlaceMarks& marks, std::size_t i,
                       std::vector<Finding>& out) {
  for (std::size_t j = i + 1, steps = 0; j < note.tokens.size() && steps < 8; ++j, ++steps) {
    const Token& t = note.tokens[j];
    if (t.newline_before) return;
    if (skipped_after_cue(t, marks.place[j])) continue;
    if (!t.is_word() || !t.upper || t.has(kStopword | kNeverName)) return;
    const std::size_t last = street_name_end(note, marks, j);
    if (const auto number = house_number_at(note, last + 1)) {
      add_finding(out, note.text, FindingKind::kAddress, t.start, note.tokens[*number].end);
    }
    return;
  }
}

}  // namespace

void scan_addresses(const NoteTokens& note, const PlaceMarks& marks, std::vector<Finding>& out) {
  scan_streets(note, out);
  for (std::size_t i = 0; i < note.tokens.size(); ++i) {
    if (note.tokens[i].has(kAddressCue)) address_after_cue(note, marks, i, out);
  }
}

}  // namespace noodbel
