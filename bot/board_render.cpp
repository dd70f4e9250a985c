// render_board (bot/board.h): the board as chat text.
#include <cmath>

#include <fmt/format.h>

#include "bot/board.h"
#include "bot/local_time.h"
#include "bot/outbound.h"

namespace noodbel {
namespace {

std::string signed_points(double points) { return fmt::format("{:+d}", std::lround(points)); }

double points_of(const BoardEntry& e, Factor f) { return e.points[static_cast<std::size_t>(f)]; }

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

Result<std::string> factor_text(const Templates& t, Language lang, const BoardEntry& e,
                                const Call& call, Factor f) {
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
  }
  return Error::Internal("unknown board factor");
}

// "12 km +28, spreekt Nederlands +15, ..., misschien: pas vanaf 18u -20".
Result<std::string> factors_text(const Templates& t, Language lang, const BoardEntry& e,
                                 const Call& call) {
  Result<std::vector<std::string>> pieces = render_factors(e, call, t, lang);
  if (!pieces) return pieces.error();
  std::string out;
  for (const std::string& piece : *pieces) out += (out.empty() ? "" : ", ") + piece;
  return out;
}

std::string time_text(UnixTime t, UnixTime now) {
  return format_local(t, "date") == format_local(now, "date") ? format_local(t, "time")
                                                              : format_local(t, "datetime");
}

Result<std::string> render_row(const BoardEntry& e, int rank, const Call& call,
                               const Templates& t, Language lang, UnixTime now) {
  Result<std::string> factors = factors_text(t, lang, e, call);
  if (!factors) return factors;
  Result<std::string> answer =
      t.render(lang, e.answer == Answer::kYes ? "answer_yes" : "answer_maybe", {});
  if (!answer) return answer;
  return t.render(lang, "board_row",
                  {{"rank", std::to_string(rank)},
                   {"family", e.family_id},
                   {"name", e.display_name},
                   {"answer", *answer},
                   {"time", time_text(e.answered_at, now)},
                   {"wave", e.wave > 0 ? std::to_string(e.wave) : "-"},
                   {"km", std::to_string(std::lround(e.distance_km))},
                   {"score", std::to_string(std::lround(e.score))},
                   {"factors", *factors}});
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

// "Golven: golf 1 (10:00): 3 gezinnen, golf 2 (10:15): 1 gezinnen", or "" before any.
Result<std::string> render_waves(const BoardCounts& c, const Templates& t, Language lang,
                                 UnixTime now) {
  if (c.waves.empty()) return std::string();
  std::string waves;
  for (const WaveCount& w : c.waves) {
    Result<std::string> one = t.render(lang, "board_wave",
                                       {{"wave", std::to_string(w.wave)},
                                        {"time", time_text(w.sent_at, now)},
                                        {"count", std::to_string(w.families)}});
    if (!one) return one;
    waves += (waves.empty() ? "" : ", ") + *one;
  }
  return t.render(lang, "board_waves", {{"waves", waves}});
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

}  // namespace

Result<std::vector<std::string>> render_factors(const BoardEntry& e, const Call& call,
                                                const Templates& t, Language lang) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < kFactorCount; ++i) {
    const auto f = static_cast<Factor>(i);
    Result<std::string> text = factor_text(t, lang, e, call, f);
    if (!text) return text.error();
    out.push_back(*text + " " + signed_points(points_of(e, f)));
  }
  if (e.answer == Answer::kMaybe) {
    Result<std::string> maybe = e.note.empty() ? t.render(lang, "factor_maybe_plain", {})
                                               : t.render(lang, "factor_maybe", {{"note", e.note}});
    if (!maybe) return maybe.error();
    out.push_back(*maybe + " " + signed_points(e.maybe_points));
  }
  return out;
}

Result<std::string> render_board(const Board& board, const Templates& templates, Language lang,
                                 UnixTime now, int max_rows) {
  Result<std::string> header = render_header(board, templates, lang, now);
  if (!header) return header;
  std::string text = *header;
  Result<std::string> waves = render_waves(board.counts, templates, lang, now);
  if (!waves) return waves;
  if (!waves->empty()) text += "\n" + *waves;
  const int total = static_cast<int>(board.entries.size());
  const int shown = std::min(total, std::max(0, max_rows));
  for (int i = 0; i < shown; ++i) {
    Result<std::string> row = render_row(board.entries[static_cast<std::size_t>(i)], i + 1,
                                         board.call, templates, lang, now);
    if (!row) return row;
    text += "\n" + *row;
  }
  Result<std::string> tail =
      total == 0 ? templates.render(lang, "board_empty", {})
      : shown < total
          ? templates.render(lang, "board_more", {{"count", std::to_string(total - shown)}})
          : Result<std::string>(std::string());
  if (!tail) return tail;
  if (!tail->empty()) text += "\n" + *tail;
  Result<std::string> counts = render_counts(board.counts, templates, lang);
  if (!counts) return counts;
  return text + "\n" + *counts;
}

}  // namespace noodbel
