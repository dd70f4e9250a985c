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
  const UnixTime since = now - kRecentPlacementDays * kSecondsPerDay;
  const bool this_call_counts = call.state == CallState::kMatched && call.closed_at &&
                                *call.closed_at >= since;
  std::unordered_set<std::string_view> willing;
  for (const Response& r : facts.responses) {
    if (r.answer != Answer::kNo) willing.insert(r.family_id);
  }
  if (willing.size() > kFamiliesReadOneByOne) {  // one bulk read beats many small ones
    for (Family& f : repo.families()) {
      if (willing.contains(f.id)) facts.families.push_back(std::move(f));
    }
  }
  for (const Response& r : facts.responses) {
    if (r.answer == Answer::kNo) continue;
    if (willing.size() <= kFamiliesReadOneByOne) {
      if (std::optional<Family> f = repo.family(r.family_id)) facts.families.push_back(std::move(*f));
    }
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

Board build_board(const Call& call, const BoardFacts& facts, const BoardConfig& weights) {
  std::unordered_map<std::string_view, const Family*> family_by_id;
  for (const Family& f : facts.families) family_by_id.emplace(f.id, &f);
  std::unordered_map<std::string_view, const Recipient*> recipient_by_id;
  for (const Recipient& r : facts.recipients) recipient_by_id.emplace(r.family_id, &r);

  Context ctx{call, weights, {}, 0};
  ctx.period =
      local_segments(call.needed_from, call.needed_from + std::int64_t{call.duration_hours} * 3600);
  ctx.period_minutes = total_minutes(ctx.period);

  Board board;
  board.call = call;
  board.counts = count_answers(facts.recipients, facts.responses, facts.delivered);
  board.entries.reserve(facts.responses.size());
  for (const Response& r : facts.responses) {
    if (r.answer == Answer::kNo) continue;
    const auto rec = recipient_by_id.find(r.family_id);
    const auto fam = family_by_id.find(r.family_id);
    const auto placed = facts.recent_placements.find(r.family_id);
    board.entries.push_back(make_entry(
        ctx, r, rec == recipient_by_id.end() ? nullptr : rec->second,
        fam == family_by_id.end() ? nullptr : fam->second,
        placed == facts.recent_placements.end() ? 0 : placed->second));
  }
  rank(board.entries);
  return board;
}

}  // namespace noodbel
