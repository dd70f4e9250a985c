// Lexicon: the anonymization guard's word lists (config/guard/<list>.txt: stop words,
// cues, street words, months, ...) folded and merged into one look-up per word. Built
// once at start-up from the lists adapters/data/guard_loader reads; immutable, so
// thread-safe. Read by the guard's tokenizer and scanners (bot/guard/).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "bot/guard/word_set.h"
#include "bot/result.h"

namespace noodbel {

// What the lists say about a word, as bits: each token is looked up once.
enum WordFlag : std::uint32_t {
  kNeverName = 1u << 0,
  kWeekday = 1u << 1,
  kMonth = 1u << 2,
  kAmbiguousName = 1u << 3,
  kStopword = 1u << 4,
  kParticle = 1u << 5,
  kRelationCue = 1u << 6,
  kSurnameCue = 1u << 7,
  kNamingCue = 1u << 8,
  kConnector = 1u << 9,
  kOrganisationPrefix = 1u << 10,
  kSaintPrefix = 1u << 11,
  kPlacePreposition = 1u << 12,
  kBirthCue = 1u << 13,
  kBirthFiller = 1u << 14,
  kOrdinal = 1u << 15,
  kStrongStreet = 1u << 16,
  kStreetException = 1u << 17,
  kFrenchStreet = 1u << 18,
  kFrenchParticle = 1u << 19,
  kUnit = 1u << 20,
  kAbbreviatedCue = 1u << 21,
  kNumberWord = 1u << 22,
  kBoxWord = 1u << 23,
  kStreetQualifier = 1u << 24,
  kAddressCue = 1u << 25,
  kAddressFiller = 1u << 26,
  kNameWord = 1u << 27,
  kStatusWord = 1u << 28,
};

// One list as read from its file: the file (for errors) and its entries, as written.
struct WordList {
  std::string source;
  std::vector<std::string> entries;
};
// Every list by name ("stopwords" for config/guard/stopwords.txt).
using WordLists = std::map<std::string, WordList, std::less<>>;

class Lexicon {
 public:
  // The name of every list the guard needs: the loader reads config/guard/<name>.txt, or
  // config/lexicon/<name>.txt for a list shared with the reply parser.
  static const std::vector<std::string_view>& list_names();
  // True for "months" and "weekdays": the names the reply parser reads too.
  static bool is_shared_with_reply_parser(std::string_view name);

  // InvalidInput naming the file when a list is missing or empty, holds a phrase where one
  // word per line belongs, or a line of months is not "<1-12> <word>..." (of weekdays:
  // "<1-7> <word>..."; a " | " among the words is skipped).
  static Result<Lexicon> from_lists(const WordLists& lists);

  // The WordFlag bits of a folded word; 0 for a word on no list.
  std::uint32_t flags_of(std::string_view folded) const;
  // 1-12 for a folded month name ("maart", "mrt", "mars"), 0 for any other word.
  int month_number(std::string_view folded) const;
  // A top-level domain a bare host name may end with ("be", "com"), in lower case.
  bool is_url_tld(std::string_view lower) const { return url_tlds_.contains(lower); }

  const std::vector<std::string>& strong_street_suffixes() const { return strong_suffixes_; }
  const std::vector<std::string>& weak_street_suffixes() const { return weak_suffixes_; }
  const std::vector<std::string>& relation_suffixes() const { return relation_suffixes_; }
  // Organisation names of several words ("kind en gezin"), each as its words.
  const std::vector<std::vector<std::string>>& organisation_phrases() const { return phrases_; }

 private:
  Lexicon() = default;

  Status add_flag_lists(const WordLists& lists);
  Status add_months(const WordList& months);
  Status add_weekdays(const WordList& weekdays);
  Status add_word_lists(const WordLists& lists);

  WordMap<std::uint32_t> flags_;
  WordMap<int> months_;
  WordSet url_tlds_;
  std::vector<std::string> strong_suffixes_;
  std::vector<std::string> weak_suffixes_;
  std::vector<std::string> relation_suffixes_;
  std::vector<std::vector<std::string>> phrases_;
};

}  // namespace noodbel
