#include "bot/phone.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace noodbel {
namespace {

using ::testing::HasSubstr;

TEST(NormalizePhone, AcceptsTheUsualBelgianWritings) {
  for (const char* raw : {"0470 12 34 56", "+32 470/12.34.56", "0032 470 12 34 56", "0470.12.34.56",
                          "0032470123456", "+32470123456"}) {
    const auto phone = normalize_phone(raw);
    ASSERT_TRUE(phone.ok()) << raw << ": " << phone.error().message;
    EXPECT_EQ(*phone, "+32470123456") << raw;
  }
}

TEST(NormalizePhone, KeepsForeignNumbersWithTheirCountryCode) {
  const auto phone = normalize_phone("+31 6 12345678");
  ASSERT_TRUE(phone.ok()) << phone.error().message;
  EXPECT_EQ(*phone, "+31612345678");
}

TEST(NormalizePhone, UsesTheDefaultRegionForNationalNumbers) {
  const auto phone = normalize_phone("06 12345678", "NL");
  ASSERT_TRUE(phone.ok()) << phone.error().message;
  EXPECT_EQ(*phone, "+31612345678");
}

TEST(NormalizePhone, RefusesTooFewDigitsQuotingTheInputAndAFix) {
  const auto phone = normalize_phone("0470 12");
  ASSERT_FALSE(phone.ok());
  EXPECT_EQ(phone.error().kind, ErrorKind::kInvalidInput);
  EXPECT_THAT(phone.error().message, HasSubstr("'0470 12' is not a valid phone number"));
  EXPECT_THAT(phone.error().message, HasSubstr("write it like 0470 12 34 56"));
}

TEST(NormalizePhone, RefusesTextThatIsNoNumber) {
  const auto phone = normalize_phone("bel me maar");
  ASSERT_FALSE(phone.ok());
  EXPECT_THAT(phone.error().message, HasSubstr("'bel me maar' is not a valid phone number: "));
}

TEST(NormalizePhone, RefusesAnEmptyNumber) {
  const auto phone = normalize_phone("");
  ASSERT_FALSE(phone.ok());
  EXPECT_THAT(phone.error().message, HasSubstr("it is empty"));
}

TEST(NormalizePhone, RefusesANumberWithTooManyDigits) {
  const auto phone = normalize_phone("0470 12 34 56 78 90");
  ASSERT_FALSE(phone.ok());
  EXPECT_THAT(phone.error().message, HasSubstr("is not a valid phone number"));
}

TEST(NormalizePhone, RefusesAnUnknownCountryCode) {
  const auto phone = normalize_phone("+999 1234 5678");
  ASSERT_FALSE(phone.ok());
  EXPECT_THAT(phone.error().message, HasSubstr("country code"));
}

TEST(NormalizePhone, RefusesAVeryLongInputWithoutQuotingAllOfIt) {
  const std::string raw(500, '1');
  const auto phone = normalize_phone(raw);
  ASSERT_FALSE(phone.ok());
  EXPECT_THAT(phone.error().message, HasSubstr("far too long"));
  EXPECT_LT(phone.error().message.size(), 300u);
}

TEST(MaskPhone, KeepsTheFirstThreeAndLastTwoCharacters) {
  EXPECT_EQ(mask_phone("+32470123456"), "+32*******56");
}

TEST(MaskPhone, NeverReturnsAShortNumberWhole) {
  for (const std::string raw : {"1", "12", "12345", "1234567"}) {
    const std::string masked = mask_phone(raw);
    EXPECT_NE(masked, raw);
    EXPECT_EQ(masked, std::string(raw.size(), '*'));
  }
  EXPECT_EQ(mask_phone("12345678"), "123***78");
}

TEST(MaskPhone, HidesNonAsciiInputEntirely) {
  EXPECT_EQ(mask_phone("+32470é23456"), std::string(13, '*'));
}

}  // namespace
}  // namespace noodbel
