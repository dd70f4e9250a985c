// Internal to the reply parser: finds the conditions of an answer in a normalised message
// ("voor 1 nacht", "pas vanaf 18u", "bel eerst", "geen baby's", "maar 1 kind", "kunnen
// niet rijden") and what the family says about calls ("bel me later", "ik bel je terug").
// Not part of the parser's contract. Pure functions; thread-safe.
#pragma once

#include "bot/condition.h"
#include "bot/reply/condition_gate.h"
#include "bot/reply/condition_words.h"
#include "bot/reply/dates.h"
#include "bot/reply/normalize.h"
#include "bot/reply/spans.h"

namespace noodbel::reply {

// What the scanner reads with: the parser's date words, condition word lists and the gate
// built from them (all owned by the ReplyParser).
struct ConditionData {
  const DateWords& dates;
  const ConditionWords& words;
  const ConditionGate& gate;
};

// The readers are tried only at words that can open a condition (numbers, day and month
// names, and the words `data.gate` opens on), which keeps the scan fast; `everywhere` tries
// them at every word, so a test can check that the gate changes nothing.
Spans scan_spans(const Normalized& n, const Moment& m, const ConditionData& data,
                 bool everywhere = false);

// The Condition a span stands for, its words quoted from the original text.
Condition to_condition(const Normalized& n, const Span& s);

}  // namespace noodbel::reply
