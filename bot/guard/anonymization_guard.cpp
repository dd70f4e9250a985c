#include "bot/guard/anonymization_guard.h"

#include <fmt/format.h>

#include <utility>

#include "bot/guard/address_scanner.h"
#include "bot/guard/birth_date_scanner.h"
#include "bot/guard/email_scanner.h"
#include "bot/guard/name_scanner.h"
#include "bot/guard/national_id_scanner.h"
#include "bot/guard/note_tokens.h"
#include "bot/guard/overlaps.h"
#include "bot/guard/phone_scanner.h"
#include "bot/guard/place_marks.h"
#include "bot/guard/tokenizer.h"
#include "bot/guard/url_scanner.h"
#include "bot/guard/word_list.h"

// How the guard reads a note: scanners for e-mail, URLs, phone numbers and national
// register numbers read the raw bytes; one pass (tokenizer.h) splits the note into tokens
// that keep their byte offsets, and the scanners for birth dates, addresses and names read
// those. Overlapping findings are resolved by kind priority (overlaps.h: an e-mail address
// wins over the name inside it). No std::regex: each scanner is a small hand-written state
// machine. Word lists (lexicon.h) are folded (lower case, no accents) and compared with
// folded tokens.

namespace noodbel {

AnonymizationGuard::AnonymizationGuard(NameLists names, Lexicon lexicon)
    : names_(std::move(names)), lexicon_(std::move(lexicon)) {}

Result<AnonymizationGuard> AnonymizationGuard::parse(std::string_view first_names,
                                                     std::string_view source,
                                                     const Postcodes& postcodes, Lexicon lexicon) {
  auto names = parse_list_lines(first_names, source, "name");
  if (!names) return names.error();
  if (names->empty()) {
    return Error::Invalid(fmt::format(
        "{} holds no first names: the guard needs the list, one name per line", source));
  }
  std::vector<std::string> places;
  places.reserve(postcodes.places().size());
  for (const Place& place : postcodes.places()) places.push_back(place.name);
  return from_lists(std::move(*names), std::move(places), std::move(lexicon));
}

AnonymizationGuard AnonymizationGuard::from_lists(std::vector<std::string> first_names,
                                                  std::vector<std::string> places,
                                                  Lexicon lexicon) {
  return AnonymizationGuard(NameLists::from_lists(first_names, places), std::move(lexicon));
}

std::vector<Finding> AnonymizationGuard::check(std::string_view note) const {
  std::vector<Finding> found;
  scan_emails(note, found);
  scan_handles(note, found);
  scan_urls(note, lexicon_, found);
  scan_national_ids(note, found);
  scan_phones(note, found);
  const std::vector<Token> tokens = tokenize(note, lexicon_);
  const NoteTokens note_tokens{note, tokens, lexicon_};
  const PlaceMarks marks = mark_places(note_tokens, names_);
  scan_birth_dates(note_tokens, found);
  scan_addresses(note_tokens, marks, found);
  scan_names(note_tokens, names_, marks, found);
  return resolve_overlaps(std::move(found));
}

}  // namespace noodbel
