#include "bot/guard/note_tokens_fixture.h"

#include "bot/guard/tokenizer.h"
#include "support/shipped_data.h"

namespace noodbel::guard_checks {

TokenizedNote::TokenizedNote(std::string text_in)
    : text(std::move(text_in)), tokens(tokenize(text, test_data::shipped_lexicon())) {}

NoteTokens TokenizedNote::view() const {
  return NoteTokens{text, tokens, test_data::shipped_lexicon()};
}

std::string TokenizedNote::span(std::size_t first, std::optional<std::size_t> last) const {
  if (!last) return "";
  return text.substr(tokens[first].start, tokens[*last].end - tokens[first].start);
}

}  // namespace noodbel::guard_checks
