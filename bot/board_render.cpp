// render_board and render_factors (bot/board.h): the board as chat text, and the explained
// score of one row (the web board folds it away).
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "bot/board.h"
#include "bot/condition_text.h"
#include "bot/outbound.h"

namespace noodbel {
namespace {

constexpr std::size_t kWordsShown = 80;  // bytes of a family's own words on the text board
constexpr std::size_t kNamesShown = 5;   // names per state line; the rest counted

std::string signed_points(double points) { return fmt::format("{:+d}", std::lround(points)); }

double points_of(const BoardEntry& e, Factor f) { return e.points[static_cast<std::size_t>(f)]; }

// `text` cut to at most `max` bytes on a UTF-8 boundary, with "..." when cut; one line.
std::string shortened(std::string_view text, std::size_t max) {
  std::string one_line(text);
  std::replace(one_line.begin(), one_line.end(), '\n', ' ');
  if (one_line.size() <= max) return one_line;
  std::size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(one_line[end]) & 0xC0) == 0x80) --end;
  return one_line.substr(0, end) + "...";
}

Result<std::string> language_text(const Templates& t, Language lang, const BoardEntry& e,
                                  const Call& call) {
  if (e.shared_language) {
    Result<std::string> name = t.render(lang, "lang_" + std::string(to_string(*e.shared_language)), {});
    if (!name) return name;
    return t.render(lang, "factor_language", {{"language", *name}});
  }
  Result<std::string> wanted = render_languages(t, lang, call.languages);
  if (!wanted) return wanted;
  return t.render(lang, "factor_language_none", {{"languages", *wanted}});
}

Result<std::string> fit_text(const Templates& t, Language lang, const BoardEntry& e) {
  if (!e.ages_fit) return t.render(lang, "factor_fit_age", {});
  if (e.children > e.capacity) {
    return t.render(lang, "factor_fit_capacity", {{"capacity", std::to_string(e.capacity)}});
  }
  return t.render(lang, "factor_fit", {{"children", std::to_string(e.children)},
                                       {"capacity", std::to_string(e.capacity)}});
}

Result<std::string> conflict_text(const Templates& t, Language lang, const BoardEntry& e,
                                  UnixTime now) {
  std::vector<ConditionCheck> conflicting;
  for (const ConditionCheck& c : e.conditions) {
    if (c.conflict > 0) conflicting.push_back({c.condition, 0});
  }
  if (conflicting.empty()) return t.render(lang, "factor_conditions_fit", {});
  Result<std::string> which = render_checked_conditions(t, lang, conflicting, false, now);
  if (!which) return which;
  return t.render(lang, "factor_conditions", {{"conditions", *which}});
}

Result<std::string> factor_text(const Templates& t, Language lang, const BoardEntry& e,
                                const Call& call, Factor f, UnixTime now) {
  switch (f) {
    case Factor::kDistance:
      return t.render(lang, "factor_distance",
                      {{"km", std::to_string(std::lround(e.distance_km))}});
    case Factor::kLanguage: return language_text(t, lang, e, call);
    case Factor::kFit: return fit_text(t, lang, e);
    case Factor::kAvailability:
      return t.render(lang, "factor_availability",
                      {{"percent", std::to_string(e.available_percent)}});
    case Factor::kAnswerTime:
      return t.render(lang, "factor_answer_time", {{"minutes", std::to_string(e.answer_minutes)}});
    case Factor::kRecentPlacements:
      return t.render(lang, "factor_placements",
                      {{"count", std::to_string(e.recent_placements)},
                       {"days", std::to_string(kRecentPlacementDays)}});
    case Factor::kConditions: return conflict_text(t, lang, e, now);
  }
  return Error::Internal("unknown board factor");
}

Result<std::string> answer_word(const Templates& t, Language lang, Answer a) {
  return t.render(lang, a == Answer::kYes ? "answer_yes" : a == Answer::kNo ? "answer_no"
                                                                           : "answer_maybe",
                  {});
}

// ", vanaf 18:00 vandaag (maandag) (botst met de oproep)" or "".
Result<std::string> conditions_suffix(const Templates& t, Language lang, const BoardEntry& e,
                                      UnixTime now) {
  Result<std::string> c = render_checked_conditions(t, lang, e.conditions, !e.note.empty(), now);
  if (!c || c->empty()) return c;
  return ", " + *c;
}

// " - GEKOZEN", " - eerder gekozen", " (was NEE)" ...
Result<std::string> marks(const Templates& t, Language lang, const BoardEntry& e) {
  std::string out;
  const auto add = [&](std::string_view name, const TemplateArgs& args) -> Status {
    Result<std::string> piece = t.render(lang, name, args);
    if (!piece) return piece.error();
    out += *piece;
    return Ok();
  };
  if (e.previous && e.previous != e.answer) {
    Result<std::string> was = answer_word(t, lang, *e.previous);
    if (!was) return was;
    if (Status s = add("board_mark_changed", {{"previous", *was}}); !s) return s.error();
  }
  if (e.chosen) {
    if (Status s = add("board_mark_chosen", {}); !s) return s.error();
  } else if (e.passed) {
    if (Status s = add("board_mark_passed", {}); !s) return s.error();
  }
  return out;
}

Result<std::string> render_row(const BoardEntry& e, int rank, const Templates& t, Language lang,
                               UnixTime now) {
  Result<std::string> answer = answer_word(t, lang, e.answer);
  if (!answer) return answer;
  Result<std::string> conditions = conditions_suffix(t, lang, e, now);
  if (!conditions) return conditions;
  Result<std::string> mark = marks(t, lang, e);
  if (!mark) return mark;
  Result<std::string> row = t.render(lang, "board_row",
                                     {{"rank", std::to_string(rank)},
                                      {"family", e.family_id},
                                      {"name", e.display_name},
                                      {"answer", *answer},
                                      {"km", std::to_string(std::lround(e.distance_km))},
                                      {"conditions", *conditions},
                                      {"marks", *mark}});
  if (!row || e.text.empty()) return row;
  Result<std::string> words = t.render(lang, "board_words", {{"text", shortened(e.text, kWordsShown)}});
  if (!words) return words;
  return *row + "\n" + *words;
}

Result<std::string> render_header(const Board& board, const Templates& t, Language lang,
                                  UnixTime now) {
  Result<TemplateArgs> args = call_args(t, lang, board.call, now);
  if (!args) return args.error();
  Result<std::string> state =
      t.render(lang, "state_" + std::string(to_string(board.call.state)), {});
  if (!state) return state;
  args->emplace_back("state", *state);
  return t.render(lang, "board_header", *args);
}

Result<std::string> render_counts(const BoardCounts& c, const Templates& t, Language lang) {
  return t.render(lang, "board_counts",
                  {{"sent", std::to_string(c.sent)},
                   {"delivered", std::to_string(c.delivered)},
                   {"yes", std::to_string(c.yes)},
                   {"maybe", std::to_string(c.maybe)},
                   {"no", std::to_string(c.no)},
                   {"no_answer", std::to_string(c.no_answer)}});
}

// One family in a state line: "Peeters", "Maes: "hoe oud?"", "Claes (was JA)".
Result<std::string> other_item(const OtherFamily& o, const Templates& t, Language lang) {
  std::string item = o.display_name.empty() ? o.family_id : o.display_name;
  if (o.previous && o.previous != Answer::kNo) {
    Result<std::string> was = answer_word(t, lang, *o.previous);
    Result<std::string> mark =
        was ? t.render(lang, "board_mark_changed", {{"previous", *was}}) : was;
    if (!mark) return mark;
    item += *mark;
  }
  if (!o.text.empty()) item += ": \"" + shortened(o.text, 40) + "\"";
  return item;
}

// "Afgemeld: Claes, Wouters" per state, at most kNamesShown names each ("+3").
Result<std::string> render_others(const Board& board, const Templates& t, Language lang) {
  std::string out;
  std::size_t i = 0;
  while (i < board.others.size()) {
    const FamilyState state = board.others[i].state;
    std::string items;
    std::size_t n = 0;
    for (; i < board.others.size() && board.others[i].state == state; ++i, ++n) {
      if (n >= kNamesShown) continue;
      Result<std::string> item = other_item(board.others[i], t, lang);
      if (!item) return item;
      items += (items.empty() ? "" : ", ") + *item;
    }
    if (n > kNamesShown) items += fmt::format(" +{}", n - kNamesShown);
    Result<std::string> line = t.render(lang, "board_others_" + std::string(to_string(state)),
                                        {{"families", items}, {"count", std::to_string(n)}});
    if (!line) return line;
    out += "\n" + *line;
  }
  return out;
}

Result<std::string> render_hint(const Board& board, const Templates& t, Language lang) {
  const Call& call = board.call;
  if (call.state != CallState::kOpen || board.entries.empty()) return std::string();
  if (call.chosen_family) return t.render(lang, "board_hint_confirm", {{"code", call.code}});
  return t.render(lang, "board_hint_pick", {{"code", call.code}});
}

}  // namespace

Result<std::vector<std::string>> render_factors(const BoardEntry& e, const Call& call,
                                                const Templates& t, Language lang,
                                                UnixTime now) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < kFactorCount; ++i) {
    const auto f = static_cast<Factor>(i);
    if (f == Factor::kConditions && points_of(e, f) == 0) continue;
    Result<std::string> text = factor_text(t, lang, e, call, f, now);
    if (!text) return text.error();
    out.push_back(*text + " " + signed_points(points_of(e, f)));
  }
  if (e.answer == Answer::kMaybe) {
    Result<std::string> maybe = t.render(lang, "factor_maybe_plain", {});
    if (!maybe) return maybe.error();
    out.push_back(*maybe + " " + signed_points(e.maybe_points));
  }
  return out;
}

Result<std::string> render_board(const Board& board, const Templates& templates, Language lang,
                                 UnixTime now, int page) {
  Result<std::string> header = render_header(board, templates, lang, now);
  if (!header) return header;
  Result<std::string> counts = render_counts(board.counts, templates, lang);
  if (!counts) return counts;
  std::string text = *header + "\n" + *counts;
  const int total = static_cast<int>(board.entries.size());
  const int pages = std::max(1, (total + kBoardPageRows - 1) / kBoardPageRows);
  page = std::clamp(page, 1, pages);
  const int first = (page - 1) * kBoardPageRows;
  for (int i = first; i < std::min(total, first + kBoardPageRows); ++i) {
    Result<std::string> row =
        render_row(board.entries[static_cast<std::size_t>(i)], i + 1, templates, lang, now);
    if (!row) return row;
    text += "\n" + *row;
  }
  Result<std::string> tail =
      total == 0 ? templates.render(lang, "board_empty", {})
      : page < pages
          ? templates.render(lang, "board_more",
                             {{"count", std::to_string(total - first - kBoardPageRows)},
                              {"code", board.call.code},
                              {"page", std::to_string(page + 1)}})
          : Result<std::string>(std::string());
  if (!tail) return tail;
  if (!tail->empty()) text += "\n" + *tail;
  Result<std::string> others = render_others(board, templates, lang);
  if (!others) return others;
  text += *others;
  Result<std::string> hint = render_hint(board, templates, lang);
  if (!hint) return hint;
  if (!hint->empty()) text += "\n" + *hint;
  return text;
}

}  // namespace noodbel
