// Internal to the reply parser, step 5: what a yes or maybe carries, its conditions and
// the note (the words the parser did not understand, as written). Not part of the parser's
// contract. Pure; thread-safe.
#pragma once

#include <optional>
#include <string>

#include "bot/reply/classify.h"
#include "bot/reply/normalize.h"
#include "bot/reply/parsed_reply.h"
#include "bot/reply/spans.h"

namespace noodbel::reply {

// The conditions of the spans, in the order written; a request to be called is a
// call-first condition of a maybe.
void attach_conditions(const Normalized& n, const Spans& spans, const Items& items, ParsedReply& r);

// The words the parser did not understand, as written: the text from the first to the
// last run of words that are neither the answer nor a condition and hold at least one word
// it did not understand; politeness trimmed from the ends; a question keeps its "?". Always
// a piece of the original text.
std::optional<std::string> note_of(const Normalized& n, const Items& items);

}  // namespace noodbel::reply
