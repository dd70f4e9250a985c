#include "bot/sms_text.h"

#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "bot/templates.h"
#include "support/shipped_data.h"

namespace noodbel {
namespace {

using ::testing::HasSubstr;

TEST(IsGsm7, AcceptsTheBasicTableIncludingItsAccentedLetters) {
  EXPECT_TRUE(is_gsm7("Hallo, kunnen jullie? @ £ $ ¥ è é ù ì ò Ç Ø ø Å å Δ Ä Ö Ñ Ü § ¿ ä ö ñ ü à"));
  EXPECT_TRUE(is_gsm7("line one\nline two\r"));
  EXPECT_TRUE(is_gsm7(""));
}

TEST(IsGsm7, AcceptsTheExtensionTableWithTheEuroSign) {
  EXPECT_TRUE(is_gsm7("€ [ ] { } \\ ^ ~ |"));
}

TEST(IsGsm7, RefusesCharactersOutsideBothTables) {
  EXPECT_FALSE(is_gsm7("Durée: 2 jours, peut-être"));  // ê is not GSM-7 (é is)
  EXPECT_FALSE(is_gsm7("it’s"));
  EXPECT_FALSE(is_gsm7("ja 👍"));
  EXPECT_FALSE(is_gsm7("ç"));  // only the capital Ç is in the table
  EXPECT_FALSE(is_gsm7("\xC3"));  // cut-off UTF-8
}

TEST(CountSmsSegments, FitsOneGsm7PartUpTo160Septets) {
  const SmsSegments s = count_sms_segments(std::string(160, 'a'));
  EXPECT_EQ(s.encoding, SmsEncoding::kGsm7);
  EXPECT_EQ(s.units, 160);
  EXPECT_EQ(s.segments, 1);
}

TEST(CountSmsSegments, SplitsLongerGsm7TextIn153SeptetParts) {
  EXPECT_EQ(count_sms_segments(std::string(161, 'a')).segments, 2);
  EXPECT_EQ(count_sms_segments(std::string(306, 'a')).segments, 2);
  EXPECT_EQ(count_sms_segments(std::string(307, 'a')).segments, 3);
}

TEST(CountSmsSegments, CountsExtensionCharactersTwice) {
  const SmsSegments s = count_sms_segments(std::string(158, 'a') + "€");
  EXPECT_EQ(s.units, 160);
  EXPECT_EQ(s.segments, 1);
  EXPECT_EQ(count_sms_segments(std::string(159, 'a') + "€").segments, 2);
}

TEST(CountSmsSegments, NeverSplitsAnEscapeSequenceAcrossParts) {
  // 152 septets then "€": 154 would straddle the first part's end, so € moves to part 2;
  // 152 + 2 + 152 = 306 units still need a third part because one septet was left empty.
  const std::string text = std::string(152, 'a') + "€" + std::string(152, 'b');
  const SmsSegments s = count_sms_segments(text);
  EXPECT_EQ(s.units, 306);
  EXPECT_EQ(s.segments, 3);
}

TEST(CountSmsSegments, UsesUcs2With70And67UnitParts) {
  std::string seventy;
  for (int i = 0; i < 70; ++i) seventy += "ê";
  const SmsSegments one = count_sms_segments(seventy);
  EXPECT_EQ(one.encoding, SmsEncoding::kUcs2);
  EXPECT_EQ(one.units, 70);
  EXPECT_EQ(one.segments, 1);
  EXPECT_EQ(count_sms_segments(seventy + "e").segments, 2);
  EXPECT_EQ(count_sms_segments(seventy + std::string(64, 'e')).segments, 2);  // 134 units
  EXPECT_EQ(count_sms_segments(seventy + std::string(65, 'e')).segments, 3);  // 135 units
}

TEST(CountSmsSegments, CountsAnEmojiAsTwoUtf16UnitsAndKeepsThePairTogether) {
  const SmsSegments s = count_sms_segments("ja 👍");
  EXPECT_EQ(s.encoding, SmsEncoding::kUcs2);
  EXPECT_EQ(s.units, 5);
  // 66 units then an emoji: it does not fit in the first 67-unit part.
  const std::string text = std::string(66, 'a') + "👍" + std::string(66, 'b');
  EXPECT_EQ(count_sms_segments(text).units, 134);
  EXPECT_EQ(count_sms_segments(text).segments, 3);
}

TEST(CountSmsSegments, AnEmptyTextHasNoParts) {
  EXPECT_EQ(count_sms_segments("").segments, 0);
}

TEST(TransliterateForSms, ReplacesTypographicPunctuationByPlainCharacters) {
  EXPECT_EQ(transliterate_for_sms("it’s ‘x’ “quoted” „nl“ «fr» 9–17u — ok… • punt"),
            "it's 'x' \"quoted\" \"nl\" \"fr\" 9-17u - ok... - punt");
  EXPECT_EQ(transliterate_for_sms("10\u00A0km\u202Fverder\u200B"), "10 km verder");
}

TEST(TransliterateForSms, KeepsTheEuroSignAndEveryOtherCharacter) {
  EXPECT_EQ(transliterate_for_sms("€ 25, café, peut-être, 👍"), "€ 25, café, peut-être, 👍");
}

TEST(TransliterateForSms, TurnsTypographicTextIntoGsm7) {
  const std::string text = "Kunnen jullie – vanaf 18u – een kindje opvangen? “Ja” graag…";
  EXPECT_FALSE(is_gsm7(text));
  EXPECT_TRUE(is_gsm7(transliterate_for_sms(text)));
}

TEST(TransliterateForSms, PassesInvalidBytesThrough) {
  EXPECT_EQ(transliterate_for_sms("a\xFF" "b"), "a\xFF" "b");
}

TEST(Utf16beToUtf8, DecodesBasicMultilingualPlaneText) {
  const std::string bytes("\x00J\x00\x61\x00 \x00\xE9\x20\xAC", 10);  // "Ja é€"
  const auto text = utf16be_to_utf8(bytes);
  ASSERT_TRUE(text.ok()) << text.error().message;
  EXPECT_EQ(*text, "Ja é€");
}

TEST(Utf16beToUtf8, JoinsSurrogatePairsIntoOneCodePoint) {
  const std::string bytes("\xD8\x3D\xDC\x4D", 4);  // U+1F44D thumbs up
  const auto text = utf16be_to_utf8(bytes);
  ASSERT_TRUE(text.ok()) << text.error().message;
  EXPECT_EQ(*text, "👍");
}

TEST(Utf16beToUtf8, ReplacesUnpairedSurrogatesWithTheReplacementCharacter) {
  const auto lone_high = utf16be_to_utf8(std::string("\xD8\x3D\x00J", 4));
  ASSERT_TRUE(lone_high.ok());
  EXPECT_EQ(*lone_high, "\uFFFDJ");
  const auto lone_low = utf16be_to_utf8(std::string("\xDC\x4D", 2));
  ASSERT_TRUE(lone_low.ok());
  EXPECT_EQ(*lone_low, "\uFFFD");
  const auto high_at_end = utf16be_to_utf8(std::string("\x00J\xD8\x3D", 4));
  ASSERT_TRUE(high_at_end.ok());
  EXPECT_EQ(*high_at_end, "J\uFFFD");
}

TEST(Utf16beToUtf8, RefusesAnOddNumberOfBytesSayingSo) {
  const auto text = utf16be_to_utf8(std::string("\x00J\x00", 3));
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.error().kind, ErrorKind::kInvalidInput);
  EXPECT_THAT(text.error().message, HasSubstr("even number of bytes, got 3"));
}

TEST(Utf16beToUtf8, KeepsNulCharactersAndDecodesAnEmptyText) {
  const auto nul = utf16be_to_utf8(std::string("\x00\x00", 2));
  ASSERT_TRUE(nul.ok());
  EXPECT_EQ(*nul, std::string(1, '\0'));
  const auto empty = utf16be_to_utf8("");
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(*empty, "");
}

// The crisis call as families receive it by SMS, with a realistic note: two parts at most
// in every language once transliterated.
TEST(CrisisCallSms, FitsInTwoSegmentsInEveryLanguage) {
  const Templates* templates = &test_data::shipped_templates();
  struct Case {
    Language lang;
    TemplateArgs args;
  };
  const std::string note = "Broer en zus, rustig, gaan naar school in de buurt – “liefst” samen.";
  const Case cases[] = {
      {Language::kNl, {{"code", "K42"}, {"ages", "4 en 7 jaar"}, {"place", "Sint-Niklaas"},
                       {"distance_km", "12"}, {"languages", "Nederlands en Frans"},
                       {"duration", "3 dagen"}, {"from", "24/11 18:30"}, {"note", note},
                       {"deadline", "Beslissing uiterlijk woensdag 26/11 09:00."}}},
      {Language::kFr, {{"code", "K42"}, {"ages", "4 et 7 ans"}, {"place", "Sint-Niklaas"},
                       {"distance_km", "12"}, {"languages", "néerlandais et francais"},
                       {"duration", "3 jours"}, {"from", "24/11 18:30"}, {"note", note},
                       {"deadline", "Décision au plus tard mercredi 26/11 09:00."}}},
      {Language::kEn, {{"code", "K42"}, {"ages", "4 and 7 years"}, {"place", "Sint-Niklaas"},
                       {"distance_km", "12"}, {"languages", "Dutch and French"},
                       {"duration", "3 days"}, {"from", "24/11 18:30"}, {"note", note},
                       {"deadline", "Decision by Wednesday 26/11 09:00."}}},
  };
  for (const Case& c : cases) {
    const auto text = templates->render(c.lang, "call_offer", c.args);
    ASSERT_TRUE(text.ok()) << text.error().message;
    const std::string sms = transliterate_for_sms(*text);
    const SmsSegments s = count_sms_segments(sms);
    EXPECT_EQ(s.encoding, SmsEncoding::kGsm7) << to_string(c.lang) << ": " << sms;
    EXPECT_LE(s.segments, 2) << to_string(c.lang) << " (" << s.units << " units): " << sms;
  }
}

}  // namespace
}  // namespace noodbel
