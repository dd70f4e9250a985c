// /oproepen, /bord, /sluit, /annuleer and /kies: the commands about existing calls.
#include <algorithm>
#include <vector>

#include "bot/board.h"
#include "bot/commands_support.h"
#include "bot/waves.h"

namespace noodbel::command {
namespace {

int count_yes_or_maybe(const std::vector<Response>& responses) {
  return static_cast<int>(std::count_if(responses.begin(), responses.end(), [](const Response& r) {
    return r.answer != Answer::kNo;
  }));
}

// Families that answered yes or maybe, as "F0012, F0040" (or `none_yet`).
std::string answered_list(const Request& req, const std::vector<Response>& responses) {
  std::string ids;
  for (const Response& r : responses) {
    if (r.answer == Answer::kNo) continue;
    ids += (ids.empty() ? "" : ", ") + r.family_id;
  }
  return ids.empty() ? req.text("none_yet") : ids;
}

void tell_chosen_family(const Request& req, const Family& family, const Call& call) {
  if (!family.opted_in) return;  // a family that said STOP hears nothing more
  const Addressee chosen = addressee_of(family);
  Result<TemplateArgs> args = call_args(req.out.templates(), chosen.language, call, req.now());
  if (!args) return req.out.skipped(chosen, "picked_family", args.error());
  args->emplace_back("service", service_name(req.out.config(), call.service));
  req.out.send(chosen, "picked_family", *args, {kPriorityNotice, call.id});
}

// The family a /kies names, when it answered yes or maybe; else nothing after replying.
std::optional<Family> chosen_family(const Request& req, const Call& call, std::string_view rest) {
  const std::string_view word = split_first(rest).first;
  if (word.empty()) {
    req.reject("err_missing_family", {{"code", call.code}, {"example", req.text("usage_pick")}});
    return std::nullopt;
  }
  const std::string family_id = upper_ascii(word);
  const std::vector<Response> responses = req.repo().responses(call.id);
  const bool answered = std::any_of(responses.begin(), responses.end(), [&](const Response& r) {
    return r.family_id == family_id && r.answer != Answer::kNo;
  });
  std::optional<Family> family = answered ? req.repo().family(family_id) : std::nullopt;
  if (!family) {
    req.reject("err_family_not_answered", {{"code", call.code},
                                           {"family", family_id},
                                           {"candidates", answered_list(req, responses)}});
  }
  return family;
}

}  // namespace

void show_board(const Request& req, const Links* links) {
  const std::optional<Target> target = find_call(req, "usage_board");
  if (!target) return;
  const Call& call = target->call;
  const Board board = build_board(call, load_board_facts(req.repo(), call, req.now()),
                                  req.out.config().board);
  Result<std::string> text = render_board(board, req.out.templates(), req.lang(), req.now());
  if (!text) return req.out.skipped(req.to(), "board_row", text.error());
  req.audit("board.view", "code=" + call.code + " entries=" + std::to_string(board.entries.size()));
  std::string reply = std::move(text).value();
  if (links != nullptr) {
    const std::string link = req.text(
        "board_link", {{"url", links->board_url(call.code, req.cw.id, req.now())},
                       {"hours", std::to_string(req.out.config().web.board_link_hours)}});
    if (!link.empty()) reply += "\n" + link;
  }
  req.reply_text(std::move(reply));
}

void list_calls(const Request& req) {
  const std::vector<Call> open = req.repo().open_calls();
  req.audit("calls.list", "open=" + std::to_string(open.size()));
  if (open.empty()) return req.reply("calls_empty");
  std::string text = req.text("calls_header", {{"count", std::to_string(open.size())}});
  for (const Call& call : open) {
    Result<TemplateArgs> args = call_args(req.out.templates(), req.lang(), call, req.now());
    if (!args) return req.out.skipped(req.to(), "calls_row", args.error());
    const BoardCounts counts =
        count_answers(req.repo().recipients(call.id), req.repo().responses(call.id));
    args->insert(args->end(), {{"yes", std::to_string(counts.yes)},
                               {"maybe", std::to_string(counts.maybe)},
                               {"sent", std::to_string(counts.sent)},
                               {"service", service_name(req.out.config(), call.service)}});
    text += "\n" + req.text("calls_row", *args);
  }
  req.reply_text(std::move(text));
}

void end_by_caseworker(const Request& req, CallState state) {
  const bool close = state == CallState::kClosed;
  const std::optional<Target> target = find_call(req, close ? "usage_close" : "usage_cancel");
  if (!target || !may_change(req, target->call)) return;
  const int told = count_yes_or_maybe(req.repo().responses(target->call.id));
  const Call ended = end_call(target->call, state, req.cw.id, req.out);
  req.audit(close ? "call.close" : "call.cancel",
            "code=" + ended.code + " reason_given=" + (target->rest.empty() ? "no" : "yes"));
  req.reply_about(ended, close ? "call_closed" : "call_cancelled",
                  {{"told", std::to_string(told)}});
}

void pick(const Request& req) {
  const std::optional<Target> target = find_call(req, "usage_pick");
  if (!target || !may_change(req, target->call)) return;
  const std::optional<Family> family = chosen_family(req, target->call, target->rest);
  if (!family) return;
  Call call = target->call;
  call.matched_family = family->id;
  const Call ended =
      end_call(call, CallState::kMatched, req.cw.id, req.out, family->id, "not_picked_family");
  tell_chosen_family(req, *family, ended);
  req.audit("call.match", "code=" + ended.code + " family=" + family->id);
  const auto phone = std::find_if(family->contacts.begin(), family->contacts.end(),
                                  [](const Contact& c) {
                                    return c.channel == Channel::kSms ||
                                           c.channel == Channel::kSignal;
                                  });
  req.reply_about(ended, "pick_done",
                  {{"family", family->id},
                   {"name", family->display_name},
                   {"phone", phone != family->contacts.end() ? phone->address
                                                             : req.text("contact_none")}});
}

}  // namespace noodbel::command
