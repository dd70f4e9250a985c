#include "bot/board.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string_view>
#include <tuple>
#include <unordered_set>

#include "bot/local_time.h"
#include "bot/postcodes.h"

namespace noodbel {
namespace {

constexpr std::int64_t kSecondsPerDay = 24 * 3600;
constexpr std::size_t kFamiliesReadOneByOne = 100;

// One local day's part of a period: [start_minute, end_minute) on `weekday`.
struct DaySegment {
  int weekday = 0;
  int start_minute = 0;
  int end_minute = 0;
};

// The period [from, to) split into Brussels local days (wall-clock minutes).
std::vector<DaySegment> local_segments(UnixTime from, UnixTime to) {
  std::vector<DaySegment> out;
  for (int i = 0; i < 400; ++i) {
    const UnixTime midnight = local_midnight(from, i);
    if (midnight >= to) break;
    const UnixTime next = local_midnight(from, i + 1);
    const UnixTime start = std::max(from, midnight);
    const UnixTime end = std::min(to, next);
    if (start >= end) continue;
    const LocalDateTime local = to_local(start);
    const int end_minute = end == next ? 1440 : to_local(end).minute_of_day;
    out.push_back({local.weekday, local.minute_of_day, std::max(end_minute, local.minute_of_day)});
  }
  return out;
}

int total_minutes(const std::vector<DaySegment>& segments) {
  int total = 0;
  for (const DaySegment& s : segments) total += s.end_minute - s.start_minute;
  return total;
}

// Minutes of the segments inside the windows (overlapping windows counted once).
int covered_minutes(const std::vector<DaySegment>& segments,
                    const std::vector<WeeklyWindow>& windows) {
  int covered = 0;
  std::vector<std::pair<int, int>> parts;
  for (const DaySegment& s : segments) {
    parts.clear();
    for (const WeeklyWindow& w : windows) {
      const int a = std::max(s.start_minute, w.start_minute);
      const int b = std::min(s.end_minute, w.end_minute);
      if (w.weekday == s.weekday && a < b) parts.emplace_back(a, b);
    }
    std::sort(parts.begin(), parts.end());
    int reached = s.start_minute;
    for (const auto& [a, b] : parts) {
      covered += std::max(0, b - std::max(a, reached));
      reached = std::max(reached, b);
    }
  }
  return covered;
}

// The share (0..1) of the call's expected duration the family is available.
double availability_share(const Call& call, const Family& family,
                          const std::vector<DaySegment>& period, int period_minutes) {
  if (!family.opted_in) return 0;
  if (period_minutes <= 0) return 1;
  const UnixTime end = call.needed_from + std::int64_t{call.duration_hours} * 3600;
  const bool paused = family.paused_until && *family.paused_until > call.needed_from;
  if (!paused && family.availability.empty()) return 1;
  const std::vector<DaySegment> own =
      paused ? local_segments(*family.paused_until, end) : std::vector<DaySegment>{};
  const std::vector<DaySegment>& used = paused ? own : period;
  const int available = family.availability.empty() ? total_minutes(used)
                                                    : covered_minutes(used, family.availability);
  return std::clamp(static_cast<double>(available) / period_minutes, 0.0, 1.0);
}

std::optional<Language> shared_language(const Call& call, const Family& family) {
  for (Language l : call.languages) {
    if (std::find(family.languages.begin(), family.languages.end(), l) !=
        family.languages.end()) {
      return l;
    }
  }
  return std::nullopt;
}

// Children fill the family's places: a family whose capacity the call uses fully fits
// best, so families with room for more stay free for sibling groups.
double fit_value(const BoardEntry& e) {
  if (!e.ages_fit || e.capacity < 1 || e.children > e.capacity) return 0;
  return 0.5 + 0.5 * static_cast<double>(e.children) / e.capacity;
}

// Everything the call-wide computation shares between entries.
struct Context {
  const Call& call;
  const BoardConfig& weights;
  std::vector<DaySegment> period;
  int period_minutes = 0;
};

void measure_family(BoardEntry& e, const Context& ctx, const Family& family) {
  const Call& call = ctx.call;
  e.display_name = family.display_name;
  e.shared_language = shared_language(call, family);
  e.ages_fit = std::all_of(call.ages_months.begin(), call.ages_months.end(), [&](int age) {
    return family.min_age_months <= age && age <= family.max_age_months;
  });
  e.capacity = family.max_children;
  const double share = availability_share(call, family, ctx.period, ctx.period_minutes);
  e.available_percent = static_cast<int>(std::lround(share * 100));
  e.points[static_cast<std::size_t>(Factor::kAvailability)] = ctx.weights.weight_availability * share;
}

BoardEntry make_entry(const Context& ctx, const Response& r, const Recipient* recipient,
                      const Family* family, int placements) {
  const Call& call = ctx.call;
  const BoardConfig& w = ctx.weights;
  BoardEntry e;
  e.family_id = r.family_id;
  e.answer = r.answer;
  e.note = r.note;
  e.text = r.text;
  e.conditions = check_conditions(call, r.conditions);
  e.previous = r.previous;
  e.answered_at = r.answered_at;
  e.wave = recipient ? recipient->wave : 0;
  e.distance_km = recipient ? recipient->distance_km
                  : family  ? distance_km(call.location, family->home)
                            : 0;
  e.children = static_cast<int>(call.ages_months.size());
  e.recent_placements = placements;
  if (family) measure_family(e, ctx, *family);
  const UnixTime sent_at = recipient ? recipient->sent_at : call.created_at;
  const std::int64_t waited = std::max<std::int64_t>(0, r.answered_at - sent_at);
  e.answer_minutes = static_cast<int>(waited / 60);
  const double quick =
      1 - std::min<double>(static_cast<double>(waited), kAnswerScaleMinutes * 60.0) /
              (kAnswerScaleMinutes * 60.0);
  const bool speaks = call.languages.empty() || e.shared_language.has_value();
  auto& p = e.points;
  p[static_cast<std::size_t>(Factor::kDistance)] =
      w.weight_distance * (1 - std::min(e.distance_km, kDistanceScaleKm) / kDistanceScaleKm);
  p[static_cast<std::size_t>(Factor::kLanguage)] = speaks ? w.weight_language : 0;
  p[static_cast<std::size_t>(Factor::kFit)] = w.weight_fit * fit_value(e);
  p[static_cast<std::size_t>(Factor::kAnswerTime)] = w.weight_answer_time * quick;
  p[static_cast<std::size_t>(Factor::kRecentPlacements)] =
      w.weight_recent_placements / (1.0 + placements);
  p[static_cast<std::size_t>(Factor::kConditions)] = -w.conflict_penalty * worst_conflict(e.conditions);
  e.maybe_points = r.answer == Answer::kMaybe ? -w.maybe_penalty : 0;
  e.score = e.maybe_points;
  for (double points : p) e.score += points;
  return e;
}

// Best first: score (compared at a micro-point, so equal sums computed alike tie
// exactly), then answer time, distance and family id. Sorts indices, then moves once.
void rank(std::vector<BoardEntry>& entries) {
  std::vector<long long> key(entries.size());
  std::vector<std::size_t> order(entries.size());
  for (std::size_t i = 0; i < entries.size(); ++i) {
    key[i] = std::llround(entries[i].score * 1e6);
    order[i] = i;
  }
  std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    if (key[x] != key[y]) return key[x] > key[y];
    const BoardEntry& a = entries[x];
    const BoardEntry& b = entries[y];
    return std::tie(a.answered_at, a.distance_km, a.family_id) <
           std::tie(b.answered_at, b.distance_km, b.family_id);
  });
  std::vector<BoardEntry> sorted;
  sorted.reserve(entries.size());
  for (std::size_t i : order) sorted.push_back(std::move(entries[i]));
  entries = std::move(sorted);
}

}  // namespace

BoardFacts load_board_facts(Repository& repo, const Call& call, UnixTime now) {
  BoardFacts facts;
  facts.recipients = repo.recipients(call.id);
  facts.responses = repo.responses(call.id);
  facts.delivered = repo.delivered_recipients(call.id);
  facts.deliveries = repo.delivery_statuses(call.id);
  facts.questions = repo.questions(call.id);
  facts.choices = repo.choices(call.id);
  const UnixTime since = now - kRecentPlacementDays * kSecondsPerDay;
  const bool this_call_counts = call.state == CallState::kMatched && call.closed_at &&
                                *call.closed_at >= since;
  std::unordered_set<std::string_view> involved;
  for (const Recipient& r : facts.recipients) involved.insert(r.family_id);
  for (const Response& r : facts.responses) involved.insert(r.family_id);
  if (involved.size() > kFamiliesReadOneByOne) {  // one bulk read beats many small ones
    for (Family& f : repo.families()) {
      if (involved.contains(f.id)) facts.families.push_back(std::move(f));
    }
  } else {
    for (const std::string_view id : involved) {
      if (std::optional<Family> f = repo.family(id)) facts.families.push_back(std::move(*f));
    }
  }
  for (const Response& r : facts.responses) {
    if (r.answer == Answer::kNo) continue;
    int placements = repo.placements_since(r.family_id, since);
    if (this_call_counts && call.matched_family == r.family_id) --placements;
    facts.recent_placements[r.family_id] = std::max(0, placements);
  }
  return facts;
}

BoardCounts count_answers(const std::vector<Recipient>& recipients,
                          const std::vector<Response>& responses,
                          const std::vector<std::string>& delivered) {
  BoardCounts c;
  c.sent = static_cast<int>(recipients.size());
  std::unordered_set<std::string_view> sent_to;
  std::map<int, WaveCount> waves;
  for (const Recipient& r : recipients) {
    sent_to.insert(r.family_id);
    WaveCount& w = waves[r.wave];
    if (w.families == 0 || r.sent_at < w.sent_at) w.sent_at = r.sent_at;
    w.wave = r.wave;
    ++w.families;
  }
  for (const auto& [number, wave] : waves) c.waves.push_back(wave);
  for (const std::string& id : delivered) c.delivered += sent_to.contains(id) ? 1 : 0;
  int answered_recipients = 0;
  for (const Response& r : responses) {
    if (sent_to.contains(r.family_id)) ++answered_recipients;
    ++(r.answer == Answer::kYes ? c.yes : r.answer == Answer::kMaybe ? c.maybe : c.no);
  }
  c.no_answer = c.sent - answered_recipients;
  return c;
}

namespace {

template <typename T>
std::unordered_map<std::string_view, const T*> index_by_family(const std::vector<T>& rows) {
  std::unordered_map<std::string_view, const T*> out;
  for (const T& row : rows) out.insert_or_assign(row.family_id, &row);  // the last wins
  return out;
}

template <typename T>
const T* find_in(const std::unordered_map<std::string_view, const T*>& index,
                 std::string_view family_id) {
  const auto it = index.find(family_id);
  return it == index.end() ? nullptr : it->second;
}

// The family's newest question, when it came after its answer (or there is no answer).
const FamilyQuestion* open_question(const FamilyQuestion* q, const Response* r) {
  if (q == nullptr || (r != nullptr && r->answered_at > q->asked_at)) return nullptr;
  return q;
}

int state_order(FamilyState s) {
  switch (s) {
    case FamilyState::kStopped: return 0;
    case FamilyState::kAsked: return 1;
    case FamilyState::kCallMe: return 2;
    case FamilyState::kUnreachable: return 3;
    case FamilyState::kDeclined: return 4;
    case FamilyState::kWaiting: break;
  }
  return 5;
}

// Everything about one family that decides its place on the board.
struct FamilyFacts {
  const Family* family = nullptr;
  const Recipient* recipient = nullptr;
  const Response* response = nullptr;
  const FamilyQuestion* question = nullptr;  // the newest, answered or not
  const DeliveryStatus* delivery = nullptr;
};

OtherFamily other_of(const std::string& id, const FamilyFacts& f) {
  OtherFamily o;
  o.family_id = id;
  o.display_name = f.family ? f.family->display_name : "";
  o.distance_km = f.recipient ? f.recipient->distance_km : 0;
  o.wave = f.recipient ? f.recipient->wave : 0;
  o.at = f.recipient ? f.recipient->sent_at : 0;
  const FamilyQuestion* asked = open_question(f.question, f.response);
  if (f.family && !f.family->opted_in) {
    o.state = FamilyState::kStopped;
    if (f.response) o.previous = f.response->answer;
  } else if (asked) {
    o.state = asked->kind == QuestionKind::kCallMe ? FamilyState::kCallMe : FamilyState::kAsked;
    o.text = asked->text;
    o.at = asked->asked_at;
  } else if (f.response) {
    o.state = FamilyState::kDeclined;
    o.text = f.response->text;
    o.at = f.response->answered_at;
    o.previous = f.response->previous;
  } else if (f.delivery && f.delivery->state == OutboxState::kFailed) {
    o.state = FamilyState::kUnreachable;
    o.error = f.delivery->last_error;
    o.at = f.delivery->at;
  }
  return o;
}

}  // namespace

Board build_board(const Call& call, const BoardFacts& facts, const BoardConfig& weights) {
  std::unordered_map<std::string_view, const Family*> family_by_id;
  for (const Family& f : facts.families) family_by_id.emplace(f.id, &f);
  const auto recipient_by_id = index_by_family(facts.recipients);
  const auto response_by_id = index_by_family(facts.responses);
  const auto question_by_id = index_by_family(facts.questions);
  std::unordered_map<std::string_view, const DeliveryStatus*> delivery_by_id;
  for (const DeliveryStatus& d : facts.deliveries) delivery_by_id.emplace(d.recipient_id, &d);
  std::unordered_set<std::string_view> passed;
  for (const Choice& c : facts.choices) {
    if (c.outcome == ChoiceOutcome::kPassed) passed.insert(c.family_id);
  }
  const std::optional<std::string>& chosen =
      call.state == CallState::kMatched ? call.matched_family : call.chosen_family;

  Context ctx{call, weights, {}, 0};
  ctx.period =
      local_segments(call.needed_from, call.needed_from + std::int64_t{call.duration_hours} * 3600);
  ctx.period_minutes = total_minutes(ctx.period);

  Board board;
  board.call = call;
  board.counts = count_answers(facts.recipients, facts.responses, facts.delivered);
  board.entries.reserve(facts.responses.size());
  const auto facts_of = [&](std::string_view id) {
    return FamilyFacts{find_in(family_by_id, id), find_in(recipient_by_id, id),
                       find_in(response_by_id, id), find_in(question_by_id, id),
                       find_in(delivery_by_id, id)};
  };
  for (const Response& r : facts.responses) {
    const FamilyFacts f = facts_of(r.family_id);
    if (r.answer == Answer::kNo || (f.family && !f.family->opted_in)) continue;
    const auto placed = facts.recent_placements.find(r.family_id);
    BoardEntry e = make_entry(ctx, r, f.recipient, f.family,
                              placed == facts.recent_placements.end() ? 0 : placed->second);
    if (const FamilyQuestion* q = f.question) e.question = *q;
    e.chosen = chosen == r.family_id;
    e.passed = !e.chosen && passed.contains(r.family_id);
    board.entries.push_back(std::move(e));
  }
  rank(board.entries);
  std::unordered_set<std::string_view> ranked;
  for (const BoardEntry& e : board.entries) ranked.insert(e.family_id);
  std::unordered_set<std::string_view> seen;
  const auto add_other = [&](const std::string& id) {
    if (ranked.contains(id) || !seen.insert(id).second) return;
    board.others.push_back(other_of(id, facts_of(id)));
  };
  for (const Recipient& r : facts.recipients) add_other(r.family_id);
  for (const Response& r : facts.responses) add_other(r.family_id);
  std::stable_sort(board.others.begin(), board.others.end(),
                   [](const OtherFamily& a, const OtherFamily& b) {
                     return state_order(a.state) < state_order(b.state);
                   });
  // "No answer yet" is what the board lists as waiting: a family that sent STOP, asked a
  // question or was not reached has its own state.
  board.counts.no_answer = static_cast<int>(std::count_if(
      board.others.begin(), board.others.end(),
      [](const OtherFamily& o) { return o.state == FamilyState::kWaiting; }));
  return board;
}

int rank_of(const Board& board, std::string_view family_id) {
  for (std::size_t i = 0; i < board.entries.size(); ++i) {
    if (board.entries[i].family_id == family_id) return static_cast<int>(i) + 1;
  }
  return 0;
}

std::string_view to_string(FamilyState s) {
  switch (s) {
    case FamilyState::kWaiting: return "waiting";
    case FamilyState::kAsked: return "asked";
    case FamilyState::kCallMe: return "call_me";
    case FamilyState::kDeclined: return "declined";
    case FamilyState::kStopped: return "stopped";
    case FamilyState::kUnreachable: return "unreachable";
  }
  return "waiting";
}

}  // namespace noodbel
