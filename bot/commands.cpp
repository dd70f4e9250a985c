#include "bot/commands.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <utility>
#include <vector>

#include "bot/board.h"
#include "bot/call_code.h"
#include "bot/crisis_request.h"
#include "bot/reply_parser.h"
#include "bot/targeting.h"
#include "bot/waves.h"

namespace noodbel {
namespace {

struct CommandWord {
  std::string_view word;
  CommandKind kind;
};

constexpr std::array<CommandWord, 16> kCommandWords{{
    {"crisis", CommandKind::kCrisis},   {"new", CommandKind::kCrisis},
    {"nieuw", CommandKind::kCrisis},    {"bord", CommandKind::kBoard},
    {"board", CommandKind::kBoard},     {"oproepen", CommandKind::kCalls},
    {"calls", CommandKind::kCalls},     {"sluit", CommandKind::kClose},
    {"close", CommandKind::kClose},     {"annuleer", CommandKind::kCancel},
    {"cancel", CommandKind::kCancel},   {"kies", CommandKind::kPick},
    {"pick", CommandKind::kPick},       {"help", CommandKind::kHelp},
    {"hulp", CommandKind::kHelp},       {"start", CommandKind::kHelp},
}};

constexpr std::int64_t kSecondsPerDay = 24 * 3600;

std::string_view trim(std::string_view s) {
  const auto space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

std::string upper_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The first word and the trimmed rest.
std::pair<std::string_view, std::string_view> split_first(std::string_view s) {
  s = trim(s);
  const auto end = std::find_if(s.begin(), s.end(), [](char c) {
    return std::isspace(static_cast<unsigned char>(c)) != 0;
  });
  const auto n = static_cast<std::size_t>(end - s.begin());
  return {s.substr(0, n), trim(s.substr(n))};
}

// One caseworker command being handled.
struct Request {
  const Caseworker& cw;
  const InboundMessage& message;
  const Outbox& out;
  const ParsedCommand& command;

  Addressee to() const { return addressee_of(cw); }
  Language lang() const { return cw.language; }
  Repository& repo() const { return out.repo(); }
  void reply(std::string_view name, const TemplateArgs& args = {}) const {
    out.reply(to(), message, name, args);
  }
  void audit(std::string_view action, std::string detail) const {
    repo().audit({out.now(), cw.id, std::string(action), std::move(detail)});
  }
  void reject(std::string_view error_template, const TemplateArgs& args) const {
    audit("command.rejected",
          "command=" + command.word + " error=" + std::string(error_template));
    reply(error_template, args);
  }
  // A rendered text piece ("usage_board" -> "/bord K42"); "" after auditing an error.
  std::string text(std::string_view name, const TemplateArgs& args = {}) const {
    Result<std::string> r = out.render(lang(), name, args);
    if (!r) {
      out.skipped(to(), name, r.error());
      return "";
    }
    return *r;
  }
  // Replies with a template about `call` (call_args plus `extra`).
  void reply_about(const Call& call, std::string_view name, TemplateArgs extra = {}) const {
    Result<TemplateArgs> args = call_args(out.templates(), lang(), call, out.now());
    if (!args) {
      out.skipped(to(), name, args.error());
      return;
    }
    args->insert(args->end(), extra.begin(), extra.end());
    reply(name, *args);
  }
};

std::string service_name(const Config& config, const std::string& id) {
  for (const ServiceConfig& s : config.services) {
    if (s.id == id) return s.name;
  }
  return id;
}

struct Target {
  Call call;
  std::string_view rest;  // the arguments after the code
};

// The call named by the first argument, or nothing after a clear error reply.
std::optional<Target> find_call(const Request& req, std::string_view usage) {
  const auto [first, rest] = split_first(req.command.args);
  const TemplateArgs example{{"command", "/" + req.command.word}, {"example", req.text(usage)}};
  if (first.empty()) {
    req.reject("err_missing_code", example);
    return std::nullopt;
  }
  const std::string code = upper_ascii(first);
  if (!is_call_code(code)) {
    TemplateArgs args = example;
    args.emplace_back("value", std::string(first));
    req.reject("err_bad_code", args);
    return std::nullopt;
  }
  std::optional<Call> call = req.repo().call_by_code(code);
  if (!call) {
    req.reject("err_unknown_call", {{"code", code}});
    return std::nullopt;
  }
  return Target{*call, rest};
}

// True when the caseworker's service owns the open call; else replies why not.
bool may_change(const Request& req, const Call& call) {
  if (call.service != req.cw.service) {
    req.reject("err_not_your_service",
               {{"code", call.code}, {"service", service_name(req.out.config(), call.service)}});
    return false;
  }
  if (call.state != CallState::kOpen) {
    req.reject("err_call_not_open",
               {{"code", call.code},
                {"state", req.text("state_" + std::string(to_string(call.state)))}});
    return false;
  }
  return true;
}

void reject_crisis(const Request& req, const Error& e) {
  const std::string reason(crisis_error_reason(e));
  std::string name = "err_crisis_" + reason;
  const Templates& t = req.out.templates();
  if (reason.empty() || !(t.has(req.lang(), name) || t.has(Language::kNl, name))) {
    name = "err_crisis_generic";
  }
  req.reject(name, {{"value", std::string(crisis_error_value(e))},
                    {"example", req.text("usage_crisis")},
                    {"detail", e.message}});
}

Call make_call(const CrisisRequest& r, const Caseworker& cw, std::string code, UnixTime now) {
  Call call;
  call.code = std::move(code);
  call.service = cw.service;
  call.caseworker_id = cw.id;
  call.ages_months = r.ages_months;
  call.postcode = r.place.postcode;
  call.place = r.place.name;
  call.location = r.place.point;
  call.languages = r.languages;
  call.duration_hours = r.duration_hours;
  call.needed_from = r.needed_from;
  call.note = r.note;
  call.urgent = r.urgent;
  call.state = CallState::kOpen;
  call.created_at = now;
  return call;
}

void open_call(const Request& req, const Postcodes& postcodes, std::uint64_t seed) {
  const UnixTime now = req.out.now();
  Result<CrisisRequest> parsed =
      parse_crisis_request(req.command.args, postcodes, now, req.cw.language);
  if (!parsed) return reject_crisis(req, parsed.error());
  const std::int64_t reuse_after = std::int64_t{req.out.config().calls.code_reuse_days} *
                                   kSecondsPerDay;
  CallCodeGenerator codes(seed);
  Result<std::string> code =
      codes.next([&](std::string_view c) { return req.repo().code_in_use(c, now, reuse_after); });
  if (!code) return req.reject("err_no_free_code", {});

  Call call = make_call(*parsed, req.cw, *code, now);
  call.id = req.repo().insert_call(call);
  const std::vector<Family> families = req.repo().families();
  const std::vector<Candidate> eligible = eligible_families(call, families, now);
  const int size = wave_size_for(req.out.config().calls, parsed->wave_size);
  const int reached =
      send_wave(call, next_wave(eligible, {}, size, call.urgent), 1, families, req.out);
  req.audit("call.open", "code=" + call.code + " reached=" + std::to_string(reached) +
                             " eligible=" + std::to_string(eligible.size()));
  req.reply_about(call, eligible.empty() ? "call_opened_none" : "call_opened",
                  {{"reached", std::to_string(reached)},
                   {"eligible", std::to_string(eligible.size())}});
}

void show_board(const Request& req) {
  const std::optional<Target> target = find_call(req, "usage_board");
  if (!target) return;
  const Call& call = target->call;
  Repository& repo = req.repo();
  const Board board =
      build_board(call, repo.recipients(call.id), repo.responses(call.id), repo.families());
  Result<std::string> text = render_board(board, req.out.templates(), req.lang(), req.out.now());
  if (!text) return req.out.skipped(req.to(), "board_row", text.error());
  req.audit("board.view", "code=" + call.code);
  req.out.reply_text(req.to(), req.message, std::move(text).value());
}

void list_calls(const Request& req) {
  const std::vector<Call> open = req.repo().open_calls();
  req.audit("calls.list", "open=" + std::to_string(open.size()));
  if (open.empty()) return req.reply("calls_empty");
  std::string text = req.text("calls_header", {{"count", std::to_string(open.size())}});
  for (const Call& call : open) {
    Result<TemplateArgs> args = call_args(req.out.templates(), req.lang(), call, req.out.now());
    if (!args) return req.out.skipped(req.to(), "calls_row", args.error());
    const Board board = build_board(call, req.repo().recipients(call.id),
                                    req.repo().responses(call.id), {});
    args->insert(args->end(),
                 {{"yes", std::to_string(board.answered_yes)},
                  {"maybe", std::to_string(board.maybe)},
                  {"sent", std::to_string(board.sent)},
                  {"service", service_name(req.out.config(), call.service)}});
    text += "\n" + req.text("calls_row", *args);
  }
  req.out.reply_text(req.to(), req.message, std::move(text));
}

int count_yes_or_maybe(const std::vector<Response>& responses) {
  return static_cast<int>(std::count_if(responses.begin(), responses.end(), [](const Response& r) {
    return r.answer != Answer::kNo;
  }));
}

void end_by_caseworker(const Request& req, CallState state) {
  const bool close = state == CallState::kClosed;
  const std::optional<Target> target = find_call(req, close ? "usage_close" : "usage_cancel");
  if (!target || !may_change(req, target->call)) return;
  const int told = count_yes_or_maybe(req.repo().responses(target->call.id));
  const Call ended = end_call(target->call, state, req.out);
  req.audit(close ? "call.close" : "call.cancel",
            "code=" + ended.code + " reason_given=" + (target->rest.empty() ? "no" : "yes"));
  req.reply_about(ended, close ? "call_closed" : "call_cancelled",
                  {{"told", std::to_string(told)}});
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
  Result<TemplateArgs> args = call_args(req.out.templates(), chosen.language, call, req.out.now());
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

void pick(const Request& req) {
  const std::optional<Target> target = find_call(req, "usage_pick");
  if (!target || !may_change(req, target->call)) return;
  const std::optional<Family> family = chosen_family(req, target->call, target->rest);
  if (!family) return;
  Call call = target->call;
  call.matched_family = family->id;
  const Call ended = end_call(call, CallState::kMatched, req.out, family->id, "not_picked_family");
  tell_chosen_family(req, *family, ended);
  req.audit("call.match", "code=" + ended.code + " family=" + family->id);
  const std::optional<std::string> phone = first_phone_or_contact(family->contacts);
  req.reply_about(ended, "pick_done", {{"family", family->id},
                                       {"name", family->display_name},
                                       {"phone", phone ? *phone : req.text("contact_none")}});
}

void help(const Request& req) {
  if (req.command.kind == CommandKind::kUnknown && !req.command.word.empty()) {
    req.audit("command.unknown", "command=" + req.command.word);
    return req.reply("err_unknown_command",
                     {{"command", "/" + req.command.word}, {"help", req.text("caseworker_help")}});
  }
  req.audit("command.help", "");
  req.reply("caseworker_help");
}

}  // namespace

ParsedCommand parse_command(std::string_view text) {
  const auto [first, rest] = split_first(text);
  std::string_view word = first;
  if (!word.empty() && word.front() == '/') word.remove_prefix(1);
  word = word.substr(0, word.find('@'));
  ParsedCommand out;
  out.word = lower_ascii(word);
  out.args = std::string(rest);
  for (const CommandWord& w : kCommandWords) {
    if (w.word == out.word) out.kind = w.kind;
  }
  return out;
}

void handle_command(const Caseworker& caseworker, const InboundMessage& message,
                    const Postcodes& postcodes, const Outbox& out, std::uint64_t seed) {
  const ParsedCommand command = parse_command(message.text);
  const Request req{caseworker, message, out, command};
  switch (command.kind) {
    case CommandKind::kCrisis: return open_call(req, postcodes, seed);
    case CommandKind::kBoard: return show_board(req);
    case CommandKind::kCalls: return list_calls(req);
    case CommandKind::kClose: return end_by_caseworker(req, CallState::kClosed);
    case CommandKind::kCancel: return end_by_caseworker(req, CallState::kCancelled);
    case CommandKind::kPick: return pick(req);
    case CommandKind::kHelp:
    case CommandKind::kUnknown: return help(req);
  }
}

}  // namespace noodbel
