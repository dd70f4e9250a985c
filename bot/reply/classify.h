// Internal to the reply parser, step 3: the words of a message classified against the
// lexicon (bot/reply/lexicon.h), the conditions and calls found in step 2 kept as spans,
// and what each word does for the note. Not part of the parser's contract. Fixed-size
// values (no heap); thread-safe.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "bot/reply/lexicon.h"
#include "bot/reply/normalize.h"
#include "bot/reply/spans.h"

namespace noodbel::reply {

// What a word does for the note.
enum class Role : std::uint8_t {
  kLeftover,  // not understood: quoted in the note
  kFiller,    // understood; trimmed from the edges of a note
  kSoft,      // understood; may sit inside a note ("kan", "als", pronouns)
  kHard,      // the answer itself, a code, a condition: never in a note
};

// Yes, no, maybe, or a maybe with its reason: the words that answer a call outright.
bool is_strong_answer(Kind k);

// The classified words of a message, call codes left out. Fixed size: no heap.
struct Items {
  std::array<Item, kMaxTokens> list{};
  std::size_t size = 0;
  std::optional<std::string> code;       // the first call code, upper-cased
  std::size_t first_token = kMaxTokens;  // first token that is not a call code
  bool first_classified = false;         // list[0] starts at first_token
  std::uint64_t opens_with_answer = 0;   // bit s: sentence s starts with yes/no/maybe
  std::array<Role, kMaxTokens> role{};
  std::array<std::uint8_t, kMaxTokens> clause{};  // clauses end at a sentence end or a comma
};

// Marks the tokens of `it` with role `r`.
void mark(Items& items, const Item& it, Role r);

// Every word of the message classified against `lexicon`, codes taken out, left to right; a
// day word alone in a clause that gives a reason to wait is not a start time.
Items classify_all(const Normalized& n, const Spans& spans, const Lexicon& lexicon);

// Leaves out the words of questions ("hoeveel km is dat?", "is het voor 1 nacht?"),
// unless the question opens with an answer ("ja, hoe laat?") or asks for settings, help
// or a call ("kan je me bellen?"); a question about the pause asks for the settings.
void drop_questions(const Normalized& n, const Spans& spans, Items& items);

}  // namespace noodbel::reply
