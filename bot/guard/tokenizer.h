// tokenize: the one pass that splits a note into the tokens the guard's date, address and
// name scanners read. Called by AnonymizationGuard::check; pure, thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include "bot/guard/lexicon.h"
#include "bot/guard/token.h"

namespace noodbel {

// Words (letters and marks joined by inner hyphens, folded and looked up in `lexicon`),
// digit runs and single symbols; white space only sets the flags of the next token.
// Bytes that are not UTF-8 become one-byte symbols.
std::vector<Token> tokenize(std::string_view text, const Lexicon& lexicon);

}  // namespace noodbel
