// Telegram Bot API objects Noodbel reads (Update, Message, CallbackQuery ...), parsed with
// nlohmann::json: from_json next to each struct, optional fields as std::optional,
// unknown fields and unknown update kinds ignored. Plain values; the parse functions are
// pure and thread-safe. See https://core.telegram.org/bots/api#available-types
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "bot/result.h"

namespace noodbel::telegram {

struct Chat {
  std::int64_t id = 0;
  std::string type;  // "private", "group", "supergroup", "channel"
};

struct User {
  std::int64_t id = 0;
  bool is_bot = false;
  std::optional<std::string> language_code;
};

// Only the parts of a Message Noodbel uses; reply_to_message is reduced to its id.
struct Message {
  std::int64_t message_id = 0;
  Chat chat;
  std::int64_t date = 0;
  std::optional<User> from;
  std::optional<std::string> text;
  std::optional<std::string> caption;
  std::optional<std::string> sticker_emoji;        // sticker.emoji
  std::optional<std::int64_t> reply_to_message_id;  // reply_to_message.message_id
};

// A press on an inline button. `message` is the message carrying the button (it may be
// "inaccessible": then only chat and message_id are known, which is all we read).
struct CallbackQuery {
  std::string id;
  User from;
  std::optional<std::int64_t> message_chat_id;
  std::optional<std::int64_t> message_id;
  std::optional<std::string> data;
};

// One update. Kinds other than message and callback_query (edited_message,
// channel_post, my_chat_member, ...) leave both empty: they are ignored.
struct Update {
  std::int64_t update_id = 0;
  std::optional<Message> message;
  std::optional<CallbackQuery> callback_query;
};

// Throw nlohmann::json exceptions (or std::out_of_range for ids beyond 64 bits) on a
// wrong shape; use parse_update() to get an Error instead.
void from_json(const nlohmann::json& j, Chat& c);
void from_json(const nlohmann::json& j, User& u);
void from_json(const nlohmann::json& j, Message& m);
void from_json(const nlohmann::json& j, CallbackQuery& q);
void from_json(const nlohmann::json& j, Update& u);

// One update object; the error names the update id (when known) and what was wrong.
Result<Update> parse_update(const nlohmann::json& j);
// The body of a webhook call; Error::Invalid when it is not JSON or not an update.
Result<Update> parse_update_text(std::string_view body);

// The envelope of every Bot API answer: {"ok": true, "result": ...} or
// {"ok": false, "error_code": 429, "description": "...", "parameters": {"retry_after": 5}}.
struct ApiReply {
  bool ok = false;
  nlohmann::json result;
  int error_code = 0;
  std::string description;
  std::optional<int> retry_after;
};
Result<ApiReply> parse_api_reply(std::string_view body);

// The updates of a getUpdates result. A malformed update does not hide the others: it is
// returned as an error entry, with its update_id when that could be read.
struct ParsedUpdate {
  std::optional<std::int64_t> update_id;
  Result<Update> update;
};
std::vector<ParsedUpdate> parse_update_list(const nlohmann::json& result);

}  // namespace noodbel::telegram
