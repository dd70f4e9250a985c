// Internal to the reply parser, step 4b: the answer the classified words give, read in
// order: yes / no / maybe / call-me / unknown. A yes keeps its conditions and stays a yes;
// a yes whose "maar" / "als" is followed by words the parser does not understand is a
// maybe; conditions alone are a yes. Not part of the parser's contract. Pure; thread-safe.
#pragma once

#include "bot/reply/classify.h"
#include "bot/reply/normalize.h"
#include "bot/reply/parsed_reply.h"
#include "bot/reply/spans.h"

namespace noodbel::reply {

// The intent of the answer; marks the words of a reservation as not understood in `items`.
Intent answer_intent(const Normalized& n, const Spans& spans, Items& items);

}  // namespace noodbel::reply
