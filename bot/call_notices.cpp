#include "bot/call_notices.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "bot/board.h"
#include "bot/condition_text.h"
#include "bot/decision_time.h"
#include "bot/local_time.h"

namespace noodbel {
namespace {

constexpr std::size_t kTopShown = 3;
constexpr std::size_t kWordsShown = 80;

Board current_board(const Call& call, const Outbox& out) {
  return build_board(call, load_board_facts(out.repo(), call, out.now()), out.config().board);
}

bool willing(Answer a) { return a != Answer::kNo; }

// The words of one answer for a caseworker's phone: one line, at most kWordsShown bytes.
std::string quoted_words(std::string_view text) {
  std::string line(text.substr(0, kWordsShown));
  while (!line.empty() && (static_cast<unsigned char>(line.back()) & 0xC0) == 0x80) line.pop_back();
  std::replace(line.begin(), line.end(), '\n', ' ');
  return line.size() < text.size() ? line + "..." : line;
}

// The pieces of a ranked row every notice uses.
Result<TemplateArgs> row_args(const BoardEntry& e, int rank, const Call& call, Language lang,
                              const Outbox& out) {
  Result<std::string> answer =
      out.render(lang, e.answer == Answer::kYes ? "answer_yes" : "answer_maybe", {});
  if (!answer) return answer.error();
  Result<std::string> conditions = render_checked_conditions(out.templates(), lang, e.conditions,
                                                             !e.note.empty(), out.now());
  if (!conditions) return conditions.error();
  return TemplateArgs{{"code", call.code},
                      {"rank", std::to_string(rank)},
                      {"family", e.family_id},
                      {"name", e.display_name.empty() ? e.family_id : e.display_name},
                      {"answer", *answer},
                      {"km", std::to_string(std::lround(e.distance_km))},
                      {"conditions", conditions->empty() ? "" : ", " + *conditions},
                      {"text", quoted_words(e.text)}};
}

TemplateArgs tally_args(const Call& call, const Board& board) {
  return {{"code", call.code},
          {"yes", std::to_string(board.counts.yes)},
          {"maybe", std::to_string(board.counts.maybe)},
          {"sent", std::to_string(board.counts.sent)}};
}

bool send_to_caseworker(const Call& call, const Outbox& out, std::string_view name,
                        const TemplateArgs& args, int priority) {
  const std::optional<Caseworker> cw = call_caseworker(call, out);
  if (!cw) return false;
  return out.send(addressee_of(*cw), name, args, {priority, call.id});
}

Language caseworker_language(const Call& call, const Outbox& out) {
  const std::optional<Caseworker> cw = out.repo().caseworker(call.caseworker_id);
  return cw ? cw->language : out.config().default_language;
}

void record(const Call& call, std::string_view kind, std::int64_t key, const Outbox& out) {
  out.repo().record_notice({call.id, std::string(kind), key, out.now()});
}

// The first yes or maybe, from the newest willing answer on the board.
void send_first_answer(const Call& call, const Board& board, const Outbox& out) {
  const auto newest = std::max_element(
      board.entries.begin(), board.entries.end(),
      [](const BoardEntry& a, const BoardEntry& b) { return a.answered_at < b.answered_at; });
  if (newest == board.entries.end()) return;
  const int rank = static_cast<int>(newest - board.entries.begin()) + 1;
  const Language lang = caseworker_language(call, out);
  Result<TemplateArgs> args = row_args(*newest, rank, call, lang, out);
  if (!args) return out.skipped({call.caseworker_id, {}, lang}, "notice_first_answer", args.error());
  if (send_to_caseworker(call, out, "notice_first_answer", *args, kPriorityAlert)) {
    record(call, "answers", out.now(), out);
  }
}

// How many answers changed since `since`: a yes or maybe, or a no that took one back.
int changes_since(const std::vector<Response>& responses, UnixTime since) {
  return static_cast<int>(std::count_if(responses.begin(), responses.end(), [&](const Response& r) {
    return r.answered_at > since && (willing(r.answer) || (r.previous && willing(*r.previous)));
  }));
}

void send_update(const Call& call, const Board& board, int changed, const Outbox& out) {
  const Language lang = caseworker_language(call, out);
  std::string top;
  for (std::size_t i = 0; i < std::min(kTopShown, board.entries.size()); ++i) {
    Result<TemplateArgs> args = row_args(board.entries[i], static_cast<int>(i) + 1, call, lang, out);
    Result<std::string> row = args ? out.render(lang, "notice_row", *args)
                                   : Result<std::string>(args.error());
    if (!row) return out.skipped({call.caseworker_id, {}, lang}, "notice_row", row.error());
    top += (top.empty() ? "" : "\n") + *row;
  }
  TemplateArgs args = tally_args(call, board);
  args.emplace_back("changed", std::to_string(changed));
  args.emplace_back("top", top);
  const char* name = board.entries.empty() ? "notice_answers_none" : "notice_answers";
  if (send_to_caseworker(call, out, name, args, kPriorityNotice)) {
    record(call, "answers", out.now(), out);
  }
}

// An update when answers changed since the last notice and that notice is old enough.
void update_if_due(const Call& call, const CallNotice& last, const Outbox& out) {
  const std::int64_t every = std::int64_t{out.config().calls.answers_notice_minutes} * 60;
  if (out.now() < last.at + every) return;
  const int changed = changes_since(out.repo().responses(call.id), last.at);
  if (changed == 0) return;
  send_update(call, current_board(call, out), changed, out);
}

void remind_to_confirm(const Call& call, const Outbox& out) {
  if (!call.chosen_family || !call.chosen_at) return;
  const std::int64_t every = std::int64_t{out.config().calls.confirm_reminder_minutes} * 60;
  const std::int64_t due = *call.chosen_at + (out.now() - *call.chosen_at) / every * every;
  if (due <= *call.chosen_at) return;
  if (!out.repo().record_notice({call.id, "confirm", due, out.now()})) return;
  const std::optional<Family> f = out.repo().family(*call.chosen_family);
  send_to_caseworker(call, out, "notice_confirm",
                     {{"code", call.code},
                      {"family", *call.chosen_family},
                      {"name", f ? f->display_name : *call.chosen_family},
                      {"minutes", std::to_string((out.now() - *call.chosen_at) / 60)}},
                     kPriorityNotice);
}

void warn_expiry(const Call& call, const Outbox& out) {
  if (call.chosen_family) return;
  const CallsConfig calls = calls_for_service(out.config(), call.service);
  const UnixTime expires = expiry_of(call, calls);
  const std::int64_t warning = std::int64_t{calls.expiry_warning_minutes} * 60;
  if (out.now() < expires - warning || out.now() >= expires) return;
  if (!out.repo().record_notice({call.id, "expiring", expires, out.now()})) return;
  const Language lang = caseworker_language(call, out);
  Result<std::string> when = render_day(out.templates(), lang, expires, out.now());
  if (!when) return out.skipped({call.caseworker_id, {}, lang}, "notice_expiring", when.error());
  TemplateArgs args = tally_args(call, current_board(call, out));
  args.insert(args.end(), {{"time", format_local(expires, "time")},
                           {"when", *when},
                           {"hours", std::to_string(calls.expiry_hours)}});
  send_to_caseworker(call, out, "notice_expiring", args, kPriorityAlert);
}

// Families read "uiterlijk maandag 09:00": at that time the caseworker is reminded.
void remind_decision(const Call& call, const Outbox& out) {
  if (call.chosen_family) return;
  const Decision d = decision_for(out.config(), call.service, call.created_at);
  if (!d.waits || !d.by || out.now() < *d.by) return;
  const Board board = current_board(call, out);
  if (board.entries.empty()) return;
  if (!out.repo().record_notice({call.id, "decision", *d.by, out.now()})) return;
  TemplateArgs args = tally_args(call, board);
  args.emplace_back("time", format_local(*d.by, "time"));
  send_to_caseworker(call, out, "notice_decision", args, kPriorityAlert);
}

}  // namespace

std::optional<Caseworker> call_caseworker(const Call& call, const Outbox& out) {
  std::optional<Caseworker> cw = out.repo().caseworker(call.caseworker_id);
  if (!cw) {
    out.repo().audit({out.now(), "system", "outbound.no_caseworker",
                      "call=" + call.code + " caseworker=" + call.caseworker_id});
  }
  return cw;
}

UnixTime expiry_of(const Call& call, const CallsConfig& calls) {
  return call.expires_at.value_or(call.created_at + std::int64_t{calls.expiry_hours} * 3600);
}

void notify_answers(const Call& call, const Outbox& out) {
  const std::optional<CallNotice> last = out.repo().last_notice(call.id, "answers");
  if (last) return update_if_due(call, *last, out);
  const Board board = current_board(call, out);
  if (!board.entries.empty()) send_first_answer(call, board, out);
}

void notify_wave_end(const Call& call, int wave, const std::vector<Candidate>& next,
                     int remaining, const Outbox& out) {
  if (wave < 1 || !out.repo().record_notice({call.id, "wave_end", wave, out.now()})) return;
  const std::vector<Recipient> sent = out.repo().recipients(call.id);
  const int in_wave = static_cast<int>(std::count_if(
      sent.begin(), sent.end(), [&](const Recipient& r) { return r.wave == wave; }));
  const double farthest = next.empty() ? 0 : next.back().distance_km;
  TemplateArgs args{{"code", call.code},
                    {"wave", std::to_string(wave)},
                    {"families", std::to_string(in_wave)},
                    {"sent", std::to_string(sent.size())},
                    {"next", std::to_string(next.size())},
                    {"left", std::to_string(std::max(0, remaining - static_cast<int>(next.size())))},
                    {"km", std::to_string(std::lround(std::ceil(farthest)))},
                    {"remaining", std::to_string(remaining)}};
  send_to_caseworker(call, out, next.empty() ? "notice_wave_end_last" : "notice_wave_end", args,
                     kPriorityAlert);
}

void run_call_notices(const Call& call, const Outbox& out) {
  if (call.state != CallState::kOpen) return;
  if (const std::optional<CallNotice> last = out.repo().last_notice(call.id, "answers")) {
    update_if_due(call, *last, out);
  }
  remind_to_confirm(call, out);
  warn_expiry(call, out);
  remind_decision(call, out);
}

}  // namespace noodbel
