#include "bot/answer_binding.h"

#include <algorithm>

namespace noodbel {
namespace {

bool picked_for(const Call& call, const Family& family) {
  return call.state == CallState::kMatched && call.matched_family == family.id;
}

// The call the message quotes, when the channel told us and it was sent to this family.
std::optional<Call> quoted_call(const FamilyTurn& turn) {
  if (!turn.message.reply_to || turn.message.reply_to->empty()) return std::nullopt;
  const std::optional<std::int64_t> id =
      turn.repo().call_of_sent_message(turn.message.channel, *turn.message.reply_to);
  if (!id) return std::nullopt;
  std::optional<Call> call = turn.repo().call_by_id(*id);
  if (!call || !was_sent_to(*call, turn.family.id, turn.repo())) return std::nullopt;
  return call;
}

AnswerBinding bound(Call call, AnswerBinding::How how) {
  AnswerBinding b;
  b.kind = AnswerBinding::Kind::kCall;
  b.how = how;
  b.call = std::move(call);
  return b;
}

// No open call: the call this family was picked for lately, else its only recent call.
AnswerBinding recent_binding(const FamilyTurn& turn) {
  const std::vector<Call> recent =
      turn.repo().recent_calls_for_family(turn.family.id, turn.now() - kRecentCallSeconds);
  const auto picked = std::find_if(recent.begin(), recent.end(),
                                   [&](const Call& c) { return picked_for(c, turn.family); });
  if (picked != recent.end()) return bound(*picked, AnswerBinding::How::kRecent);
  if (recent.size() == 1) return bound(recent.front(), AnswerBinding::How::kRecent);
  return {};
}

}  // namespace

AnswerBinding bind_answer(const FamilyTurn& turn, const ParsedReply& reply) {
  if (reply.call_code) {
    std::optional<Call> call = turn.repo().call_by_code(*reply.call_code);
    if (call && was_sent_to(*call, turn.family.id, turn.repo())) {
      return bound(std::move(*call), AnswerBinding::How::kCode);
    }
    AnswerBinding b;
    b.kind = AnswerBinding::Kind::kUnknownCode;
    b.code = *reply.call_code;
    return b;
  }
  if (std::optional<Call> quoted = quoted_call(turn)) {
    return bound(std::move(*quoted), AnswerBinding::How::kQuote);
  }
  std::vector<Call> open = turn.repo().open_calls_for_family(turn.family.id);
  if (open.size() == 1) return bound(std::move(open.front()), AnswerBinding::How::kOnlyOpen);
  if (open.empty()) return recent_binding(turn);
  AnswerBinding b;
  b.kind = AnswerBinding::Kind::kSeveralOpen;
  b.open = std::move(open);
  return b;
}

std::vector<Call> calls_to_forward_about(const FamilyTurn& turn, const ParsedReply& reply) {
  const auto relevant = [&](const Call& c) {
    return c.state == CallState::kOpen || picked_for(c, turn.family);
  };
  if (reply.call_code) {
    std::optional<Call> named = turn.repo().call_by_code(*reply.call_code);
    if (named && relevant(*named) && was_sent_to(*named, turn.family.id, turn.repo())) {
      return {*named};
    }
  }
  if (std::optional<Call> quoted = quoted_call(turn); quoted && relevant(*quoted)) {
    return {*quoted};
  }
  std::vector<Call> open = turn.repo().open_calls_for_family(turn.family.id);
  if (!open.empty()) return open;
  const AnswerBinding recent = recent_binding(turn);
  if (recent.call && picked_for(*recent.call, turn.family)) return {*recent.call};
  return {};
}

}  // namespace noodbel
