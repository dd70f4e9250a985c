#include "bot/reply/classify.h"

namespace noodbel::reply {
namespace {

Role role_of(Kind k) {
  switch (k) {
    case Kind::kNone:
      return Role::kLeftover;
    case Kind::kFiller:
      return Role::kFiller;
    case Kind::kMaybeWhy:
    case Kind::kMaybeSoft:
      return Role::kLeftover;
    case Kind::kGlue:
    case Kind::kCan:
    case Kind::kWhen:
    case Kind::kTonight:
    case Kind::kMarkerAt:
    case Kind::kNeg:
    case Kind::kPas:
    case Kind::kFrom:
    case Kind::kWeakNo:
    case Kind::kNotToday:
      return Role::kSoft;
    default:
      return Role::kHard;
  }
}

// A day word alone ("morgen", "straks") is not a start time in a clause that gives a
// reason to wait: "ik laat het morgen weten", "ik bel je straks terug".
void drop_waiting_days(Items& items, const Spans& spans) {
  for (std::size_t i = 0; i < items.size; ++i) {
    Item& it = items.list[i];
    if (it.kind != Kind::kSpan || !spans.list[it.span].bare_when) continue;
    const std::uint8_t clause = items.clause[it.first];
    for (std::size_t j = 0; j < items.size; ++j) {
      const Item& other = items.list[j];
      const bool waits =
          other.kind == Kind::kMaybeWhy || other.kind == Kind::kMaybeSoft ||
          (other.kind == Kind::kSpan && spans.list[other.span].role == SpanRole::kCallsBack);
      if (waits && items.clause[other.first] == clause) {
        it.kind = Kind::kWhen;
        mark(items, it, Role::kSoft);
        break;
      }
    }
  }
}

}  // namespace

bool is_strong_answer(Kind k) {
  return k == Kind::kYes || k == Kind::kNo || k == Kind::kMaybe || k == Kind::kMaybeWhy;
}

void mark(Items& items, const Item& it, Role r) {
  for (std::size_t k = it.first; k < it.first + it.count && k < kMaxTokens; ++k) items.role[k] = r;
}

Items classify_all(const Normalized& n, const Spans& spans, const Lexicon& lexicon) {
  Items out;
  std::uint64_t sentence_seen = 0;
  std::uint8_t clause = 0;
  for (std::size_t t = 0; t < n.size(); ++t) {
    if (t > 0 && (!n.same_sentence(t - 1, t) || n.gap(t - 1).find(',') != std::string_view::npos)) {
      ++clause;
    }
    out.clause[t] = clause;
    out.role[t] = reply::is_word_token(n.word(t)) ? Role::kLeftover : Role::kFiller;
  }
  const auto free = [&](std::size_t k) {
    return spans.at[k] == 0 && !reply::is_code_token(n.word(k));
  };
  for (std::size_t t = 0; t < n.size();) {
    const std::string_view w = n.word(t);
    if (reply::is_code_token(w)) {
      if (!out.code) out.code = std::string{static_cast<char>(w[0] - 'a' + 'A'), w[1], w[2]};
      out.role[t] = Role::kHard;
      ++t;
      continue;
    }
    const bool first_word = out.first_token == kMaxTokens;
    std::optional<Item> item;
    if (spans.at[t] != 0) {
      const std::size_t index = spans.at[t] - 1U;
      item = Item{Kind::kSpan, t, spans.list[index].count, index};
    } else {
      item = lexicon.classify(n, t, first_word, free);
    }
    const bool meaningful = item && item->kind != Kind::kNone;
    if (first_word) {
      out.first_token = t;
      out.first_classified = meaningful;
    }
    if (const std::size_t s = n.token(t).sentence; s < kMaxSentences) {
      const std::uint64_t bit = std::uint64_t{1} << s;
      if ((sentence_seen & bit) == 0 && meaningful && is_strong_answer(item->kind)) {
        out.opens_with_answer |= bit;
      }
      sentence_seen |= bit;
    }
    if (meaningful) {
      out.list[out.size++] = *item;
      mark(out, *item, role_of(item->kind));
    }
    // "zijn terug" lets its last word start another phrase ("we zijn terug beschikbaar").
    t += item && item->kind != Kind::kResumeSoft ? item->count : 1;
  }
  drop_waiting_days(out, spans);
  return out;
}

// Leaves out the words of questions ("hoeveel km is dat?", "is het voor 1 nacht?"),

void drop_questions(const Normalized& n, const Spans& spans, Items& items) {
  std::size_t kept = 0;
  for (std::size_t i = 0; i < items.size; ++i) {
    Item it = items.list[i];
    const std::size_t s = n.token(it.first).sentence;
    if (n.in_question(it.first) && ((items.opens_with_answer >> s) & 1U) == 0) {
      if (it.kind == Kind::kPause) it.kind = Kind::kStatus;
      const bool call = it.kind == Kind::kSpan &&
                        spans.list[it.span].role != SpanRole::kCallsBack &&
                        (spans.list[it.span].role == SpanRole::kCallMe ||
                         spans.list[it.span].values.kind == ConditionKind::kCallFirst);
      if (it.kind != Kind::kStatus && it.kind != Kind::kHelp && !call) {
        if (it.kind == Kind::kSpan) mark(items, it, Role::kLeftover);
        continue;
      }
    }
    items.list[kept++] = it;
  }
  items.size = kept;
}

}  // namespace noodbel::reply
