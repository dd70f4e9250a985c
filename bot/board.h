// Board: the yes and maybe answers to one call, ranked by an explained score, and its
// text form for caseworkers. Pure functions over values; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "bot/clock.h"
#include "bot/result.h"
#include "bot/templates.h"
#include "bot/types.h"

namespace noodbel {

struct BoardEntry {
  std::string family_id;
  std::string display_name;  // internal; caseworkers only
  Answer answer = Answer::kYes;
  std::string note;
  double distance_km = 0;
  int wave = 0;
  UnixTime answered_at = 0;
  double score = 0;  // lower is better
  // Why the entry ranks where it does, language-neutral as "kind:value":
  // "distance:12" (km, rounded), "language:nl", "maybe:pas vanaf 18u" (or "maybe:").
  // Rendered through the `factor_<kind>` templates.
  std::vector<std::string> factors;
};

struct Board {
  Call call;
  std::vector<BoardEntry> entries;  // best first
  int sent = 0;
  int answered_yes = 0;
  int maybe = 0;
  int no = 0;
  int no_answer = 0;  // sent, not (yet) answered
};

// Score weights (km equivalents): a maybe weighs as 5 km further, a language match as
// 2 km nearer.
inline constexpr double kMaybePenaltyKm = 5;
inline constexpr double kLanguageBonusKm = 2;

// Ranks the yes and maybe answers: score = distance + maybe penalty - language bonus;
// ties by answered_at, then family id. `families` may hold more families than answered.
Board build_board(const Call& call, const std::vector<Recipient>& recipients,
                  const std::vector<Response>& responses, const std::vector<Family>& families);

// The board as chat text in `lang` (`board_header`, `board_row`, `board_more`,
// `board_empty`, `board_counts`); at most `max_rows` rows.
Result<std::string> render_board(const Board& board, const Templates& templates, Language lang,
                                 UnixTime now, int max_rows = 20);

}  // namespace noodbel
