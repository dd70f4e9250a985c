#include "bot/conversation.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "bot/answer_binding.h"
#include "bot/call_notices.h"
#include "bot/condition_text.h"
#include "bot/decision_time.h"
#include "bot/family_turn.h"
#include "bot/phone.h"
#include "bot/reply/parser.h"
#include "bot/self_service.h"
#include "bot/throttle.h"

namespace noodbel {
namespace {

// A family's own words forwarded to a caseworker are cut at this many bytes.
constexpr std::size_t kMaxForwardedBytes = 1000;

std::string joined(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

// `text` cut to at most kMaxForwardedBytes on a UTF-8 character boundary.
std::string excerpt(std::string_view text) {
  if (text.size() <= kMaxForwardedBytes) return std::string(text);
  std::size_t end = kMaxForwardedBytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return std::string(text.substr(0, end)) + "...";
}

std::optional<Response> response_of(const FamilyTurn& turn, std::int64_t call_id) {
  return turn.repo().response(call_id, turn.family.id);
}

std::string_view ack_template(Answer answer, bool changed) {
  switch (answer) {
    case Answer::kYes: return changed ? "ack_changed_yes" : "ack_yes";
    case Answer::kNo: return changed ? "ack_changed_no" : "ack_no";
    case Answer::kMaybe: break;
  }
  return changed ? "ack_changed_maybe" : "ack_maybe";
}

std::string_view answer_template(Answer answer) {
  switch (answer) {
    case Answer::kYes: return "answer_yes";
    case Answer::kNo: return "answer_no";
    case Answer::kMaybe: break;
  }
  return "answer_maybe";
}

std::string answer_detail(const Call& call, Answer answer, const std::optional<Response>& before) {
  return "code=" + call.code + " answer=" + std::string(to_string(answer)) +
         (before ? " previous=" + std::string(to_string(before->answer)) : "");
}

// Several open calls and no code: list them ("K42: 4 jaar, Gent") and ask which.
void ask_which(const FamilyTurn& turn, const std::vector<Call>& open) {
  std::vector<std::string> lines;
  for (const Call& call : open) {
    Result<TemplateArgs> args =
        call_args(turn.out.templates(), turn.family.preferred_language, call, turn.now());
    Result<std::string> line =
        args ? turn.out.render(turn.family.preferred_language, "call_line", *args)
             : Result<std::string>(args.error());
    if (!line) return turn.out.skipped(turn.to(), "which_call", line.error());
    lines.push_back(*line);
  }
  turn.audit("reply.which_call", "open=" + std::to_string(open.size()));
  turn.reply("which_call", {{"calls", joined(lines, "\n")}, {"code", open.front().code}});
}

void tell_caseworker_of_change(const FamilyTurn& turn, const Call& call, Answer answer);

// What the family's answer is stored as: its words, conditions and the answer it replaced.
Response response_from(const FamilyTurn& turn, const Call& call, Answer answer,
                       const ParsedReply& reply, const std::optional<Response>& before) {
  Response r;
  r.call_id = call.id;
  r.family_id = turn.family.id;
  r.answer = answer;
  r.answered_at = turn.now();
  r.text = turn.message.text;
  if (answer != Answer::kNo) {
    r.conditions = reply.conditions;
    r.note = reply.note.value_or("");
  }
  if (before) r.previous = before->answer != answer ? before->answer : before->previous;
  return r;
}

// The acknowledgement repeats what was understood ("JA, vanaf 18:00 vandaag (maandag)")
// and when the family hears whether it is chosen (bot/decision_time.h).
void acknowledge(const FamilyTurn& turn, const Call& call, const Response& r, bool changed) {
  const Language lang = turn.family.preferred_language;
  Result<std::string> understood = render_conditions(turn.out.templates(), lang, r.conditions,
                                                     !r.note.empty(), turn.now());
  Result<std::string> decision =
      render_decision(turn.out.templates(), lang,
                      decision_for(turn.out.config(), call.service, turn.now()), turn.now());
  if (!understood || !decision) {
    return turn.out.skipped(turn.to(), ack_template(r.answer, changed),
                            !understood ? understood.error() : decision.error());
  }
  turn.reply_about(call, ack_template(r.answer, changed),
                   {{"understood", understood->empty() ? "" : ", " + *understood},
                    {"decision", *decision}});
}

void record(const FamilyTurn& turn, const Call& call, Answer answer, const ParsedReply& reply) {
  const std::optional<Response> before = response_of(turn, call.id);
  const Response r = response_from(turn, call, answer, reply, before);
  turn.repo().upsert_response(r);
  const bool changed = before && before->answer != answer;
  turn.audit(changed ? "response.change" : "response.record", answer_detail(call, answer, before));
  acknowledge(turn, call, r, changed);
  if (call.chosen_family == turn.family.id && changed) {
    return tell_caseworker_of_change(turn, call, answer);
  }
  if (answer != Answer::kNo || changed) notify_answers(call, turn.out);
}

// The caseworker who picked this family hears at once that it answers differently now.
void tell_caseworker_of_change(const FamilyTurn& turn, const Call& call, Answer answer) {
  const std::optional<Caseworker> caseworker = call_caseworker(call, turn.out);
  if (!caseworker) return;
  const Addressee to = addressee_of(*caseworker);
  Result<std::string> word = turn.out.render(to.language, answer_template(answer), {});
  if (!word) return turn.out.skipped(to, "family_changed_answer", word.error());
  turn.out.send(to, "family_changed_answer",
                {{"family", turn.family.id},
                 {"name", turn.family.display_name},
                 {"code", call.code},
                 {"answer", *word},
                 {"text", excerpt(turn.message.text)}},
                {kPriorityNotice, call.id});
}

// An answer from the family picked for `call` (matched): a new answer is recorded and
// the caseworker told; the same answer again only gets a reminder.
void answer_after_pick(const FamilyTurn& turn, const Call& call, Answer answer,
                       const ParsedReply& reply) {
  const std::optional<Response> before = response_of(turn, call.id);
  if (before && before->answer == answer) {
    turn.audit("reply.picked_same", answer_detail(call, answer, before));
    turn.reply_about(call, "picked_reminder");
    return;
  }
  turn.repo().upsert_response(response_from(turn, call, answer, reply, before));
  turn.audit("response.change_after_pick", answer_detail(call, answer, before));
  tell_caseworker_of_change(turn, call, answer);
  turn.reply_about(call, "ack_picked_changed");
}

void answer(const FamilyTurn& turn, const ParsedReply& reply, Answer given) {
  const AnswerBinding binding = bind_answer(turn, reply);
  switch (binding.kind) {
    case AnswerBinding::Kind::kUnknownCode:
      turn.audit("reply.unknown_code", "code=" + binding.code);
      return turn.reply("err_unknown_code", {{"code", binding.code}});
    case AnswerBinding::Kind::kSeveralOpen:
      return ask_which(turn, binding.open);
    case AnswerBinding::Kind::kNone:
      turn.audit("reply.no_open_call", "");
      return turn.reply("no_open_call");
    case AnswerBinding::Kind::kCall:
      break;
  }
  const Call& call = *binding.call;
  if (call.state == CallState::kOpen) return record(turn, call, given, reply);
  if (call.state == CallState::kMatched && call.matched_family == turn.family.id) {
    return answer_after_pick(turn, call, given, reply);
  }
  turn.audit("reply.call_not_open",
             "code=" + call.code + " state=" + std::string(to_string(call.state)));
  turn.reply_about(call, call.state == CallState::kMatched ? "call_already_filled"
                                                           : "call_no_longer_open");
}

// A message that is not an answer — a question, or a request to be called — goes to the
// caseworker(s) of the family's open calls in the family's own words, and is kept for the
// board; without an open call, the family gets the help text.
void forward(const FamilyTurn& turn, const ParsedReply& reply) {
  const QuestionKind kind =
      reply.intent == Intent::kCallMe ? QuestionKind::kCallMe : QuestionKind::kQuestion;
  const bool call_me = kind == QuestionKind::kCallMe;
  const std::vector<Call> calls = calls_to_forward_about(turn, reply);
  std::map<std::string, std::vector<const Call*>> by_caseworker;
  for (const Call& call : calls) by_caseworker[call.caseworker_id].push_back(&call);
  std::vector<std::string> codes;
  std::vector<std::string> told;
  for (const auto& [caseworker_id, theirs] : by_caseworker) {
    const std::optional<Caseworker> caseworker = call_caseworker(*theirs.front(), turn.out);
    if (!caseworker) continue;
    std::vector<std::string> their_codes;
    for (const Call* call : theirs) their_codes.push_back(call->code);
    const bool sent = turn.out.send(
        addressee_of(*caseworker), call_me ? "forwarded_call_me" : "forwarded_to_caseworker",
        {{"family", turn.family.id},
         {"name", turn.family.display_name},
         {"codes", joined(their_codes, ", ")},
         {"phone", display_phone(first_phone_or_contact(turn.family.contacts).value_or("-"))},
         {"text", excerpt(turn.message.text)}},
        {call_me ? kPriorityAlert : kPriorityNotice, theirs.front()->id});
    if (!sent) continue;
    for (const Call* call : theirs) {
      turn.repo().add_question({call->id, turn.family.id, kind, excerpt(turn.message.text),
                                turn.now()});
    }
    told.push_back(caseworker_id);
    codes.insert(codes.end(), their_codes.begin(), their_codes.end());
  }
  if (told.empty()) return help(turn, "intent=" + std::string(to_string(reply.intent)));
  turn.audit(call_me ? "family.call_me" : "family.forward",
             "codes=" + joined(codes, ",") + " to=" + joined(told, ","));
  const std::optional<std::int64_t> about =
      calls.size() == 1 ? std::optional<std::int64_t>(calls.front().id) : std::nullopt;
  turn.reply(call_me ? "forwarded_call_me_family" : "forwarded",
             {{"codes", joined(codes, ", ")}}, about);
}

}  // namespace

void handle_family_message(const Family& family, const InboundMessage& message,
                           const ReplyParser& parser, const Outbox& out) {
  const FamilyTurn turn{family, message, out};
  const ParsedReply reply = parser.parse(message.text, reply_context_at(out.now()));
  const ThrottleVerdict verdict = count_message(family.id, out);
  const std::string intent(to_string(reply.intent));
  if (!family.opted_in && reply.intent != Intent::kStart) {
    // STOP means nothing after the confirmation, until START; only HELP is still answered
    // (carriers require it), and the help text says START brings the calls back.
    if (verdict != ThrottleVerdict::kAct) return;
    turn.audit("inbound.opted_out", "intent=" + intent);
    if (reply.intent == Intent::kHelp) help(turn, "intent=help opted_out");
    return;
  }
  if (verdict != ThrottleVerdict::kAct && reply.intent != Intent::kStop) {
    if (verdict == ThrottleVerdict::kNotice) {
      turn.audit("inbound.throttled",
                 "more than " + std::to_string(kFamilyMessagesPerMinute) + " a minute");
      turn.reply("throttled", {{"limit", std::to_string(kFamilyMessagesPerMinute)}});
    }
    return;
  }
  switch (reply.intent) {
    case Intent::kYes: return answer(turn, reply, Answer::kYes);
    case Intent::kNo: return answer(turn, reply, Answer::kNo);
    case Intent::kMaybe: return answer(turn, reply, Answer::kMaybe);
    case Intent::kStop: return stop(turn);
    case Intent::kStart: return start(turn);
    case Intent::kPause: return pause(turn, reply);
    case Intent::kResume: return resume(turn);
    case Intent::kDistance: return set_distance(turn, reply);
    case Intent::kStatus: return status(turn);
    case Intent::kHelp: return help(turn, "intent=help");
    case Intent::kCallMe:
    case Intent::kUnknown: return forward(turn, reply);
  }
  help(turn, "intent=" + intent);
}

}  // namespace noodbel
