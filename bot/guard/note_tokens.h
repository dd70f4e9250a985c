// NoteTokens: one note as the anonymization guard's token scanners read it (its text, its
// tokens and the lexicon), with the look-ups they share. Made by AnonymizationGuard::check
// for one call; read-only, it views what it is given.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "bot/guard/lexicon.h"
#include "bot/guard/token.h"

namespace noodbel {

struct NoteTokens {
  std::string_view text;
  const std::vector<Token>& tokens;
  const Lexicon& lexicon;

  // Token i, or nullptr past the end.
  const Token* at(std::size_t i) const { return i < tokens.size() ? &tokens[i] : nullptr; }
  // Token i follows i-1 directly, without whitespace.
  bool glued(std::size_t i) const {
    return i > 0 && i < tokens.size() && tokens[i].start == tokens[i - 1].end;
  }
  // Token i exists and is a word with `flag`.
  bool word_has(std::size_t i, std::uint32_t flag) const {
    const Token* t = at(i);
    return t != nullptr && t->has(flag);
  }
};

}  // namespace noodbel
