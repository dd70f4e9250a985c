#include "bot/commands.h"

#include <array>

#include "bot/commands_support.h"
#include "bot/text/ascii.h"

namespace noodbel {
namespace {

using command::Request;

struct CommandWord {
  std::string_view word;
  CommandKind kind;
};

constexpr std::array<CommandWord, 33> kCommandWords{{
    {"crisis", CommandKind::kCrisis},     {"new", CommandKind::kCrisis},
    {"nieuw", CommandKind::kCrisis},      {"bord", CommandKind::kBoard},
    {"board", CommandKind::kBoard},       {"oproepen", CommandKind::kCalls},
    {"calls", CommandKind::kCalls},       {"sluit", CommandKind::kClose},
    {"close", CommandKind::kClose},       {"annuleer", CommandKind::kCancel},
    {"cancel", CommandKind::kCancel},     {"kies", CommandKind::kPick},
    {"pick", CommandKind::kPick},         {"gezin", CommandKind::kFamily},
    {"family", CommandKind::kFamily},     {"gezinnen", CommandKind::kFamilies},
    {"families", CommandKind::kFamilies}, {"help", CommandKind::kHelp},
    {"hulp", CommandKind::kHelp},         {"start", CommandKind::kHelp},
    {"koppel", CommandKind::kLink},       {"link", CommandKind::kLink},
    {"bevestig", CommandKind::kConfirm},  {"confirm", CommandKind::kConfirm},
    {"volgende", CommandKind::kNext},     {"next", CommandKind::kNext},
    {"golf", CommandKind::kWave},         {"wave", CommandKind::kWave},
    {"dringend", CommandKind::kUrgent},   {"urgent", CommandKind::kUrgent},
    {"verleng", CommandKind::kExtend},    {"extend", CommandKind::kExtend},
    {"choose", CommandKind::kPick},
}};

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
  const auto [first, rest] = command::split_first(text);
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
                    const CommandEnv& env, const Outbox& out) {
  const ParsedCommand command = parse_command(message.text);
  const Request req{caseworker, message, out, command};
  switch (command.kind) {
    case CommandKind::kCrisis: return command::open_call(req, env);
    case CommandKind::kBoard: return command::show_board(req, env.links);
    case CommandKind::kCalls: return command::list_calls(req);
    case CommandKind::kClose: return command::end_by_caseworker(req, CallState::kClosed);
    case CommandKind::kCancel: return command::end_by_caseworker(req, CallState::kCancelled);
    case CommandKind::kPick: return command::pick(req);
    case CommandKind::kConfirm: return command::confirm(req);
    case CommandKind::kNext: return command::next_family(req);
    case CommandKind::kWave: return command::send_wave_now(req);
    case CommandKind::kUrgent: return command::make_urgent(req);
    case CommandKind::kExtend: return command::extend(req);
    case CommandKind::kFamily: return command::show_family(req, env.postcodes);
    case CommandKind::kFamilies: return command::count_families(req, env.postcodes);
    case CommandKind::kLink: return command::link_family(req, env);
    case CommandKind::kHelp:
    case CommandKind::kUnknown: return help(req);
  }
}

}  // namespace noodbel
