// AnonymizationGuard: finds what could identify a child in a crisis call's free text.
// Called by the engine (/crisis) and `noodbel check-note`. Immutable: thread-safe.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "bot/postcodes.h"
#include "bot/result.h"
#include "bot/templates.h"
#include "bot/types.h"

namespace noodbel {

enum class FindingKind { kPhone, kEmail, kUrl, kNationalId, kAddress, kBirthDate, kName };
// "phone", "email", "url", "national_id", "address", "birth_date", "name".
std::string_view to_string(FindingKind kind);

// One piece of identifying text: byte offsets [start, end) into the checked note.
struct Finding {
  FindingKind kind = FindingKind::kName;
  std::string text;
  std::size_t start = 0;
  std::size_t end = 0;
  bool operator==(const Finding&) const = default;
};

// Finds names, phone numbers, e-mail addresses, URLs, street addresses, national register
// numbers and birth dates.
class AnonymizationGuard {
 public:
  // first_names: the text of the first-name list (config/first-names.txt, read by
  // adapters/data/guard_loader.h), one name per line (case- and accent-insensitive, '#'
  // starts a comment line); `source` names it in errors. Municipalities and places of
  // `postcodes` are never names.
  static Result<AnonymizationGuard> parse(std::string_view first_names, std::string_view source,
                                          const Postcodes& postcodes);
  static AnonymizationGuard from_lists(std::vector<std::string> first_names,
                                       std::vector<std::string> places);

  // Every finding in `note` (UTF-8), sorted by start, never overlapping; empty = clean.
  std::vector<Finding> check(std::string_view note) const;

 private:
  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using WordSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

  AnonymizationGuard(WordSet names, WordSet places);

  WordSet names_;         // folded first names
  WordSet places_;        // folded place names, each "/"-separated form, spaces kept
  WordSet place_starts_;  // first words of the place names that have several words
};

// The refusal for a caseworker: templates/<lang>/guard_<kind>.txt per finding (with
// {text}) inside guard_refused.txt (with {findings}). An Error when a template is missing.
Result<std::string> render_refusal(const Templates& templates, Language lang,
                                   const std::vector<Finding>& findings);

}  // namespace noodbel
