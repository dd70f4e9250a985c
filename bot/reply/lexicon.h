// Internal to the reply parser: the lexicon of words and phrases a family uses, each with
// its meaning (a Kind), parsed from the text of config/lexicon/words.tsv (the format is
// described at the top of that file), and the classification of a normalised message's
// words against it (longest phrase wins; words match "stretched": "jaaaa" is "ja"). Built
// once by a loader (adapters/data/reply_lexicon_loader.h); read-only afterwards, so
// thread-safe; cheap to copy (the index is shared). Not part of the parser's contract.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <utility>

#include "bot/reply/normalize.h"
#include "bot/result.h"

namespace noodbel::reply {

enum class Kind : std::uint8_t {
  kNone,  // means nothing here (a command word that is not the first word)
  kYes,
  kCan,  // "kunnen", "lukt", "peut": a yes unless negated ("kan niet" is a no)
  kNo,
  kWeakNo,  // "sorry", "helaas": a no only when nothing else is said
  kNeg,     // "niet", "not": a no on its own, the start of a condition after a yes
  kPas,     // "pas": Dutch "only (from)" before a time, French "not" otherwise
  kMaybe,
  kMaybeSoft,    // "eerst": a maybe only when nothing else is said
  kWhen,         // "morgen", "straks": a condition after a yes, a maybe on its own
  kTonight,      // "vanavond": no condition after a yes (crises are today), a maybe alone
  kMarkerAfter,  // "maar", "but": after a yes, the condition is what follows
  kMarkerAt,     // "only", "tot": after a yes, the condition starts here
  kFrom,         // "vanaf", "from": starts a condition after a yes, or on its own
  kNoise,        // "verkeerd nummer": not an answer at all
  kStop,
  kStart,
  kPause,
  kPauseSoft,  // "op vakantie": a pause when a date is given or nothing else is said
  kResume,
  kResumeSoft,  // "we zijn terug": a resume when nothing else is said
  kStatus,
  kHelp,
  kDistance,   // first word: a distance; later: a distance when a number follows
  kMaxKm,      // "max" later in a message: a distance only as "max 25 km"
  kMaybeWhy,   // "overleggen", "laat het weten": a maybe whose words are its reason (kept)
  kHelpAlone,  // "info", "uitleg": help when nothing else but politeness is said
  kFiller,     // politeness, interjections: understood, trimmed from the edges of a note
  kGlue,       // pronouns, articles, "opvangen", "thuis": understood, kept inside a note
  kNotToday,   // "vandaag niet": a no unless the message gives a later start
  kSpan,       // the words of a condition or of a call (bot/reply/spans.h)
};

// The name of a meaning in the lexicon file ("yes", "weak_no", "help_alone"), and back;
// kSpan has a name but no lexicon entry may have it.
std::string_view to_string(Kind k);
std::optional<Kind> kind_named(std::string_view name);

struct Item {
  Kind kind = Kind::kNone;
  std::size_t first = 0;  // token index
  std::size_t count = 0;  // tokens covered
  std::size_t span = 0;   // kSpan: index in Spans::list
};

// A call code token ("k42" normalised); a word token is neither a code nor an emoji.
bool is_code_token(std::string_view w);
bool is_word_token(std::string_view w);

class Lexicon {
 public:
  // The entries of `text`, in order. An error names `source`, the line and how to fix it:
  // a line that is not PHRASE<tab>MEANING[<tab>MEANING], a phrase that is not normalised
  // words (lower-case a-z and 0-9, one space between them, at most 4 words of at most 32
  // letters), an unknown meaning; or no entries at all.
  static Result<Lexicon> parse(std::string_view text, std::string_view source);

  std::size_t size() const;  // entries

  // The longest phrase starting at token `t` that stays within the tokens `free` allows,
  // with its meaning there (as the message's first word or later).
  template <typename Free>
  std::optional<Item> classify(const Normalized& n, std::size_t t, bool first_word,
                               const Free& free) const {
    std::size_t limit = t;
    while (limit < n.size() && free(limit)) ++limit;
    return classify_within(n, t, limit, first_word);
  }

  // The phrase-matching core behind classify: `limit` is one past the last token a phrase
  // may cover.
  std::optional<Item> classify_within(const Normalized& n, std::size_t t, std::size_t limit,
                                      bool first_word) const;

 private:
  struct Index;
  explicit Lexicon(std::shared_ptr<const Index> index) : index_(std::move(index)) {}

  std::shared_ptr<const Index> index_;
};

}  // namespace noodbel::reply
