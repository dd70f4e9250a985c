// Turning Telegram updates into InboundMessages for the pipeline, and the callback data
// of the answer buttons under a crisis call ("a:K42:yes"). Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "adapters/telegram/bot_api_types.h"
#include "bot/clock.h"
#include "bot/types.h"

namespace noodbel::telegram {

// Telegram refuses callback_data longer than this.
inline constexpr std::size_t kMaxCallbackDataBytes = 64;

// "a:K42:yes", "a:K42:no", "a:K42:maybe".
std::string answer_callback_data(std::string_view call_code, Answer answer);

struct ButtonAnswer {
  std::string call_code;
  Answer answer = Answer::kYes;
};
// Nothing unless `data` is exactly what answer_callback_data makes for a valid call code.
std::optional<ButtonAnswer> parse_answer_callback_data(std::string_view data);

// What the family "said" by pressing a button: "ja K42", "nee K42", "misschien K42" (the
// reply parser's words; they work whatever the family's language).
std::string answer_text(const ButtonAnswer& answer);

// "tg:<chat id>:<message id>": the provider id of a message the bot sent (returned by
// the sender, stored with the outbox row) and of a message a family quotes (reply_to).
std::string message_ref(std::int64_t chat_id, std::int64_t message_id);

// What to do with one update.
struct InboundUpdate {
  std::optional<InboundMessage> message;         // for the pipeline; empty: nothing to do
  std::optional<std::string> callback_query_id;  // a button press to acknowledge
  std::string ignored;                           // when there is no message: why (for logs)
};

// message with text (or a caption, or a sticker's emoji) in a private chat from a person
// -> InboundMessage{kTelegram, address = chat id, provider_id = "tg:<update_id>", text,
// reply_to = "tg:<chat>:<quoted message id>"}; callback_query with answer data -> the
// answer's text, reply_to = the message carrying the button. Everything else is ignored.
InboundUpdate to_inbound(const Update& update, UnixTime now);

}  // namespace noodbel::telegram
