#include "adapters/sms/sms_common.h"

#include <chrono>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace noodbel {
namespace {

using namespace std::chrono_literals;
using ::testing::ElementsAre;

TEST(UrlEncode, KeepsUnreservedCharactersAndEncodesTheRestAsUtf8Bytes) {
  EXPECT_EQ(url_encode("Az09-._~"), "Az09-._~");
  EXPECT_EQ(url_encode("a b+c&d=e/f?%"), "a%20b%2Bc%26d%3De%2Ff%3F%25");
  EXPECT_EQ(url_encode("€"), "%E2%82%AC");
  EXPECT_EQ(url_encode(std::string("\0", 1)), "%00");
}

TEST(FormEncode, JoinsPairsInOrder) {
  EXPECT_EQ(form_encode({{"To", "+32470000001"}, {"Body", "ja graag"}}),
            "To=%2B32470000001&Body=ja%20graag");
  EXPECT_EQ(form_encode({}), "");
}

TEST(SmsSenderNumber, AcceptsE164AndDigitsWithTheirCountryCode) {
  for (const char* raw : {"+32470123456", "32470123456", "0032470123456", "0470123456"}) {
    const auto n = sms_sender_number(raw);
    ASSERT_TRUE(n.ok()) << raw << ": " << n.error().message;
    EXPECT_EQ(*n, "+32470123456") << raw;
  }
}

TEST(SmsSenderNumber, RefusesShortCodesAndAlphanumericSenders) {
  EXPECT_FALSE(sms_sender_number("8888").ok());
  EXPECT_FALSE(sms_sender_number("Proximus").ok());
  EXPECT_FALSE(sms_sender_number("").ok());
}

TEST(SmsBody, TransliteratesTypographicCharactersAndKeepsTheEuroSign) {
  EXPECT_EQ(sms_body("“Ja” – €5…"), "\"Ja\" - €5...");
}

}  // namespace
}  // namespace noodbel
