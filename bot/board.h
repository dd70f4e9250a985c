// Board: the yes and maybe answers to one call, ranked by an explained score (distance,
// language, age and capacity fit, availability over the expected duration, answer time,
// recent crisis placements), with the call's counts, and its text form for caseworkers.
// build_board and render_board are pure and thread-safe; load_board_facts reads through
// the caller's Repository (one unit of work).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "bot/answer_conditions.h"
#include "bot/clock.h"
#include "bot/config.h"
#include "bot/repository.h"
#include "bot/result.h"
#include "bot/templates.h"
#include "bot/types.h"

namespace noodbel {

// The factors of a score, in the order they are explained. kConditions is a penalty: the
// worst conflict of the family's conditions with the call (0 when none).
enum class Factor {
  kDistance, kLanguage, kFit, kAvailability, kAnswerTime, kRecentPlacements, kConditions
};
inline constexpr std::size_t kFactorCount = 7;

inline constexpr double kDistanceScaleKm = 50;      // 0 km scores 1, this far or more 0
inline constexpr int kAnswerScaleMinutes = 60;      // answering at once scores 1, this late 0
inline constexpr int kRecentPlacementDays = 90;     // placements counted over this period

struct BoardEntry {
  std::string family_id;
  std::string display_name;  // internal; caseworkers only ("" when the family is gone)
  Answer answer = Answer::kYes;
  std::string note;  // words of the answer the parser did not understand, or empty
  std::string text;  // the family's own words
  std::vector<ConditionCheck> conditions;  // each with its conflict with the call
  std::optional<Answer> previous;          // the answer this one replaced
  std::optional<FamilyQuestion> question;  // the family's newest question about the call
  bool chosen = false;  // chosen with /kies (being confirmed) or matched
  bool passed = false;  // chosen before, then passed over (/volgende)
  double distance_km = 0;
  int wave = 0;  // 0: answered without being sent the call
  UnixTime answered_at = 0;
  // What was measured, for the explanation.
  std::optional<Language> shared_language;  // a language of the call the family speaks
  bool ages_fit = false;
  int children = 0;
  int capacity = 0;                // the family's max_children
  int available_percent = 0;       // of the expected duration, 0..100
  int answer_minutes = 0;          // from sending to answering
  int recent_placements = 0;       // crisis placements in the last 90 days
  std::array<double, kFactorCount> points{};  // weight x factor value, per Factor
  double maybe_points = 0;                    // minus the maybe penalty, or 0
  double score = 0;                           // sum of points; higher is better
};

// Where a family the call was sent to stands when it is not on the ranked list.
enum class FamilyState {
  kWaiting,      // no answer yet
  kAsked,        // asked a question, no answer since
  kCallMe,       // asked to be called, no answer since
  kDeclined,     // said no (perhaps after a yes or maybe: `previous`)
  kStopped,      // sent STOP: gets no messages at all (its earlier answer in `previous`)
  kUnreachable,  // the newest message about the call could not be delivered
};
std::string_view to_string(FamilyState s);  // "waiting", "asked", ...

struct OtherFamily {
  std::string family_id;
  std::string display_name;
  FamilyState state = FamilyState::kWaiting;
  std::string text;     // their words: the question, the no ("" when none)
  UnixTime at = 0;      // when they answered, asked or failed; when sent for kWaiting
  std::optional<Answer> previous;  // an answer they took back
  double distance_km = 0;
  int wave = 0;
  std::string error;    // kUnreachable: why (short, no message body)
};

struct WaveCount {
  int wave = 0;
  int families = 0;
  UnixTime sent_at = 0;  // when the wave went out (its first sending)
};

struct BoardCounts {
  int sent = 0;       // families the call was sent to
  int delivered = 0;  // of those, with a message about the call confirmed delivered
  int yes = 0;
  int maybe = 0;
  int no = 0;
  int no_answer = 0;  // sent, not (yet) answered; on a Board: only those still waiting
                      // (not stopped, asking, wanting a call or unreachable)
  std::vector<WaveCount> waves;  // by wave number
};

struct Board {
  Call call;
  std::vector<BoardEntry> entries;  // yes and maybe, best first
  // Every other family the call was sent to or that answered, by state (stopped, asked,
  // call me, unreachable, declined, waiting), then in sending order.
  std::vector<OtherFamily> others;
  BoardCounts counts;
};

// Everything about a call the board needs besides the call itself.
struct BoardFacts {
  std::vector<Recipient> recipients;
  std::vector<Response> responses;
  std::vector<Family> families;  // every recipient and every family that answered
  std::unordered_map<std::string, int> recent_placements;  // by family; missing: 0
  std::vector<std::string> delivered;  // recipients with a delivered message about the call
  std::vector<DeliveryStatus> deliveries;  // newest message about the call per recipient
  std::vector<FamilyQuestion> questions;   // oldest first
  std::vector<Choice> choices;             // oldest first
};

// Reads the facts of `call`'s board at `now` (recent placements exclude this call).
BoardFacts load_board_facts(Repository& repo, const Call& call, UnixTime now);

// The counts only (for lists of calls).
BoardCounts count_answers(const std::vector<Recipient>& recipients,
                          const std::vector<Response>& responses,
                          const std::vector<std::string>& delivered = {});

// Ranks the yes and maybe answers by score (highest first); ties by answer time, then
// distance, then family id. A family that sent STOP is not ranked (see others).
Board build_board(const Call& call, const BoardFacts& facts, const BoardConfig& weights);

// The rank (1-based) of a family on the board, or 0 when it is not ranked.
int rank_of(const Board& board, std::string_view family_id);

// Rows of the text board per page (short enough for a caseworker on SMS).
inline constexpr int kBoardPageRows = 5;

// The board as chat text in `lang`, short enough for SMS: the call in one line, the
// counts, page `page` (1-based) of the ranked rows in plain words (rank, name, answer,
// km, conditions, the family's own words), "meer: /bord CODE 2" when there is more, the
// families in other states by name, and the pick command.
Result<std::string> render_board(const Board& board, const Templates& templates, Language lang,
                                 UnixTime now, int page = 1);

// Each explained factor of a row ("12 km +28", …, a conflicting condition, a maybe) in
// `lang`; days are said as seen at `now`.
Result<std::vector<std::string>> render_factors(const BoardEntry& entry, const Call& call,
                                                const Templates& templates, Language lang,
                                                UnixTime now);

}  // namespace noodbel
