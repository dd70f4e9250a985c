// /oproepen, /bord, /sluit and /annuleer: the commands about existing calls.
#include <algorithm>
#include <charconv>
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

// The open calls of the caseworker's own service.
std::vector<Call> own_open_calls(const Request& req) {
  std::vector<Call> open = req.repo().open_calls();
  std::erase_if(open, [&](const Call& c) { return c.service != req.cw.service; });
  return open;
}

void show_board_of(const Request& req, const Call& call, int page, const Links* links) {
  const Board board = build_board(call, load_board_facts(req.repo(), call, req.now()),
                                  req.out.config().board);
  Result<std::string> text = render_board(board, req.out.templates(), req.lang(), req.now(), page);
  if (!text) return req.out.skipped(req.to(), "board_row", text.error());
  req.audit("board.view", "code=" + call.code + " entries=" + std::to_string(board.entries.size()));
  std::string reply = std::move(text).value();
  if (links != nullptr) {
    const std::string link =
        req.text("board_link", {{"url", links->board_url(call, req.cw.id, req.now())},
                                {"hours", std::to_string(links->board_link_hours())}});
    if (!link.empty()) reply += "\n" + link;
  }
  req.reply_text(std::move(reply));
}

// "/bord K42 2": the page number after the code; 1 when none. Nothing after an error.
std::optional<int> page_of(const Request& req, std::string_view rest) {
  const std::string_view word = split_first(rest).first;
  if (word.empty()) return 1;
  int page = 0;
  const auto [end, ec] = std::from_chars(word.data(), word.data() + word.size(), page);
  if (ec == std::errc() && end == word.data() + word.size() && page >= 1) return page;
  req.reject("err_board_page", {{"value", std::string(word)}, {"example", req.text("usage_board")}});
  return std::nullopt;
}

}  // namespace

void show_board(const Request& req, const Links* links) {
  if (split_first(req.command.args).first.empty()) {
    const std::vector<Call> own = own_open_calls(req);
    if (own.size() == 1) return show_board_of(req, own.front(), 1, links);
    req.audit("board.which", "open=" + std::to_string(own.size()));
    if (own.empty()) return req.reply("board_no_open_call", {{"example", req.text("usage_board")}});
    return list_calls(req);
  }
  const std::optional<Target> target = find_call(req, "usage_board");
  if (!target) return;
  const std::optional<int> page = page_of(req, target->rest);
  if (page) show_board_of(req, target->call, *page, links);
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
  if (ended.chosen_family) {  // told with the others above; the choice ends with the call
    req.repo().end_choice(ended.id, *ended.chosen_family, ChoiceOutcome::kPassed, req.now());
  }
  req.audit(close ? "call.close" : "call.cancel",
            "code=" + ended.code + " reason_given=" + (target->rest.empty() ? "no" : "yes"));
  req.reply_about(ended, close ? "call_closed" : "call_cancelled",
                  {{"told", std::to_string(told)}});
}

}  // namespace noodbel::command
