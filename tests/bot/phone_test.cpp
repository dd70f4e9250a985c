#include "bot/phone.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include <fmt/format.h>

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

// normalize_phone's shortcut for "+32" numbers must say exactly what libphonenumber's parser
// says (parse_phone): the same number, or the same error message.
void expect_same_as_parser(const std::string& raw) {
  const auto fast = normalize_phone(raw);
  const auto slow = parse_phone(raw);
  ASSERT_EQ(fast.ok(), slow.ok()) << raw;
  if (fast.ok()) {
    EXPECT_EQ(*fast, *slow) << raw;
  } else {
    EXPECT_EQ(fast.error().message, slow.error().message) << raw;
  }
}

TEST(NormalizePhone, GivesTheParsersAnswerForEveryBelgianE164Prefix) {
  // Every two-digit start of a national number of 7 to 10 digits (valid and invalid lengths),
  // mobiles, landlines, special numbers and a leading 0, with varying tails.
  std::uint64_t tail = 1234567;
  for (int head = 0; head < 100; ++head) {
    for (int length = 7; length <= 10; ++length) {
      tail = (tail * 6364136223846793005ULL + 1442695040888963407ULL) >> 1;
      std::string national = fmt::format("{:02d}{:010d}", head, tail % 10'000'000'000ULL);
      national.resize(static_cast<std::size_t>(length));
      expect_same_as_parser("+32" + national);
    }
  }
}

TEST(NormalizePhone, GivesTheParsersAnswerForManyBelgianMobiles) {
  std::uint64_t seed = 42;
  for (int i = 0; i < 5000; ++i) {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    expect_same_as_parser(fmt::format("+324{:08d}", (seed >> 20) % 100'000'000));
  }
  for (const char* raw : {"+32470000000", "+32499999999", "+32450000000", "+32460000000",
                          "+32440000000", "+32400000000", "+32480123456", "+32470123456"}) {
    expect_same_as_parser(raw);
  }
}

TEST(NormalizePhone, GivesTheParsersAnswerForOtherWritingsAndCountries) {
  for (const char* raw : {"+3224567890",
                          "+3292345678",
                          "+3250123456",
                          "+3280012345",
                          "+3290012345",
                          "+32 470 12 34 56",
                          " +32470123456",
                          "+32470123456 ",
                          "+32-470123456",
                          "+32(0)470123456",
                          "+320470123456",
                          "+32047012345",
                          "+32",
                          "+3",
                          "+",
                          "+32a70123456",
                          "+32470１23456",
                          "+3247012345",
                          "+324701234567",
                          "+3247012345678",
                          "0032470123456",
                          "0470123456",
                          "+31612345678",
                          "+33612345678",
                          "+4915112345678",
                          "+447911123456",
                          "+14155552671",
                          "+352621123456",
                          "+999123456789",
                          "+32470123456;ext=1",
                          "+32470123456 ext. 12",
                          "+32 2 555 12 12",
                          "+32 (0)2 555 12 12"}) {
    expect_same_as_parser(raw);
  }
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
