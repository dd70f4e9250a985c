#include "adapters/telegram/bot_api_types.h"

#include <limits>
#include <stdexcept>

#include <fmt/format.h>

namespace noodbel::telegram {
namespace {

using nlohmann::json;

// Field errors are thrown as std::invalid_argument("chat.id is missing") and become
// Error values in parse_update(); nested objects prefix their key.
[[noreturn]] void bad(std::string_view key, std::string_view what) {
  throw std::invalid_argument(fmt::format("{} {}", key, what));
}

// The value of `key`, or nullptr when absent or null.
const json* find(const json& j, const char* key) {
  const auto it = j.find(key);
  return it == j.end() || it->is_null() ? nullptr : &*it;
}

std::int64_t as_id(const json& v, const char* key) {
  if (v.is_number_unsigned()) {
    const auto u = v.get<std::uint64_t>();
    if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      bad(key, "is larger than a 64-bit id");
    }
    return static_cast<std::int64_t>(u);
  }
  if (v.is_number_integer()) return v.get<std::int64_t>();
  bad(key, "must be a whole number");
}

std::int64_t required_id(const json& j, const char* key) {
  const json* v = find(j, key);
  if (v == nullptr) bad(key, "is missing");
  return as_id(*v, key);
}

std::optional<std::string> optional_string(const json& j, const char* key) {
  const json* v = find(j, key);
  if (v == nullptr) return std::nullopt;
  if (!v->is_string()) bad(key, "must be a string");
  return v->get<std::string>();
}

std::string required_string(const json& j, const char* key) {
  auto s = optional_string(j, key);
  if (!s) bad(key, "is missing");
  return std::move(*s);
}

template <class T>
std::optional<T> optional_object(const json& j, const char* key) {
  const json* v = find(j, key);
  if (v == nullptr) return std::nullopt;
  if (!v->is_object()) bad(key, "must be an object");
  try {
    return v->get<T>();
  } catch (const std::invalid_argument& e) {
    throw std::invalid_argument(fmt::format("{}.{}", key, e.what()));
  }
}

template <class T>
T required_object(const json& j, const char* key) {
  auto o = optional_object<T>(j, key);
  if (!o) bad(key, "is missing");
  return std::move(*o);
}

void require_object(const json& j) {
  if (!j.is_object()) throw std::invalid_argument("must be a JSON object");
}

// Just the id of a referenced message (reply_to_message, callback_query.message).
struct MessageRef {
  std::int64_t message_id = 0;
  std::optional<std::int64_t> chat_id;
};

void from_json(const json& j, MessageRef& m) {
  m.message_id = required_id(j, "message_id");
  if (const auto chat = optional_object<Chat>(j, "chat")) m.chat_id = chat->id;
}

struct Sticker {
  std::optional<std::string> emoji;
};

void from_json(const json& j, Sticker& s) { s.emoji = optional_string(j, "emoji"); }

}  // namespace

void from_json(const json& j, Chat& c) {
  require_object(j);
  c.id = required_id(j, "id");
  c.type = required_string(j, "type");
}

void from_json(const json& j, User& u) {
  require_object(j);
  u.id = required_id(j, "id");
  if (const json* b = find(j, "is_bot")) {
    if (!b->is_boolean()) bad("is_bot", "must be true or false");
    u.is_bot = b->get<bool>();
  }
  u.language_code = optional_string(j, "language_code");
}

void from_json(const json& j, Message& m) {
  require_object(j);
  m.message_id = required_id(j, "message_id");
  m.chat = required_object<Chat>(j, "chat");
  if (find(j, "date") != nullptr) m.date = required_id(j, "date");
  m.from = optional_object<User>(j, "from");
  m.text = optional_string(j, "text");
  m.caption = optional_string(j, "caption");
  if (const auto sticker = optional_object<Sticker>(j, "sticker")) m.sticker_emoji = sticker->emoji;
  if (const auto quoted = optional_object<MessageRef>(j, "reply_to_message")) {
    m.reply_to_message_id = quoted->message_id;
  }
}

void from_json(const json& j, CallbackQuery& q) {
  require_object(j);
  q.id = required_string(j, "id");
  q.from = required_object<User>(j, "from");
  if (const auto message = optional_object<MessageRef>(j, "message")) {
    q.message_id = message->message_id;
    q.message_chat_id = message->chat_id;
  }
  q.data = optional_string(j, "data");
}

void from_json(const json& j, Update& u) {
  require_object(j);
  u.update_id = required_id(j, "update_id");
  u.message = optional_object<Message>(j, "message");
  u.callback_query = optional_object<CallbackQuery>(j, "callback_query");
}

Result<Update> parse_update(const json& j) {
  std::string id = "?";
  if (j.is_object()) {
    if (const json* v = find(j, "update_id"); v != nullptr && v->is_number_integer()) id = v->dump();
  }
  try {
    return j.get<Update>();
  } catch (const std::exception& e) {
    return Error::Invalid(fmt::format("update {}: {}", id, e.what()));
  }
}

Result<Update> parse_update_text(std::string_view body) {
  const json j = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Error::Invalid("the body is not valid JSON");
  if (!j.is_object()) return Error::Invalid("the body is not a JSON object (an Update)");
  return parse_update(j);
}

Result<ApiReply> parse_api_reply(std::string_view body) {
  const json j = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) {
    return Error::Invalid("the Bot API answer is not a JSON object");
  }
  const json* ok = find(j, "ok");
  if (ok == nullptr || !ok->is_boolean()) {
    return Error::Invalid("the Bot API answer has no boolean \"ok\"");
  }
  ApiReply reply;
  reply.ok = ok->get<bool>();
  if (const json* r = find(j, "result")) reply.result = *r;
  if (const json* code = find(j, "error_code"); code != nullptr && code->is_number_integer()) {
    reply.error_code = code->get<int>();
  }
  if (const json* d = find(j, "description"); d != nullptr && d->is_string()) {
    reply.description = d->get<std::string>();
  }
  if (const json* p = find(j, "parameters"); p != nullptr && p->is_object()) {
    if (const json* r = find(*p, "retry_after"); r != nullptr && r->is_number_integer()) {
      reply.retry_after = r->get<int>();
    }
  }
  return reply;
}

std::vector<ParsedUpdate> parse_update_list(const json& result) {
  std::vector<ParsedUpdate> out;
  if (!result.is_array()) return out;
  for (const json& item : result) {
    std::optional<std::int64_t> id;
    if (item.is_object()) {
      try {
        id = required_id(item, "update_id");
      } catch (const std::invalid_argument&) {
        // left empty: the update's own error says why
      }
    }
    out.push_back({id, parse_update(item)});
  }
  return out;
}

}  // namespace noodbel::telegram
