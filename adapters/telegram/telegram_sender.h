// TelegramSender: the ChannelSender for Telegram. sendMessage in plain text (split at
// 4,096 characters), Ja / Nee / Misschien buttons under a crisis call, failures sorted for
// the dispatcher (whose token buckets keep Telegram's rate limits). Called from the one
// Telegram dispatcher thread only (not thread-safe).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/dispatch/channel_sender.h"
#include "adapters/telegram/telegram_api.h"
#include "bot/result.h"
#include "bot/templates.h"
#include "bot/types.h"

namespace noodbel::telegram {

// Telegram counts message length in UTF-16 code units.
inline constexpr std::size_t kMaxMessageUnits = 4096;

// What the buttons under a crisis call need: the call's code (for callback_data) and the
// family's language (for the labels). The outbox row holds neither, so it is looked up.
struct CallButtons {
  std::string call_code;
  Language language = Language::kNl;
};
// Nothing: no buttons (not a call offer, or the call is no longer open).
using CallButtonsLookup = std::function<std::optional<CallButtons>(const OutboundMessage&)>;

// The row of answer buttons, labels from the templates button_yes / button_no /
// button_maybe, callback_data "a:<code>:yes|no|maybe".
Result<std::vector<InlineButton>> answer_buttons(const Templates& templates,
                                                 const CallButtons& call);

// Parts of at most max_units UTF-16 code units, broken after the last newline (else the
// last space) in the second half of a part, else at the limit; never inside a character.
std::vector<std::string> split_message(std::string_view text,
                                       std::size_t max_units = kMaxMessageUnits);

class TelegramSender final : public ChannelSender {
 public:
  // templates must outlive the sender. Only messages with a call_id and crisis-call
  // priority ask `buttons` (which may be empty: never buttons). Never waits: the
  // Dispatcher paces sends (adapters/dispatch/token_bucket.h).
  TelegramSender(TelegramApi api, const Templates& templates, CallButtonsLookup buttons);

  Channel channel() const override { return Channel::kTelegram; }
  // Sent: provider id "tg:<chat>:<message_id>" of the last part (the one with buttons).
  // A failure after some parts went out is reported as such; a retry sends every part
  // again (at-least-once).
  SendResult send(const OutboxItem& item) override;

 private:
  std::vector<InlineButton> buttons_for(const OutboundMessage& m) const;

  const TelegramApi api_;
  const Templates& templates_;
  const CallButtonsLookup buttons_;
};

}  // namespace noodbel::telegram
