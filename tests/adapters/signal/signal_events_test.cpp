// signal-cli receive events -> InboundMessage: documented payloads from
// signal-cli-jsonrpc(5) and what the SSE endpoint sends ({"envelope":..,"account":..}).
#include "adapters/signal/signal_events.h"

#include <gtest/gtest.h>

namespace noodbel::signal_cli {
namespace {

constexpr UnixTime kNow = 1'800'000'000;

std::string envelope(const std::string& inner) {
  return R"({"envelope":{"source":"+32470000001","sourceNumber":"+32470000001",)"
         R"("sourceUuid":"uuid","sourceName":"Fam","sourceDevice":1,"timestamp":1631458508784,)" +
         inner + R"(},"account":"+32470999999"})";
}

TEST(SignalEvents, DataMessageBecomesAnInboundMessageFromTheSendersNumber) {
  const ParsedEvent p = parse_receive_event(
      envelope(R"("dataMessage":{"timestamp":1631458508784,"message":"ja hoor","expiresInSeconds":0,)"
               R"("viewOnce":false,"mentions":[],"attachments":[],"contacts":[]})"),
      kNow);
  ASSERT_TRUE(p.message) << p.ignored;
  EXPECT_EQ(p.message->channel, Channel::kSignal);
  EXPECT_EQ(p.message->address, "+32470000001");
  EXPECT_EQ(p.message->text, "ja hoor");
  EXPECT_EQ(p.message->provider_id, "sig:+32470000001:1631458508784");
  EXPECT_EQ(p.message->received_at, kNow);
  EXPECT_FALSE(p.message->reply_to);
}

TEST(SignalEvents, JsonRpcNotificationFormIsAcceptedToo) {
  const ParsedEvent p = parse_receive_event(
      R"({"jsonrpc":"2.0","method":"receive","params":{"envelope":{"source":"+33123456789",)"
      R"("sourceNumber":"+33123456789","sourceUuid":"uuid","sourceName":"name","sourceDevice":1,)"
      R"("timestamp":1631458508784,"dataMessage":{"timestamp":1631458508784,"message":"foobar"}}}})",
      kNow);
  ASSERT_TRUE(p.message) << p.ignored;
  EXPECT_EQ(p.message->address, "+33123456789");
  EXPECT_EQ(p.message->text, "foobar");
}

TEST(SignalEvents, AQuoteOfTheBotsMessageBecomesReplyToItsTimestamp) {
  const ParsedEvent p = parse_receive_event(
      envelope(R"("dataMessage":{"timestamp":1631458508784,"message":"ja",)"
               R"("quote":{"id":1700000000123,"author":"+32470999999","authorNumber":"+32470999999",)"
               R"("text":"Noodoproep K42","attachments":[]}})"),
      kNow);
  ASSERT_TRUE(p.message);
  EXPECT_EQ(p.message->reply_to, "1700000000123");
}

TEST(SignalEvents, ReceiptsTypingSyncGroupsAndReactionsAreIgnoredWithoutError) {
  const std::pair<std::string, const char*> cases[] = {
      {envelope(R"("receiptMessage":{"when":1,"isDelivery":true,"isRead":false,"timestamps":[1]})"), "receipt"},
      {envelope(R"("typingMessage":{"action":"STARTED","timestamp":1})"), "typing"},
      {envelope(R"("syncMessage":{"sentMessage":{"destination":"+32","timestamp":1,"message":"j"}})"), "sync"},
      {envelope(R"("dataMessage":{"timestamp":1,"message":"hoi","groupInfo":{"groupId":"g","type":"DELIVER"}})"), "group"},
      {envelope(R"("dataMessage":{"timestamp":1,"message":"hoi","groupV2":{"id":"g","revision":1}})"), "group"},
      {envelope(R"("dataMessage":{"timestamp":1,"reaction":{"emoji":"👍","targetSentTimestamp":1}})"), "no text"},
      {envelope(R"("dataMessage":{"timestamp":1,"message":null,"attachments":[{"id":"a"}]})"), "no text"},
      {envelope(R"("callMessage":{"offerMessage":{}})"), "call"},
      {envelope(R"("somethingNew":{})"), "no data message"},
  };
  for (const auto& [data, reason] : cases) {
    const ParsedEvent p = parse_receive_event(data, kNow);
    EXPECT_FALSE(p.message) << data;
    EXPECT_FALSE(p.malformed) << data;
    EXPECT_NE(p.ignored.find(reason), std::string::npos) << data << " -> " << p.ignored;
  }
}

TEST(SignalEvents, SenderWithoutPhoneNumberIsIgnored) {
  const ParsedEvent p = parse_receive_event(
      R"({"envelope":{"source":"uuid","sourceNumber":null,"sourceUuid":"uuid","timestamp":5,)"
      R"("dataMessage":{"timestamp":5,"message":"ja"}}})",
      kNow);
  EXPECT_FALSE(p.message);
  EXPECT_FALSE(p.malformed);
  EXPECT_NE(p.ignored.find("phone number"), std::string::npos);
}

TEST(SignalEvents, MalformedDataIsReportedNotThrown) {
  for (const char* data : {"", "{", "[1,2]", "\"text\"", R"({"envelope":5})", R"({"account":"+32"})",
                           R"({"envelope":{"sourceNumber":"+32470000001","dataMessage":{"message":"ja"}}})"}) {
    const ParsedEvent p = parse_receive_event(data, kNow);
    EXPECT_FALSE(p.message) << data;
    EXPECT_TRUE(p.malformed) << data;
  }
}

TEST(SignalEvents, ProviderIdRoundTripsItsTimestampAndRefusesOtherIds) {
  EXPECT_EQ(timestamp_of_inbound(inbound_provider_id("+32470000001", 1631458508784)), 1631458508784);
  EXPECT_FALSE(timestamp_of_inbound("tg:123"));
  EXPECT_FALSE(timestamp_of_inbound("sig:+32470000001:"));
  EXPECT_FALSE(timestamp_of_inbound("sig:+32470000001:12x"));
  EXPECT_FALSE(timestamp_of_inbound("sig:"));
  EXPECT_FALSE(timestamp_of_inbound("1631458508784"));
}

}  // namespace
}  // namespace noodbel::signal_cli
