#include "bot/throttle.h"

#include <fmt/format.h>

namespace noodbel {

std::uint64_t fnv1a_64(std::string_view bytes) {
  constexpr std::uint64_t kOffsetBasis = 14695981039346656037ULL;
  constexpr std::uint64_t kPrime = 1099511628211ULL;
  std::uint64_t hash = kOffsetBasis;
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= kPrime;
  }
  return hash;
}

std::string sender_key(Channel channel, std::string_view address) {
  const std::string keyed = fmt::format("{}:{}", to_string(channel), address);
  return fmt::format("{:016x}", fnv1a_64(keyed));
}

UnixTime minute_window(UnixTime now) {
  const UnixTime into = now % 60;
  return now - (into < 0 ? into + 60 : into);
}

ThrottleVerdict throttle_verdict(int count_in_window) {
  if (count_in_window <= kFamilyMessagesPerMinute) return ThrottleVerdict::kAct;
  if (count_in_window == kFamilyMessagesPerMinute + 1) return ThrottleVerdict::kNotice;
  return ThrottleVerdict::kSilent;
}

ThrottleVerdict count_message(std::string_view person_id, const Outbox& out) {
  return throttle_verdict(out.repo().count_message(person_id, minute_window(out.now())));
}

bool answer_unknown_sender(const InboundMessage& message, const Outbox& out) {
  const int count = out.repo().count_unknown_sender(
      message.channel, sender_key(message.channel, message.address), out.now(),
      kUnknownSenderWindowSeconds);
  if (count > 1) return false;
  const std::string channel(to_string(message.channel));
  if (message.channel == Channel::kUnknown || message.address.empty()) {
    out.repo().audit({out.now(), "system", "inbound.unknown_sender",
                      "channel=" + channel + " not answered: no way back"});
    return false;
  }
  const Addressee nobody{"", {}, out.config().default_language};
  Result<std::string> text = out.render(nobody.language, kUnknownSenderTemplate, {});
  if (!text) {
    out.skipped(nobody, kUnknownSenderTemplate, text.error());
    return false;
  }
  OutboundMessage reply;
  reply.channel = message.channel;
  reply.address = message.address;
  reply.text = std::move(text).value();
  reply.priority = kPriorityReply;
  out.repo().enqueue(reply, out.now());
  out.repo().audit({out.now(), "system", "inbound.unknown_sender",
                    "channel=" + channel + " answered once for 24 hours"});
  return true;
}

}  // namespace noodbel
