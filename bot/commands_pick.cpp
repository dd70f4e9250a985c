// /kies (/pick), /bevestig (/confirm) and /volgende (/next): choosing a family for a call
// in two steps, as the services match "together with the other professionals involved".
// /kies marks a family chosen (it hears that a caseworker calls now; nobody else is
// released); /bevestig matches the call and only then thanks the others; /volgende, or
// /kies of another family, passes the chosen one over, kindly, and moves on.
#include <algorithm>
#include <vector>

#include "bot/board.h"
#include "bot/commands_support.h"
#include "bot/phone.h"
#include "bot/text/ascii.h"
#include "bot/text_normalize.h"
#include "bot/waves.h"

namespace noodbel::command {
namespace {

constexpr std::size_t kCandidatesNamed = 5;

Board board_of(const Request& req, const Call& call) {
  return build_board(call, load_board_facts(req.repo(), call, req.now()), req.out.config().board);
}

std::string entry_label(const BoardEntry& e, int rank) {
  const std::string name = e.display_name.empty() ? e.family_id : e.display_name;
  return std::to_string(rank) + ". " + name + " (" + e.family_id + ")";
}

// "1. Peeters (F0012), 2. Janssens (F0040)", the first few; `none_yet` when empty.
std::string candidates(const Request& req, const Board& board) {
  std::string out;
  for (std::size_t i = 0; i < std::min(kCandidatesNamed, board.entries.size()); ++i) {
    out += (out.empty() ? "" : ", ") + entry_label(board.entries[i], static_cast<int>(i) + 1);
  }
  if (board.entries.size() > kCandidatesNamed) {
    out += ", +" + std::to_string(board.entries.size() - kCandidatesNamed);
  }
  return out.empty() ? req.text("none_yet") : out;
}

// Why a family that is not on the ranked list cannot be chosen.
void reject_unranked(const Request& req, const Board& board, const OtherFamily& o) {
  const std::string name = o.display_name.empty() ? o.family_id : o.display_name;
  const bool stopped = o.state == FamilyState::kStopped;
  req.reject(stopped ? "err_pick_stopped" : "err_family_not_answered",
             {{"code", board.call.code},
              {"family", o.family_id},
              {"name", name},
              {"candidates", candidates(req, board)}});
}

// The ranked family `who` names: its board rank ("1"), its id ("F0012") or a unique part
// of its name ("Peeters"), case and accents ignored. Else nothing, after a clear error.
std::optional<std::size_t> select(const Request& req, const Board& board, std::string_view who) {
  const Call& call = board.call;
  if (who.empty()) {
    req.reject("err_missing_family", {{"code", call.code}, {"example", req.text("usage_pick")},
                                      {"candidates", candidates(req, board)}});
    return std::nullopt;
  }
  if (all_digits(who) && who.size() <= 4) {
    const std::size_t rank = std::stoul(std::string(who));
    if (rank >= 1 && rank <= board.entries.size()) return rank - 1;
    req.reject("err_pick_rank", {{"code", call.code},
                                 {"value", std::string(who)},
                                 {"count", std::to_string(board.entries.size())},
                                 {"candidates", candidates(req, board)}});
    return std::nullopt;
  }
  const std::string id = upper_ascii(who);
  for (std::size_t i = 0; i < board.entries.size(); ++i) {
    if (board.entries[i].family_id == id) return i;
  }
  for (const OtherFamily& o : board.others) {
    if (o.family_id == id) {
      reject_unranked(req, board, o);
      return std::nullopt;
    }
  }
  const std::string wanted = fold_text(who);
  std::vector<std::size_t> matches;
  for (std::size_t i = 0; i < board.entries.size() && !wanted.empty(); ++i) {
    if (fold_text(board.entries[i].display_name).find(wanted) != std::string::npos) {
      matches.push_back(i);
    }
  }
  if (matches.size() == 1) return matches.front();
  std::string named;
  for (std::size_t i : matches) {
    named += (named.empty() ? "" : ", ") + entry_label(board.entries[i], static_cast<int>(i) + 1);
  }
  req.reject(matches.empty() ? "err_pick_unknown" : "err_pick_ambiguous",
             {{"code", call.code},
              {"value", std::string(who)},
              {"matches", named},
              {"candidates", candidates(req, board)}});
  return std::nullopt;
}

// "0470 12 34 56, 09 123 45 67": the family's distinct phone numbers, for people.
std::string phones_of(const Request& req, const Family& f) {
  std::string out;
  for (const std::string& number : phone_numbers(f.contacts)) {
    out += (out.empty() ? "" : ", ") + display_phone(number);
  }
  return out.empty() ? req.text("contact_none") : out;
}

// Tells a family about `call` with `name` (call_args plus the service), unless it said STOP.
void tell_family(const Request& req, const Family& family, const Call& call,
                 std::string_view name) {
  if (!family.opted_in) return;
  const Addressee to = addressee_of(family);
  Result<TemplateArgs> args = call_args(req.out.templates(), to.language, call, req.now());
  if (!args) return req.out.skipped(to, name, args.error());
  args->emplace_back("service", service_name(req.out.config(), call.service));
  req.out.send(to, name, *args, {kPriorityAlert, call.id});
}

// The chosen family is passed over: told kindly, its choice ended. Returns its name.
std::string pass_chosen(const Request& req, Call& call) {
  const std::string id = call.chosen_family.value_or("");
  req.repo().end_choice(call.id, id, ChoiceOutcome::kPassed, req.now());
  const std::optional<Family> family = req.repo().family(id);
  if (family) tell_family(req, *family, call, "passed_family");
  req.audit("call.pass", "code=" + call.code + " family=" + id);
  call.chosen_family.reset();
  call.chosen_at.reset();
  call.chosen_by.reset();
  req.repo().update_call(call);
  return family ? family->display_name : id;
}

// Marks `entry` chosen for `call`; the family hears a caseworker calls now. Returns the
// text for the caseworker ("" when the family is gone).
std::string choose(const Request& req, Call& call, const BoardEntry& entry, int rank) {
  const std::optional<Family> family = req.repo().family(entry.family_id);
  if (!family) return "";
  call.chosen_family = family->id;
  call.chosen_at = req.now();
  call.chosen_by = req.cw.id;
  req.repo().update_call(call);
  req.repo().add_choice({call.id, family->id, req.cw.id, req.now(), ChoiceOutcome::kChosen, {}});
  tell_family(req, *family, call, "picked_family");
  req.audit("call.choose", "code=" + call.code + " family=" + family->id +
                               " rank=" + std::to_string(rank));
  return req.text("pick_chosen", {{"code", call.code},
                                  {"rank", std::to_string(rank)},
                                  {"family", family->id},
                                  {"name", family->display_name},
                                  {"phone", phones_of(req, *family)}});
}

// The first ranked family after passing over: not passed before, not the one just passed.
std::optional<std::size_t> next_on(const Board& board, std::string_view just_passed) {
  for (std::size_t i = 0; i < board.entries.size(); ++i) {
    const BoardEntry& e = board.entries[i];
    if (!e.passed && e.family_id != just_passed) return i;
  }
  return std::nullopt;
}

bool require_chosen(const Request& req, const Call& call) {
  if (call.chosen_family) return true;
  req.reject("err_nothing_chosen", {{"code", call.code}});
  return false;
}

}  // namespace

void pick(const Request& req) {
  const std::optional<Target> target = find_call(req, "usage_pick");
  if (!target || !may_change(req, target->call)) return;
  Call call = target->call;
  const Board board = board_of(req, call);
  const std::optional<std::size_t> at = select(req, board, split_first(target->rest).first);
  if (!at) return;
  const BoardEntry& entry = board.entries[*at];
  const int rank = static_cast<int>(*at) + 1;
  if (call.chosen_family == entry.family_id) {
    req.audit("call.choose_again", "code=" + call.code + " family=" + entry.family_id);
    return req.reply("err_already_chosen", {{"code", call.code}, {"name", entry.display_name}});
  }
  std::string text;
  if (call.chosen_family) text = req.text("pick_passed", {{"name", pass_chosen(req, call)}}) + "\n";
  text += choose(req, call, entry, rank);
  req.reply_text(std::move(text));
}

void confirm(const Request& req) {
  const std::optional<Target> target = find_call(req, "usage_confirm");
  if (!target || !may_change(req, target->call) || !require_chosen(req, target->call)) return;
  Call call = target->call;
  const std::string family_id = *call.chosen_family;
  req.repo().end_choice(call.id, family_id, ChoiceOutcome::kConfirmed, req.now());
  call.matched_family = family_id;
  const std::vector<BoardEntry> ranked = board_of(req, call).entries;
  const auto waiting = std::count_if(ranked.begin(), ranked.end(), [](const BoardEntry& e) {
    return !e.chosen && !e.passed;
  });
  const Call ended =
      end_call(call, CallState::kMatched, req.cw.id, req.out, family_id, "not_picked_family");
  const std::optional<Family> family = req.repo().family(family_id);
  if (family) tell_family(req, *family, ended, "confirmed_family");
  req.audit("call.match", "code=" + ended.code + " family=" + family_id);
  req.reply("pick_confirmed", {{"code", ended.code},
                               {"family", family_id},
                               {"name", family ? family->display_name : family_id},
                               {"told", std::to_string(waiting)}});
}

void next_family(const Request& req) {
  const std::optional<Target> target = find_call(req, "usage_next");
  if (!target || !may_change(req, target->call) || !require_chosen(req, target->call)) return;
  Call call = target->call;
  const std::string passed_id = *call.chosen_family;
  std::string text = req.text("pick_passed", {{"name", pass_chosen(req, call)}});
  const Board board = board_of(req, call);
  const std::optional<std::size_t> next = next_on(board, passed_id);
  if (!next) {
    req.audit("call.next_none", "code=" + call.code);
    return req.reply_text(text + "\n" + req.text("pick_next_none", {{"code", call.code}}));
  }
  req.reply_text(text + "\n" + choose(req, call, board.entries[*next], static_cast<int>(*next) + 1));
}

}  // namespace noodbel::command
