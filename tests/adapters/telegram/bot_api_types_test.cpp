#include "adapters/telegram/bot_api_types.h"

#include <string>

#include <gtest/gtest.h>

namespace noodbel::telegram {
namespace {

using nlohmann::json;

// Shapes as the Bot API sends them (https://core.telegram.org/bots/api#update), with
// fields Noodbel does not read left in.
const char* kTextUpdate = R"({
  "update_id": 905612345,
  "message": {
    "message_id": 1365,
    "from": {"id": 7012345678, "is_bot": false, "first_name": "An", "last_name": "Peeters",
             "username": "anpeeters", "language_code": "nl", "is_premium": true},
    "chat": {"id": 7012345678, "first_name": "An", "last_name": "Peeters",
             "username": "anpeeters", "type": "private"},
    "date": 1760000000,
    "text": "ja hoor",
    "entities": [],
    "link_preview_options": {"is_disabled": true}
  }
})";

const char* kReplyUpdate = R"({
  "update_id": 905612346,
  "message": {
    "message_id": 1366,
    "from": {"id": 7012345678, "is_bot": false, "first_name": "An"},
    "chat": {"id": 7012345678, "first_name": "An", "type": "private"},
    "date": 1760000010,
    "reply_to_message": {
      "message_id": 77,
      "from": {"id": 123456789, "is_bot": true, "first_name": "Noodbel", "username": "noodbel_bot"},
      "chat": {"id": 7012345678, "first_name": "An", "type": "private"},
      "date": 1759999000,
      "text": "Crisisoproep K42 ..."
    },
    "text": "nee sorry"
  }
})";

const char* kCallbackUpdate = R"({
  "update_id": 905612347,
  "callback_query": {
    "id": "4382bfdwdsb323b2d9",
    "from": {"id": 7012345678, "is_bot": false, "first_name": "An", "language_code": "nl"},
    "message": {
      "message_id": 77,
      "from": {"id": 123456789, "is_bot": true, "first_name": "Noodbel"},
      "chat": {"id": 7012345678, "first_name": "An", "type": "private"},
      "date": 1759999000,
      "text": "Crisisoproep K42 ...",
      "reply_markup": {"inline_keyboard": [[{"text": "Ja", "callback_data": "a:K42:yes"}]]}
    },
    "chat_instance": "-8123456789012345678",
    "data": "a:K42:yes"
  }
})";

Update parse_ok(const char* text) {
  const Result<Update> u = parse_update_text(text);
  EXPECT_TRUE(u.ok()) << (u.ok() ? "" : u.error().message);
  return u.ok() ? u.value() : Update{};
}

TEST(ParseUpdate, ReadsATextMessageAndIgnoresFieldsItDoesNotKnow) {
  const Update u = parse_ok(kTextUpdate);
  EXPECT_EQ(u.update_id, 905612345);
  ASSERT_TRUE(u.message);
  EXPECT_EQ(u.message->message_id, 1365);
  EXPECT_EQ(u.message->chat.id, 7012345678);
  EXPECT_EQ(u.message->chat.type, "private");
  EXPECT_EQ(u.message->text, "ja hoor");
  ASSERT_TRUE(u.message->from);
  EXPECT_FALSE(u.message->from->is_bot);
  EXPECT_EQ(u.message->from->language_code, "nl");
  EXPECT_FALSE(u.message->reply_to_message_id);
  EXPECT_FALSE(u.callback_query);
}

TEST(ParseUpdate, ReadsTheIdOfTheQuotedMessage) {
  const Update u = parse_ok(kReplyUpdate);
  ASSERT_TRUE(u.message);
  EXPECT_EQ(u.message->reply_to_message_id, 77);
  EXPECT_EQ(u.message->text, "nee sorry");
}

TEST(ParseUpdate, ReadsACallbackQueryWithItsMessageAndData) {
  const Update u = parse_ok(kCallbackUpdate);
  ASSERT_TRUE(u.callback_query);
  EXPECT_EQ(u.callback_query->id, "4382bfdwdsb323b2d9");
  EXPECT_EQ(u.callback_query->from.id, 7012345678);
  EXPECT_EQ(u.callback_query->message_id, 77);
  EXPECT_EQ(u.callback_query->message_chat_id, 7012345678);
  EXPECT_EQ(u.callback_query->data, "a:K42:yes");
  EXPECT_FALSE(u.message);
}

TEST(ParseUpdate, EditedMessagesAndUnknownKindsParseAsNothingToDo) {
  for (const char* text : {
           R"({"update_id": 1, "edited_message": {"message_id": 5, "chat": {"id": 1, "type": "private"},
               "date": 1, "edit_date": 2, "text": "ja"}})",
           R"({"update_id": 2, "my_chat_member": {"chat": {"id": 1, "type": "private"}}})",
           R"({"update_id": 3, "poll": {"id": "x", "question": "?", "options": []}})",
           R"({"update_id": 4, "something_new_in_2030": {"a": [1, 2, 3]}})",
       }) {
    const Update u = parse_ok(text);
    EXPECT_FALSE(u.message) << text;
    EXPECT_FALSE(u.callback_query) << text;
  }
}

TEST(ParseUpdate, OptionalFieldsMayBeMissingOrNull) {
  const Update u = parse_ok(R"({"update_id": 9, "message": {"message_id": 1,
      "chat": {"id": -100123, "type": "supergroup"}, "text": null, "from": null}})");
  ASSERT_TRUE(u.message);
  EXPECT_FALSE(u.message->text);
  EXPECT_FALSE(u.message->from);
  EXPECT_EQ(u.message->date, 0);
  const Update sticker = parse_ok(R"({"update_id": 10, "message": {"message_id": 2,
      "chat": {"id": 5, "type": "private"}, "sticker": {"file_id": "x", "emoji": "👍"}}})");
  ASSERT_TRUE(sticker.message);
  EXPECT_EQ(sticker.message->sticker_emoji, "👍");
}

TEST(ParseUpdate, HandlesIdsUpTo64BitsAndRefusesLarger) {
  const Update u = parse_ok(R"({"update_id": 9223372036854775807, "message": {"message_id": 1,
      "chat": {"id": -1002147483648123, "type": "private"}, "text": "ja"}})");
  EXPECT_EQ(u.update_id, 9223372036854775807);
  EXPECT_EQ(u.message->chat.id, -1002147483648123);
  for (const char* text : {
           R"({"update_id": 9223372036854775808})",
           R"({"update_id": 18446744073709551616})",
           R"({"update_id": 1.5})",
           R"({"update_id": "12"})",
       }) {
    const Result<Update> bad = parse_update_text(text);
    ASSERT_FALSE(bad.ok()) << text;
    EXPECT_NE(bad.error().message.find("update_id"), std::string::npos) << bad.error().message;
  }
}

TEST(ParseUpdate, AMalformedPartIsAnErrorNamingTheUpdateAndTheField) {
  const std::vector<std::pair<const char*, const char*>> cases{
      {R"({"update_id": 5, "message": {"message_id": 1, "text": "ja"}})", "update 5: message.chat is missing"},
      {R"({"update_id": 5, "message": {"message_id": 1, "chat": {"type": "private"}}})", "update 5: message.chat.id is missing"},
      {R"({"update_id": 5, "message": {"message_id": 1, "chat": {"id": 1, "type": "private"}, "text": 42}})", "update 5: message.text must be a string"},
      {R"({"update_id": 5, "message": "hello"})", "update 5: message must be an object"},
      {R"({"update_id": 5, "callback_query": {"from": {"id": 1}}})", "update 5: callback_query.id is missing"},
      {R"({"message": {}})", "update ?: update_id is missing"},
  };
  for (const auto& [text, expected] : cases) {
    const Result<Update> u = parse_update_text(text);
    ASSERT_FALSE(u.ok()) << text;
    EXPECT_EQ(u.error().kind, ErrorKind::kInvalidInput);
    EXPECT_EQ(u.error().message, expected);
  }
}

TEST(ParseUpdate, TextThatIsNotAJsonObjectIsInvalid) {
  for (const char* text : {"", "not json", "[1,2]", "{\"update_id\": 1", "null"}) {
    const Result<Update> u = parse_update_text(text);
    ASSERT_FALSE(u.ok()) << text;
    EXPECT_EQ(u.error().kind, ErrorKind::kInvalidInput) << text;
  }
}

TEST(ParseApiReply, ReadsSuccessAndErrorsWithRetryAfter) {
  const auto ok = parse_api_reply(R"({"ok": true, "result": {"message_id": 5}})");
  ASSERT_TRUE(ok.ok());
  EXPECT_TRUE(ok->ok);
  EXPECT_EQ(ok->result["message_id"], 5);
  const auto limited = parse_api_reply(
      R"({"ok": false, "error_code": 429, "description": "Too Many Requests: retry after 7",
          "parameters": {"retry_after": 7}})");
  ASSERT_TRUE(limited.ok());
  EXPECT_FALSE(limited->ok);
  EXPECT_EQ(limited->error_code, 429);
  EXPECT_EQ(limited->retry_after, 7);
  EXPECT_EQ(limited->description, "Too Many Requests: retry after 7");
  EXPECT_FALSE(parse_api_reply("<html>Bad Gateway</html>").ok());
  EXPECT_FALSE(parse_api_reply(R"({"result": 1})").ok());
}

TEST(ParseUpdateList, AMalformedUpdateDoesNotHideTheOthers) {
  const json list = json::parse(R"([
    {"update_id": 7, "message": {"message_id": 1, "chat": {"id": 1, "type": "private"}, "text": "a"}},
    {"update_id": 8, "message": {"message_id": "two"}},
    {"update_id": 9, "edited_message": {}}
  ])");
  const std::vector<ParsedUpdate> parsed = parse_update_list(list);
  ASSERT_EQ(parsed.size(), 3u);
  EXPECT_TRUE(parsed[0].update.ok());
  EXPECT_FALSE(parsed[1].update.ok());
  EXPECT_EQ(parsed[1].update_id, 8);
  EXPECT_TRUE(parsed[2].update.ok());
  EXPECT_TRUE(parse_update_list(json::object()).empty());
}

}  // namespace
}  // namespace noodbel::telegram
