// A note tokenized with the shipped word lists, for the tests of the guard's token steps
// (tests/bot/guard/): dates, house numbers, place marks.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "bot/guard/note_tokens.h"
#include "bot/guard/token.h"

namespace noodbel::guard_checks {

struct TokenizedNote {
  explicit TokenizedNote(std::string text_in);

  // The note as the token scanners read it; valid while this object lives.
  NoteTokens view() const;
  // The text from token `first` to token `last`, both included; "" without a last token.
  std::string span(std::size_t first, std::optional<std::size_t> last) const;

  const std::string text;
  const std::vector<Token> tokens;
};

}  // namespace noodbel::guard_checks
