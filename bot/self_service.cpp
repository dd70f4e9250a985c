#include "bot/self_service.h"

#include <charconv>
#include <optional>
#include <string>
#include <vector>

#include "bot/local_time.h"

namespace noodbel {
namespace {

// "2026-12-01" -> the local midnight ending that day; nothing when malformed.
std::optional<UnixTime> end_of_local_day(std::string_view iso) {
  int y = 0, m = 0, d = 0;
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  const auto num = [&](std::size_t pos, std::size_t len, int& out) {
    const char* first = iso.data() + pos;
    return std::from_chars(first, first + len, out).ec == std::errc{};
  };
  if (!num(0, 4, y) || !num(5, 2, m) || !num(8, 2, d)) return std::nullopt;
  if (!is_valid_date(y, m, d)) return std::nullopt;
  return from_local(y, m, d, 24 * 60);
}

// "2026-12-01" -> "01/12/2026", as families write dates; other text unchanged.
std::string belgian_date(std::string_view iso) {
  if (iso.size() != 10) return std::string(iso);
  return std::string(iso.substr(8, 2)) + "/" + std::string(iso.substr(5, 2)) + "/" +
         std::string(iso.substr(0, 4));
}

// Open calls where this family's answer is yes or maybe become no.
std::vector<std::string> withdraw_answers(const FamilyTurn& turn) {
  std::vector<std::string> codes;
  for (const Call& call : turn.repo().open_calls_for_family(turn.family.id)) {
    std::optional<Response> r = turn.repo().response(call.id, turn.family.id);
    if (!r || r->answer == Answer::kNo) continue;
    r->answer = Answer::kNo;
    r->note.clear();
    r->answered_at = turn.now();
    turn.repo().upsert_response(*r);
    codes.push_back(call.code);
  }
  return codes;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ",") + item;
  return out;
}

}  // namespace

void stop(const FamilyTurn& turn) {
  Family f = turn.family;
  f.opted_in = false;
  const int cancelled = turn.repo().cancel_pending_for(f.id, kOptOutReason, turn.now());
  const std::vector<std::string> withdrawn = withdraw_answers(turn);
  turn.save(f, "family.stop",
            "cancelled=" + std::to_string(cancelled) + " withdrawn=" + joined(withdrawn));
  turn.reply("stopped");
}

void start(const FamilyTurn& turn) {
  Family f = turn.family;
  f.opted_in = true;
  turn.save(f, "family.start", "");
  turn.reply("started");
}

void pause(const FamilyTurn& turn, const ParsedReply& reply) {
  const UnixTime now = turn.now();
  const std::optional<UnixTime> until =
      reply.until ? end_of_local_day(*reply.until) : local_midnight(now, kDefaultPauseDays + 1);
  const std::string value = belgian_date(reply.until.value_or(""));
  if (!until || *until <= now) {
    turn.audit("family.pause_refused", "reason=past");
    turn.reply("err_pause_date", {{"value", value}});
    return;
  }
  if (*until > local_midnight(now, kMaxPauseDays + 1)) {
    turn.audit("family.pause_refused", "reason=too_long");
    turn.reply("err_pause_too_long",
               {{"value", value}, {"max_days", std::to_string(kMaxPauseDays)}});
    return;
  }
  Family f = turn.family;
  f.paused_until = *until;
  const std::string last_day = format_local(*until - 1, "date");
  turn.save(f, "family.pause", "until=" + last_day);
  turn.reply("paused", {{"until", last_day}});
}

void resume(const FamilyTurn& turn) {
  Family f = turn.family;
  f.paused_until.reset();
  turn.save(f, "family.resume", "");
  turn.reply("resumed");
}

void set_distance(const FamilyTurn& turn, const ParsedReply& reply) {
  const TemplateArgs limits{{"min", std::to_string(kMinDistanceKm)},
                            {"max", std::to_string(kMaxDistanceKm)}};
  if (!reply.km) {
    turn.audit("family.distance_refused", "km=none");
    turn.reply("err_distance_missing", limits);
    return;
  }
  if (*reply.km < kMinDistanceKm || *reply.km > kMaxDistanceKm) {
    turn.audit("family.distance_refused", "km=" + std::to_string(*reply.km));
    TemplateArgs args = limits;
    args.emplace_back("value", std::to_string(*reply.km));
    turn.reply("err_distance", args);
    return;
  }
  Family f = turn.family;
  f.max_distance_km = *reply.km;
  turn.save(f, "family.distance", "km=" + std::to_string(*reply.km));
  turn.reply("distance_set", {{"km", std::to_string(*reply.km)}});
}

void status(const FamilyTurn& turn) {
  const Family& f = turn.family;
  const bool paused = f.paused_until && *f.paused_until > turn.now();
  const char* name = !f.opted_in ? "status_stopped" : paused ? "status_paused" : "status_active";
  const auto open = turn.repo().open_calls_for_family(f.id).size();
  turn.audit("family.status", "");
  turn.reply(name, {{"km", std::to_string(f.max_distance_km)},
                    {"open", std::to_string(open)},
                    {"until", paused ? format_local(*f.paused_until - 1, "date") : ""}});
}

void help(const FamilyTurn& turn, std::string_view why) {
  turn.audit("family.help", std::string(why));
  turn.reply("family_help", {{"min", std::to_string(kMinDistanceKm)},
                             {"max", std::to_string(kMaxDistanceKm)}});
}

}  // namespace noodbel
