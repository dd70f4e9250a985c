#include "adapters/telegram/telegram_inbound.h"

#include <string>

#include <gtest/gtest.h>

#include "support/reply_parser.h"

namespace noodbel::telegram {
namespace {

constexpr UnixTime kNow = 1'760'000'000;

Update text_update(std::int64_t update_id, std::int64_t chat, std::string text,
                   std::string type = "private") {
  Update u;
  u.update_id = update_id;
  Message& m = u.message.emplace();
  m.message_id = 10;
  m.chat = {chat, std::move(type)};
  m.from = User{chat, false, "nl"};
  m.text = std::move(text);
  return u;
}

Update press(std::int64_t update_id, std::string data) {
  Update u;
  u.update_id = update_id;
  CallbackQuery& q = u.callback_query.emplace();
  q.id = "cbq-1";
  q.from = User{7012345678, false, std::nullopt};
  q.message_chat_id = 7012345678;
  q.message_id = 77;
  q.data = std::move(data);
  return u;
}

TEST(ToInbound, ATextMessageBecomesAnInboundMessageFromTheChat) {
  const InboundUpdate in = to_inbound(text_update(905612345, 7012345678, "ja hoor"), kNow);
  ASSERT_TRUE(in.message);
  EXPECT_EQ(in.message->channel, Channel::kTelegram);
  EXPECT_EQ(in.message->address, "7012345678");
  EXPECT_EQ(in.message->provider_id, "tg:905612345");
  EXPECT_EQ(in.message->text, "ja hoor");
  EXPECT_EQ(in.message->received_at, kNow);
  EXPECT_FALSE(in.message->reply_to);
  EXPECT_FALSE(in.callback_query_id);
}

TEST(ToInbound, AQuotedMessageIsTheReplyToReference) {
  Update u = text_update(5, 7012345678, "nee");
  u.message->reply_to_message_id = 77;
  const InboundUpdate in = to_inbound(u, kNow);
  ASSERT_TRUE(in.message);
  EXPECT_EQ(in.message->reply_to, "tg:7012345678:77");
  EXPECT_EQ(in.message->reply_to, message_ref(7012345678, 77));
}

TEST(ToInbound, ACaptionOrAStickerEmojiCountsAsText) {
  Update caption = text_update(5, 1, "");
  caption.message->text.reset();
  caption.message->caption = "ja";
  EXPECT_EQ(to_inbound(caption, kNow).message->text, "ja");
  Update sticker = text_update(6, 1, "");
  sticker.message->text.reset();
  sticker.message->sticker_emoji = "👍";
  EXPECT_EQ(to_inbound(sticker, kNow).message->text, "👍");
}

TEST(ToInbound, GroupsBotsEmptyMessagesAndOtherKindsAreIgnoredWithAReason) {
  const InboundUpdate group = to_inbound(text_update(1, -100123, "/bord K42", "supergroup"), kNow);
  EXPECT_FALSE(group.message);
  EXPECT_NE(group.ignored.find("private chats only"), std::string::npos);
  Update bot = text_update(2, 5, "hi");
  bot.message->from->is_bot = true;
  EXPECT_FALSE(to_inbound(bot, kNow).message);
  Update photo = text_update(3, 5, "");
  photo.message->text.reset();
  EXPECT_FALSE(to_inbound(photo, kNow).message);
  Update other;
  other.update_id = 4;
  const InboundUpdate nothing = to_inbound(other, kNow);
  EXPECT_FALSE(nothing.message);
  EXPECT_FALSE(nothing.callback_query_id);
  EXPECT_FALSE(nothing.ignored.empty());
}

TEST(ToInbound, AButtonPressBecomesTheAnswerTextQuotingTheCallMessage) {
  const InboundUpdate in = to_inbound(press(905612347, "a:K42:maybe"), kNow);
  ASSERT_TRUE(in.message);
  EXPECT_EQ(in.message->address, "7012345678");
  EXPECT_EQ(in.message->provider_id, "tg:905612347");
  EXPECT_EQ(in.message->text, "misschien K42");
  EXPECT_EQ(in.message->reply_to, "tg:7012345678:77");
  EXPECT_EQ(in.callback_query_id, "cbq-1");
}

TEST(ToInbound, AButtonPressWithForeignDataIsOnlyAcknowledged) {
  const InboundUpdate in = to_inbound(press(9, "something else"), kNow);
  EXPECT_FALSE(in.message);
  EXPECT_EQ(in.callback_query_id, "cbq-1");
  EXPECT_FALSE(in.ignored.empty());
}

TEST(CallbackData, RoundTripsEveryAnswerWithinTelegramsLimit) {
  for (const Answer a : {Answer::kYes, Answer::kNo, Answer::kMaybe}) {
    const std::string data = answer_callback_data("K42", a);
    EXPECT_LE(data.size(), kMaxCallbackDataBytes);
    const auto parsed = parse_answer_callback_data(data);
    ASSERT_TRUE(parsed) << data;
    EXPECT_EQ(parsed->call_code, "K42");
    EXPECT_EQ(parsed->answer, a);
  }
  EXPECT_EQ(answer_callback_data("K42", Answer::kYes), "a:K42:yes");
}

TEST(CallbackData, RefusesAnythingElse) {
  for (const char* data : {"", "a:", "a:K42", "a:K42:", "a:K42:YES", "a:K42:ja", "a:k42:yes",
                           "a:KK42:yes", "b:K42:yes", "a:K42:yes:x", "a:I42:yes"}) {
    EXPECT_FALSE(parse_answer_callback_data(data)) << data;
  }
  EXPECT_FALSE(parse_answer_callback_data("a:K42:yes" + std::string(64, ' ')));
}

TEST(CallbackData, TheAnswerTextMeansThatAnswerToTheReplyParser) {
  const std::vector<std::pair<Answer, Intent>> cases{
      {Answer::kYes, Intent::kYes}, {Answer::kNo, Intent::kNo}, {Answer::kMaybe, Intent::kMaybe}};
  for (const auto& [answer, intent] : cases) {
    const ParsedReply reply = noodbel::testing::parse_reply(answer_text({"B17", answer}));
    EXPECT_EQ(reply.intent, intent) << answer_text({"B17", answer});
    EXPECT_EQ(reply.call_code, "B17");
  }
}

}  // namespace
}  // namespace noodbel::telegram
