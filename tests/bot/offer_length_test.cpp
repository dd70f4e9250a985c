#include "bot/offer_length.h"

#include <gtest/gtest.h>

#include <string>

#include "bot/decision_time.h"
#include "bot/outbound.h"
#include "bot/sms_text.h"
#include "support/shipped_data.h"

namespace noodbel {
namespace {

constexpr UnixTime kMonday10h = 1763974800;  // 2025-11-24 10:00 Europe/Brussels

const Templates& templates() { return test_data::shipped_templates(); }

Call call_with_note(std::string note, std::string place = "Sint-Pieters-Leeuw") {
  Call call;
  call.code = "K42";
  call.ages_months = {3, 48};
  call.place = std::move(place);
  call.languages = {Language::kNl, Language::kFr};
  call.duration_hours = 72;
  call.needed_from = kMonday10h + 8 * 3600;
  call.note = std::move(note);
  return call;
}

// The longest note of plain letters that still fits in every language.
std::size_t longest_fitting_note() {
  std::size_t length = 0;
  while (!offer_overflow(templates(), call_with_note(std::string(length + 1, 'a')), kMonday10h)) {
    ++length;
  }
  return length;
}

TEST(OfferOverflow, AShortNoteFits) {
  EXPECT_FALSE(offer_overflow(templates(), call_with_note("Broer en zus, rustig."), kMonday10h));
  EXPECT_FALSE(offer_overflow(templates(), call_with_note(""), kMonday10h));
}

TEST(OfferOverflow, SaysExactlyHowManyCharactersToCut) {
  const std::size_t fitting = longest_fitting_note();
  ASSERT_GT(fitting, 50u);  // two SMS leave room for a real note
  const auto over = offer_overflow(templates(), call_with_note(std::string(fitting + 23, 'a')),
                                   kMonday10h);
  ASSERT_TRUE(over.has_value());
  EXPECT_EQ(over->over, 23);
  EXPECT_EQ(over->non_gsm, "");
}

TEST(OfferOverflow, MeasuresTheLongestFamilyLanguageWithAThreeDigitDistance) {
  const std::size_t fitting = longest_fitting_note();
  Call call = call_with_note(std::string(fitting, 'a'));
  for (const Language lang : {Language::kNl, Language::kFr, Language::kEn}) {
    call.code = "W99";
    Result<TemplateArgs> args = call_args(templates(), lang, call, kMonday10h);
    ASSERT_TRUE(args.ok());
    args->emplace_back("distance_km", "999");
    const Result<std::string> deadline =
        render_offer_decision(templates(), lang, {true, kMonday10h + 2 * 86400}, kMonday10h);
    ASSERT_TRUE(deadline.ok());
    args->emplace_back("deadline", *deadline);
    const Result<std::string> text = templates().render(lang, "call_offer", *args);
    ASSERT_TRUE(text.ok());
    EXPECT_LE(count_sms_segments(transliterate_for_sms(*text)).segments, 2) << to_string(lang);
  }
}

TEST(OfferOverflow, ACharacterOutsideGsm7IsNamedBecauseItShrinksEverySms) {
  const auto over = offer_overflow(
      templates(), call_with_note(std::string(120, 'a') + " \xC3\xAA" /* ê */), kMonday10h);
  ASSERT_TRUE(over.has_value());
  EXPECT_EQ(over->non_gsm, "\xC3\xAA");
  EXPECT_GT(over->over, 0);
}

TEST(OfferOverflow, TypographicQuotesCountAsTheyAreSentNotAsUnicode) {
  const std::size_t fitting = longest_fitting_note();
  // \u2019 becomes ' before sending: it costs one GSM-7 character.
  const std::string note = std::string(fitting - 1, 'a') + "\xE2\x80\x99";
  EXPECT_FALSE(offer_overflow(templates(), call_with_note(note), kMonday10h));
}

TEST(OfferOverflow, IsSilentWhenTheNoteIsNotWhatMakesItTooLong) {
  // A place outside GSM-7 makes every part 67 characters: even a one-letter note is too much,
  // and the caseworker cannot change the place's name.
  EXPECT_FALSE(offer_overflow(templates(), call_with_note("Kort", "Ch\xC3\xAAn\xC3\xA9" "e"),
                              kMonday10h));
}

}  // namespace
}  // namespace noodbel
