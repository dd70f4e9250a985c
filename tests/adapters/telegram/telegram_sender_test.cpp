#include "adapters/telegram/telegram_sender.h"

#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "bot/outbound.h"
#include "stub_bot_api.h"

namespace noodbel::telegram {
namespace {

using nlohmann::json;
using testing_support::kToken;
using testing_support::StubBotApi;
using testing_support::StubReply;
using namespace std::chrono_literals;

Templates button_templates() {
  return Templates::from_map({
      {{Language::kNl, "button_yes"}, "Ja"},
      {{Language::kNl, "button_no"}, "Nee"},
      {{Language::kNl, "button_maybe"}, "Misschien"},
      {{Language::kFr, "button_yes"}, "Oui"},
      {{Language::kFr, "button_no"}, "Non"},
      {{Language::kFr, "button_maybe"}, "Peut-etre"},
  });
}

OutboxItem item(std::string chat, std::string text, int priority = kPriorityReply,
                std::optional<std::int64_t> call_id = std::nullopt) {
  OutboxItem i;
  i.id = 1;
  i.message.recipient_id = "F0012";
  i.message.channel = Channel::kTelegram;
  i.message.address = std::move(chat);
  i.message.text = std::move(text);
  i.message.priority = priority;
  i.message.call_id = call_id;
  return i;
}

// A sender against the stub, with a fake clock that moves only when the sender sleeps.
class TelegramSenderTest : public ::testing::Test {
 protected:
  std::unique_ptr<TelegramSender> make(CallButtonsLookup lookup = {}) {
    return std::make_unique<TelegramSender>(
        TelegramApi(*client_, stub_.base_url(), kToken), templates_, std::move(lookup));
  }

  StubBotApi stub_;
  std::unique_ptr<HttpClient> client_ = make_http_client();
  Templates templates_ = button_templates();
};

TEST_F(TelegramSenderTest, SendsPlainTextAndReturnsTheChatAndMessageId) {
  auto sender = make();
  const SendResult r = sender->send(item("7012345678", "Bedankt, genoteerd."));
  ASSERT_EQ(r.kind, SendResult::Kind::kSent) << r.error;
  EXPECT_EQ(r.provider_message_id, "tg:7012345678:100");
  const auto calls = stub_.calls("sendMessage");
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(calls[0].token, kToken);
  EXPECT_EQ(calls[0].params["chat_id"], 7012345678);  // a number, as the Bot API documents
  EXPECT_EQ(calls[0].params["text"], "Bedankt, genoteerd.");
  EXPECT_FALSE(calls[0].params.contains("parse_mode"));
  EXPECT_FALSE(calls[0].params.contains("reply_markup"));
}

TEST_F(TelegramSenderTest, ACrisisCallCarriesAnswerButtonsInTheFamilysLanguage) {
  std::vector<OutboundMessage> asked;
  auto sender = make([&](const OutboundMessage& m) -> std::optional<CallButtons> {
    asked.push_back(m);
    return CallButtons{"K42", Language::kFr};
  });
  const SendResult r = sender->send(item("555", "Appel de crise K42", kPriorityCall, 9));
  ASSERT_EQ(r.kind, SendResult::Kind::kSent) << r.error;
  ASSERT_EQ(asked.size(), 1u);
  EXPECT_EQ(asked[0].call_id, 9);
  const auto calls = stub_.calls("sendMessage");
  ASSERT_EQ(calls.size(), 1u);
  const json expected = json::parse(R"({"inline_keyboard": [[
      {"text": "Oui", "callback_data": "a:K42:yes"},
      {"text": "Non", "callback_data": "a:K42:no"},
      {"text": "Peut-etre", "callback_data": "a:K42:maybe"}]]})");
  EXPECT_EQ(calls[0].params["reply_markup"], expected);
}

TEST_F(TelegramSenderTest, OtherMessagesAndClosedCallsGetNoButtons) {
  int asked = 0;
  auto sender = make([&](const OutboundMessage&) -> std::optional<CallButtons> {
    ++asked;
    return std::nullopt;  // e.g. the call closed before the message went out
  });
  EXPECT_EQ(sender->send(item("555", "Bedankt", kPriorityReply, 9)).kind, SendResult::Kind::kSent);
  EXPECT_EQ(asked, 0);
  EXPECT_EQ(sender->send(item("555", "Oproep K42", kPriorityCall, 9)).kind, SendResult::Kind::kSent);
  EXPECT_EQ(asked, 1);
  for (const auto& call : stub_.calls("sendMessage")) {
    EXPECT_FALSE(call.params.contains("reply_markup"));
  }
}

TEST_F(TelegramSenderTest, TooManyRequestsIsTemporaryWithTelegramsRetryAfter) {
  stub_.script("sendMessage", StubReply::error(429, "Too Many Requests: retry after 7", 7));
  const SendResult r = make()->send(item("555", "hallo"));
  EXPECT_EQ(r.kind, SendResult::Kind::kTemporary);
  EXPECT_EQ(r.retry_after_seconds, 7);
  EXPECT_NE(r.error.find("429"), std::string::npos) << r.error;
}

TEST_F(TelegramSenderTest, ABlockedBotIsPermanent) {
  stub_.script("sendMessage", StubReply::error(403, "Forbidden: bot was blocked by the user"));
  const SendResult r = make()->send(item("555", "hallo"));
  EXPECT_EQ(r.kind, SendResult::Kind::kPermanent);
  EXPECT_EQ(r.error, "sendMessage: 403 Forbidden: bot was blocked by the user");
}

TEST_F(TelegramSenderTest, AnUnknownChatIsPermanent) {
  stub_.script("sendMessage", StubReply::error(400, "Bad Request: chat not found"));
  const SendResult r = make()->send(item("555", "hallo"));
  EXPECT_EQ(r.kind, SendResult::Kind::kPermanent);
  EXPECT_NE(r.error.find("chat not found"), std::string::npos);
}

TEST_F(TelegramSenderTest, AServerErrorIsTemporary) {
  stub_.script("sendMessage", StubReply::error(500, "Internal Server Error"));
  stub_.script("sendMessage", {502, "<html>Bad Gateway</html>", {}, {}});
  auto sender = make();
  const SendResult first = sender->send(item("555", "hallo"));
  EXPECT_EQ(first.kind, SendResult::Kind::kTemporary);
  EXPECT_FALSE(first.retry_after_seconds);
  const SendResult second = sender->send(item("556", "hallo"));
  EXPECT_EQ(second.kind, SendResult::Kind::kTemporary);
  EXPECT_NE(second.error.find("HTTP 502"), std::string::npos) << second.error;
}

TEST_F(TelegramSenderTest, AnUnreachableApiIsTemporaryAndTheErrorHidesTheToken) {
  auto sender = std::make_unique<TelegramSender>(TelegramApi(*client_, "http://127.0.0.1:1", kToken),
                                                 templates_, CallButtonsLookup{});
  const SendResult r = sender->send(item("555", "hallo"));
  EXPECT_EQ(r.kind, SendResult::Kind::kTemporary);
  EXPECT_EQ(r.error.find("AAHdq"), std::string::npos) << r.error;
  EXPECT_NE(r.error.find("127.0.0.1:1"), std::string::npos) << r.error;
}

TEST_F(TelegramSenderTest, ARefusedTokenIsTemporarySoTheQueueWaitsForTheFix) {
  auto sender = std::make_unique<TelegramSender>(
      TelegramApi(*client_, stub_.base_url(), "999:wrong-token-wrong-token-wrong"), templates_,
      CallButtonsLookup{});
  const SendResult r = sender->send(item("555", "hallo"));
  EXPECT_EQ(r.kind, SendResult::Kind::kTemporary);
  EXPECT_NE(r.error.find("check telegram.token"), std::string::npos) << r.error;
}

TEST_F(TelegramSenderTest, ALongTextGoesOutInPartsWithButtonsOnTheLast) {
  auto sender = make([](const OutboundMessage&) { return std::optional<CallButtons>(CallButtons{"K42"}); });
  const std::string text = std::string(3000, 'a') + "\n" + std::string(3000, 'b');
  const SendResult r = sender->send(item("555", text, kPriorityCall, 3));
  ASSERT_EQ(r.kind, SendResult::Kind::kSent) << r.error;
  const auto calls = stub_.calls("sendMessage");
  ASSERT_EQ(calls.size(), 2u);
  EXPECT_EQ(calls[0].params["text"], std::string(3000, 'a'));
  EXPECT_EQ(calls[1].params["text"], std::string(3000, 'b'));
  EXPECT_FALSE(calls[0].params.contains("reply_markup"));
  EXPECT_TRUE(calls[1].params.contains("reply_markup"));
  EXPECT_EQ(r.provider_message_id, "tg:555:101");
}

TEST_F(TelegramSenderTest, AFailedSecondPartSaysWhichPart) {
  stub_.script("sendMessage", StubReply::ok({{"message_id", 1}, {"chat", {{"id", 555}, {"type", "private"}}}}));
  stub_.script("sendMessage", StubReply::error(500, "Internal Server Error"));
  const SendResult r = make()->send(item("555", std::string(5000, 'x')));
  EXPECT_EQ(r.kind, SendResult::Kind::kTemporary);
  EXPECT_EQ(r.error.rfind("part 2 of 2: ", 0), 0u) << r.error;
}

TEST_F(TelegramSenderTest, AnEmptyTextOrChatIsPermanentWithoutCallingTelegram) {
  auto sender = make();
  EXPECT_EQ(sender->send(item("555", "")).kind, SendResult::Kind::kPermanent);
  EXPECT_EQ(sender->send(item("", "hallo")).kind, SendResult::Kind::kPermanent);
  EXPECT_TRUE(stub_.calls().empty());
}

TEST_F(TelegramSenderTest, SendsBackToBackWithoutPacingItself) {
  // Rates are the Dispatcher's job (token buckets); the sender calls Telegram at once.
  auto sender = make();
  ASSERT_EQ(sender->send(item("1", "a")).kind, SendResult::Kind::kSent);
  ASSERT_EQ(sender->send(item("1", "b")).kind, SendResult::Kind::kSent);
  const auto calls = stub_.calls("sendMessage");
  ASSERT_EQ(calls.size(), 2u);
  EXPECT_EQ(calls[1].params["text"], "b");
}

TEST(SplitMessage, ShortTextIsOnePart) {
  EXPECT_EQ(split_message("hallo"), std::vector<std::string>{"hallo"});
  EXPECT_TRUE(split_message("").empty());
  const std::string exact(kMaxMessageUnits, 'x');
  EXPECT_EQ(split_message(exact), std::vector<std::string>{exact});
}

TEST(SplitMessage, BreaksAtTheLastNewlineThenSpaceInTheSecondHalf) {
  EXPECT_EQ(split_message("aaaa bbb\ncc dd", 10), (std::vector<std::string>{"aaaa bbb", "cc dd"}));
  EXPECT_EQ(split_message("aaaaaa bbbbbb", 10), (std::vector<std::string>{"aaaaaa", "bbbbbb"}));
  // A break in the first half would make a tiny part: cut at the limit instead.
  EXPECT_EQ(split_message("a bbbbbbbbbbbbbb", 10), (std::vector<std::string>{"a bbbbbbbb", "bbbbbb"}));
}

TEST(SplitMessage, CountsUtf16UnitsAndNeverCutsACharacter) {
  // "é" is 2 bytes and 1 unit; "😀" is 4 bytes and 2 units (a surrogate pair).
  EXPECT_EQ(split_message("éééé😀😀😀", 5), (std::vector<std::string>{"éééé", "😀😀", "😀"}));
  EXPECT_EQ(split_message("éééé😀😀😀", 6), (std::vector<std::string>{"éééé😀", "😀😀"}));
  for (const std::string& p : split_message(std::string(10, 'x') + "😀😀😀😀", 3)) {
    EXPECT_FALSE(p.empty());
    EXPECT_LE(p.size(), 8u);
  }
}

TEST(AnswerButtons, AMissingLabelTemplateIsAnError) {
  const Templates none = Templates::from_map({});
  EXPECT_FALSE(answer_buttons(none, {"K42", Language::kNl}).ok());
}

}  // namespace
}  // namespace noodbel::telegram
