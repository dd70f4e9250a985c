// ChannelSender: the port through which the Dispatcher hands one outbox row to a
// channel adapter (SMS, Signal, Telegram, sandbox). Implementations say whether a
// failure is worth retrying. Each sender is called from one dispatcher thread only.
#pragma once

#include <optional>
#include <string>

#include "bot/types.h"

namespace noodbel {

struct SendResult {
  enum class Kind { kSent, kTemporary, kPermanent };
  Kind kind = Kind::kSent;
  std::string provider_message_id;         // when sent
  std::string error;                       // when not sent: short, no message body
  std::optional<int> retry_after_seconds;  // the provider's hint for a temporary failure

  static SendResult sent(std::string provider_id) { return {Kind::kSent, std::move(provider_id), {}, {}}; }
  static SendResult temporary(std::string error, std::optional<int> retry_after = {}) {
    return {Kind::kTemporary, {}, std::move(error), retry_after};
  }
  static SendResult permanent(std::string error) { return {Kind::kPermanent, {}, std::move(error), {}}; }
};

class ChannelSender {
 public:
  virtual ~ChannelSender() = default;
  virtual Channel channel() const = 0;
  // Sends one message; a failure is a value, never an exception.
  virtual SendResult send(const OutboxItem& item) = 0;
};

}  // namespace noodbel
