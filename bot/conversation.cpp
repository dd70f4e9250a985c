#include "bot/conversation.h"

#include <algorithm>
#include <charconv>
#include <string>
#include <vector>

#include "bot/local_time.h"
#include "bot/reply_parser.h"

namespace noodbel {
namespace {

// One family message being handled.
struct Turn {
  const Family& family;
  const InboundMessage& message;
  const Outbox& out;

  Addressee to() const { return addressee_of(family); }
  void reply(std::string_view name, const TemplateArgs& args = {}) const {
    out.reply(to(), message, name, args);
  }
  void audit(std::string_view action, std::string detail) const {
    out.repo().audit({out.now(), family.id, std::string(action), std::move(detail)});
  }
  // Replies with a template about `call` (call_args plus `extra`).
  void reply_about(const Call& call, std::string_view name, TemplateArgs extra = {}) const {
    Result<TemplateArgs> args = call_args(out.templates(), family.preferred_language, call,
                                          out.now());
    if (!args) {
      out.skipped(to(), name, args.error());
      return;
    }
    args->insert(args->end(), extra.begin(), extra.end());
    reply(name, *args);
  }
};

bool was_sent(const Call& call, const Family& family, Repository& repo) {
  const std::vector<Recipient> sent = repo.recipients(call.id);
  return std::any_of(sent.begin(), sent.end(),
                     [&](const Recipient& r) { return r.family_id == family.id; });
}

// "K42: 4 jaar, Gent" lines, one per call.
Result<std::string> call_lines(const Turn& turn, const std::vector<Call>& calls) {
  std::string lines;
  for (const Call& call : calls) {
    Result<TemplateArgs> args =
        call_args(turn.out.templates(), turn.family.preferred_language, call, turn.out.now());
    if (!args) return args.error();
    Result<std::string> line = turn.out.render(turn.family.preferred_language, "call_line", *args);
    if (!line) return line;
    lines += (lines.empty() ? "" : "\n") + *line;
  }
  return lines;
}

// The call an answer is about, or nothing after replying why it cannot be told.
std::optional<Call> call_for_answer(const Turn& turn, const ParsedReply& reply) {
  Repository& repo = turn.out.repo();
  if (reply.call_code) {
    std::optional<Call> call = repo.call_by_code(*reply.call_code);
    if (!call || !was_sent(*call, turn.family, repo)) {
      turn.audit("reply.unknown_code", "code=" + *reply.call_code);
      turn.reply("err_unknown_code", {{"code", *reply.call_code}});
      return std::nullopt;
    }
    return call;
  }
  const std::vector<Call> open = repo.open_calls_for_family(turn.family.id);
  if (open.size() == 1) return open.front();
  if (open.empty()) {
    turn.audit("reply.no_open_call", "");
    turn.reply("no_open_call");
    return std::nullopt;
  }
  turn.audit("reply.which_call", "open=" + std::to_string(open.size()));
  Result<std::string> lines = call_lines(turn, open);
  if (!lines) {
    turn.out.skipped(turn.to(), "which_call", lines.error());
    return std::nullopt;
  }
  turn.reply("which_call", {{"calls", *lines}, {"code", open.front().code}});
  return std::nullopt;
}

void record_answer(const Turn& turn, const ParsedReply& reply, Answer answer) {
  const std::optional<Call> call = call_for_answer(turn, reply);
  if (!call) return;
  if (call->state != CallState::kOpen) {
    turn.audit("reply.call_not_open", "code=" + call->code);
    turn.reply_about(*call, "call_already_filled");
    return;
  }
  const std::string note = answer == Answer::kMaybe ? reply.note.value_or("") : "";
  turn.out.repo().upsert_response({call->id, turn.family.id, answer, note, turn.out.now()});
  turn.audit("response.record",
             "code=" + call->code + " answer=" + std::string(to_string(answer)));
  const char* ack = answer == Answer::kYes ? "ack_yes" : answer == Answer::kNo ? "ack_no"
                                                                                : "ack_maybe";
  turn.reply_about(*call, ack);
}

void save_family(const Turn& turn, const Family& changed, std::string_view action,
                 std::string detail) {
  turn.out.repo().upsert_family(changed);
  turn.audit(action, std::move(detail));
}

void set_opted_in(const Turn& turn, bool opted_in) {
  Family f = turn.family;
  f.opted_in = opted_in;
  save_family(turn, f, opted_in ? "family.start" : "family.stop", "");
  turn.reply(opted_in ? "started" : "stopped");
}

// "2026-12-01" -> local midnight after that day; nothing when malformed.
std::optional<UnixTime> end_of_local_day(std::string_view iso) {
  int y = 0, m = 0, d = 0;
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  const auto num = [&](std::size_t pos, std::size_t len, int& out) {
    const char* first = iso.data() + pos;
    return std::from_chars(first, first + len, out).ec == std::errc{};
  };
  if (!num(0, 4, y) || !num(5, 2, m) || !num(8, 2, d)) return std::nullopt;
  if (m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  return from_local(y, m, d, 24 * 60);
}

void pause(const Turn& turn, const ParsedReply& reply) {
  const UnixTime now = turn.out.now();
  const std::optional<UnixTime> until =
      reply.until ? end_of_local_day(*reply.until) : local_midnight(now, kDefaultPauseDays + 1);
  if (!until || *until <= now) {
    turn.reply("err_pause_date", {{"value", reply.until.value_or("")}});
    return;
  }
  Family f = turn.family;
  f.paused_until = *until;
  const std::string last_day = format_local(*until - 1, "date");
  save_family(turn, f, "family.pause", "until=" + last_day);
  turn.reply("paused", {{"until", last_day}});
}

void resume(const Turn& turn) {
  Family f = turn.family;
  f.paused_until.reset();
  save_family(turn, f, "family.resume", "");
  turn.reply("resumed");
}

void set_distance(const Turn& turn, const ParsedReply& reply) {
  if (!reply.km || *reply.km < kMinDistanceKm || *reply.km > kMaxDistanceKm) {
    turn.reply("err_distance", {{"value", reply.km ? std::to_string(*reply.km) : ""},
                                {"min", std::to_string(kMinDistanceKm)},
                                {"max", std::to_string(kMaxDistanceKm)}});
    return;
  }
  Family f = turn.family;
  f.max_distance_km = *reply.km;
  save_family(turn, f, "family.distance", "km=" + std::to_string(*reply.km));
  turn.reply("distance_set", {{"km", std::to_string(*reply.km)}});
}

void status(const Turn& turn) {
  const Family& f = turn.family;
  const UnixTime now = turn.out.now();
  const bool paused = f.paused_until && *f.paused_until > now;
  const char* name = !f.opted_in ? "status_stopped" : paused ? "status_paused" : "status_active";
  const auto open = turn.out.repo().open_calls_for_family(f.id).size();
  turn.reply(name, {{"km", std::to_string(f.max_distance_km)},
                    {"open", std::to_string(open)},
                    {"until", paused ? format_local(*f.paused_until - 1, "date") : ""}});
}

}  // namespace

void handle_family_message(const Family& family, const InboundMessage& message,
                           const Outbox& out) {
  const Turn turn{family, message, out};
  const ParsedReply reply = parse_reply(message.text);
  switch (reply.intent) {
    case Intent::kYes: return record_answer(turn, reply, Answer::kYes);
    case Intent::kNo: return record_answer(turn, reply, Answer::kNo);
    case Intent::kMaybe: return record_answer(turn, reply, Answer::kMaybe);
    case Intent::kStop: return set_opted_in(turn, false);
    case Intent::kStart: return set_opted_in(turn, true);
    case Intent::kPause: return pause(turn, reply);
    case Intent::kResume: return resume(turn);
    case Intent::kDistance: return set_distance(turn, reply);
    case Intent::kStatus: return status(turn);
    case Intent::kHelp:
    case Intent::kUnknown: break;
  }
  turn.audit("family.help", "intent=" + std::string(to_string(reply.intent)));
  turn.reply("family_help");
}

}  // namespace noodbel
