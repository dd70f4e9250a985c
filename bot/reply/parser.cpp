// Reply parser in five steps, each in a file of its own under bot/reply/:
//   1. Normalise into a fixed stack buffer (no heap; normalize.h). Each word remembers
//      where it came from in the original text, so conditions and notes quote the family
//      as written.
//   2. Find the conditions of an answer and what is said about calls (conditions.h):
//      "voor 1 nacht", "pas vanaf 18u", "bel eerst even", "geen baby's", "maar 1 kind",
//      "kunnen niet rijden", "bel me later".
//   3. Classify the other words against the lexicon (lexicon.h, classify.h): answer words,
//      commands, markers ("maar", "als"), and the words that are understood without
//      changing anything (politeness, pronouns, "opvangen", emoji).
//   4. Decide (here): a command word first in the message wins; then a setting said
//      anywhere (settings.h); then the answer (answer.h): yes / no / maybe / call-me /
//      unknown. A yes keeps its conditions and stays a yes; a yes whose "maar" / "als" is
//      followed by words the parser does not understand ("ja maar mijn dochter is ziek")
//      is a maybe. Conditions alone ("vanaf 17u") are a yes with those conditions. A
//      question that does not open with an answer is left out, except a request to be
//      called.
//   5. The note (note.h): the words of a yes or maybe that were not understood, as
//      written, each run of them trimmed of politeness and joined by " ... ".
#include "bot/reply/parser.h"

#include <utility>

#include "bot/reply/answer.h"
#include "bot/reply/classify.h"
#include "bot/reply/conditions.h"
#include "bot/reply/dates.h"
#include "bot/reply/normalize.h"
#include "bot/reply/note.h"
#include "bot/reply/settings.h"

namespace noodbel {
namespace reply {
namespace {

ParsedReply decide(const Normalized& n, const Spans& spans, Items& items, const ReplyContext& ctx,
                   const DateWords& words) {
  if (items.first_token == kMaxTokens) return {};
  if (items.first_classified) {
    if (auto c = command(n, items, ctx, words)) return std::move(*c);
  } else if (auto d = bare_distance(n, items.first_token)) {
    return std::move(*d);
  }
  drop_questions(n, spans, items);
  const Mentions m = mentions(n, items);
  if (m.noise) return {};
  if (m.stop) return reply_of(Intent::kStop);
  if (m.start) return reply_of(Intent::kStart);
  if (m.resume) return reply_of(Intent::kResume);
  if (m.pause) return pause_reply(n, ctx, words);
  if (m.status) return reply_of(Intent::kStatus);
  if (m.help) return reply_of(Intent::kHelp);
  ParsedReply distance = reply_of(Intent::kDistance);
  if (m.km) {
    distance.km = m.km;
    return distance;
  }
  ParsedReply answer = reply_of(answer_intent(n, spans, items));
  // "we kunnen tot 25 km rijden", "30 kilometer is ok": a distance unless an answer word
  // comes first ("ja, we kunnen tot 25 km rijden" answers the call).
  if (const std::optional<KmFigure> km = km_anywhere(n)) {
    bool answered_first = false;
    for (std::size_t i = 0; i < items.size && items.list[i].first < km->token; ++i) {
      answered_first = answered_first || is_strong_answer(items.list[i].kind);
    }
    if (!answered_first) {
      distance.km = km->km;
      return distance;
    }
  }
  if (m.resume_soft && answer.intent == Intent::kUnknown) return reply_of(Intent::kResume);
  if (m.pause_soft) {  // "op vakantie tot 3 december"; "nee, we zijn zelf op reis" stays a no
    const Until until = find_until(n, ctx, words);
    if (until.said || answer.intent == Intent::kUnknown) {
      ParsedReply r = reply_of(Intent::kPause);
      r.until = until.iso;
      return r;
    }
  }
  if (answer.intent == Intent::kYes || answer.intent == Intent::kMaybe) {
    attach_conditions(n, spans, items, answer);
    answer.note = note_of(n, items);
  }
  return answer;
}

}  // namespace
}  // namespace reply

ParsedReply ReplyParser::parse(std::string_view text) const { return parse(text, ReplyContext{}); }

ParsedReply ReplyParser::parse(std::string_view text, const ReplyContext& ctx) const {
  const reply::Normalized n(text);
  if (n.only_question_marks()) return {};  // a lone "?" is a question, not a request for help
  const reply::Spans spans =
      reply::scan_spans(n, reply::moment_of(ctx), {date_words_, condition_words_, gate_});
  reply::Items items = reply::classify_all(n, spans, lexicon_);
  ParsedReply r = reply::decide(n, spans, items, ctx, date_words_);
  r.call_code = std::move(items.code);
  return r;
}

}  // namespace noodbel
