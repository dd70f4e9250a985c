#include "adapters/telegram/telegram_inbound.h"

#include <fmt/format.h>

#include "bot/reply/parsed_reply.h"

namespace noodbel::telegram {
namespace {

constexpr std::string_view kAnswerPrefix = "a:";

InboundUpdate ignore(std::string why) {
  InboundUpdate out;
  out.ignored = std::move(why);
  return out;
}

// The words of the reply parser (bot/reply/parser.h), not a user-facing text.
std::string_view answer_word(Answer a) {
  switch (a) {
    case Answer::kYes:
      return "ja";
    case Answer::kNo:
      return "nee";
    case Answer::kMaybe:
      return "misschien";
  }
  return "ja";
}

InboundUpdate from_message(std::int64_t update_id, const Message& m, UnixTime now) {
  if (m.chat.type != "private") {
    return ignore(fmt::format("a message in a {} chat; Noodbel talks in private chats only",
                              m.chat.type));
  }
  if (m.from && m.from->is_bot) return ignore("a message from a bot");
  const std::optional<std::string>& text =
      m.text ? m.text : m.caption ? m.caption : m.sticker_emoji;
  if (!text || text->empty()) return ignore("a message without text");
  InboundUpdate out;
  InboundMessage& in = out.message.emplace();
  in.channel = Channel::kTelegram;
  in.address = std::to_string(m.chat.id);
  in.provider_id = fmt::format("tg:{}", update_id);
  in.text = *text;
  in.received_at = now;
  if (m.reply_to_message_id) in.reply_to = message_ref(m.chat.id, *m.reply_to_message_id);
  return out;
}

InboundUpdate from_callback(std::int64_t update_id, const CallbackQuery& q, UnixTime now) {
  InboundUpdate out;
  out.callback_query_id = q.id;
  const auto answer = q.data ? parse_answer_callback_data(*q.data) : std::nullopt;
  if (!answer) {
    out.ignored = "a button press without Noodbel answer data";
    return out;
  }
  if (q.from.is_bot) {
    out.ignored = "a button press by a bot";
    return out;
  }
  // In a private chat the chat id is the user's id; the button's chat wins when known.
  const std::int64_t chat = q.message_chat_id.value_or(q.from.id);
  InboundMessage& in = out.message.emplace();
  in.channel = Channel::kTelegram;
  in.address = std::to_string(chat);
  in.provider_id = fmt::format("tg:{}", update_id);
  in.text = answer_text(*answer);
  in.received_at = now;
  if (q.message_id) in.reply_to = message_ref(chat, *q.message_id);
  return out;
}

}  // namespace

std::string answer_callback_data(std::string_view call_code, Answer answer) {
  return fmt::format("{}{}:{}", kAnswerPrefix, call_code, to_string(answer));
}

std::optional<ButtonAnswer> parse_answer_callback_data(std::string_view data) {
  if (data.size() > kMaxCallbackDataBytes || data.substr(0, kAnswerPrefix.size()) != kAnswerPrefix) {
    return std::nullopt;
  }
  data.remove_prefix(kAnswerPrefix.size());
  const std::size_t colon = data.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  const std::string_view code = data.substr(0, colon);
  const auto answer = answer_from_string(data.substr(colon + 1));
  if (!is_call_code(code) || !answer || to_string(*answer) != data.substr(colon + 1)) {
    return std::nullopt;
  }
  return ButtonAnswer{std::string(code), *answer};
}

std::string answer_text(const ButtonAnswer& answer) {
  return fmt::format("{} {}", answer_word(answer.answer), answer.call_code);
}

std::string message_ref(std::int64_t chat_id, std::int64_t message_id) {
  return fmt::format("tg:{}:{}", chat_id, message_id);
}

InboundUpdate to_inbound(const Update& update, UnixTime now) {
  if (update.message) return from_message(update.update_id, *update.message, now);
  if (update.callback_query) return from_callback(update.update_id, *update.callback_query, now);
  return ignore("an update kind Noodbel does not handle");
}

}  // namespace noodbel::telegram
