#include "bot/crisis_request.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "bot/local_time.h"
#include "support/shipped_data.h"

namespace noodbel {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// Tuesday 24/11/2026 14:00 in Brussels (a constant: the time zone is installed by main, after
// the static initializers).
constexpr UnixTime kNow = 1795525200;

const Postcodes& postcodes() {
  static const Postcodes p = Postcodes::from_places({
      {"9000", "Gent", "Oost-Vlaanderen", "VLG", {51.05, 3.72}},
      {"1000", "Bruxelles/Brussel", "Brussel", "BRU", {50.85, 4.35}},
      {"7100", "La Louvière", "Henegouwen", "WAL", {50.48, 4.19}},
  });
  return p;
}

Result<CrisisRequest> parse(std::string_view args) {
  return parse_crisis_request(args, postcodes(), kNow, Language::kNl);
}

CrisisRequest parse_ok(std::string_view args) {
  auto r = parse(args);
  EXPECT_TRUE(r.ok()) << args << " -> " << r.error().message;
  return r.ok() ? *r : CrisisRequest{};
}

// Expects a parse error with this reason and offending value.
void expect_error(std::string_view args, std::string_view reason, std::string_view value) {
  auto r = parse(args);
  ASSERT_FALSE(r.ok()) << args;
  EXPECT_EQ(r.error().kind, ErrorKind::kInvalidInput) << args;
  EXPECT_EQ(crisis_error_reason(r.error()), reason) << r.error().message;
  EXPECT_EQ(crisis_error_value(r.error()), value) << r.error().message;
}

UnixTime needed_from(std::string_view vanaf) {
  return parse_ok(std::string("leeftijd=4 postcode=9000 vanaf=") + std::string(vanaf)).needed_from;
}

TEST(CrisisRequest, NowIsTwoOClockOnTuesday24November) {
  EXPECT_EQ(kNow, from_local(2026, 11, 24, 14 * 60));
}

TEST(CrisisRequest, ParsesTheDocumentedExample) {
  const CrisisRequest r = parse_ok("leeftijd=4 postcode=9000 taal=nl duur=3d Korte toelichting");
  EXPECT_THAT(r.ages_months, ElementsAre(48));
  EXPECT_EQ(r.place.postcode, "9000");
  EXPECT_EQ(r.place.name, "Gent");
  EXPECT_THAT(r.languages, ElementsAre(Language::kNl));
  EXPECT_EQ(r.duration_hours, 72);
  EXPECT_EQ(r.needed_from, kNow);
  EXPECT_FALSE(r.urgent);
  EXPECT_FALSE(r.wave_size.has_value());
  EXPECT_EQ(r.note, "Korte toelichting");
}

TEST(CrisisRequest, KeysAnywhereAndTheRestIsTheNoteJoinedBySingleSpaces) {
  const CrisisRequest r = parse_ok("Broer  en\tzus leeftijd=4,7 samen   postcode=9000 plaatsen");
  EXPECT_THAT(r.ages_months, ElementsAre(48, 84));
  EXPECT_EQ(r.note, "Broer en zus samen plaatsen");
}

TEST(CrisisRequest, KeysAreCaseInsensitiveWithEnglishAliases) {
  const CrisisRequest r = parse_ok("AGE=3m Place=gent LANG=fr,EN Duration=12h From=18u Wave=20");
  EXPECT_THAT(r.ages_months, ElementsAre(3));
  EXPECT_EQ(r.place.postcode, "9000");
  EXPECT_THAT(r.languages, ElementsAre(Language::kFr, Language::kEn));
  EXPECT_EQ(r.duration_hours, 12);
  EXPECT_EQ(r.needed_from, from_local(2026, 11, 24, 18 * 60));
  EXPECT_EQ(r.wave_size, 20);
}

TEST(CrisisRequest, UrgentAndDringendAreFlagsNotNote) {
  EXPECT_TRUE(parse_ok("urgent leeftijd=4 postcode=9000").urgent);
  const CrisisRequest r = parse_ok("leeftijd=4 DRINGEND postcode=9000 baby");
  EXPECT_TRUE(r.urgent);
  EXPECT_EQ(r.note, "baby");
}

TEST(CrisisRequest, DefaultsToTheCaseworkersLanguageAndDropsRepeats) {
  auto r = parse_crisis_request("leeftijd=4 postcode=9000", postcodes(), kNow, Language::kFr);
  ASSERT_TRUE(r.ok());
  EXPECT_THAT(r->languages, ElementsAre(Language::kFr));
  EXPECT_THAT(parse_ok("leeftijd=4 postcode=9000 taal=nl,fr,nl").languages,
              ElementsAre(Language::kNl, Language::kFr));
}

TEST(CrisisRequest, AgesInYearsOrMonths) {
  EXPECT_THAT(parse_ok("leeftijd=0 postcode=9000").ages_months, ElementsAre(0));
  EXPECT_THAT(parse_ok("leeftijd=17,35m,4j postcode=9000").ages_months, ElementsAre(204, 35, 48));
}

TEST(CrisisRequest, RefusesAgesOutOfRangeOrUnreadable) {
  expect_error("leeftijd=18 postcode=9000", "bad_age", "18");
  expect_error("leeftijd=36m postcode=9000", "bad_age", "36m");
  expect_error("leeftijd=vier postcode=9000", "bad_age", "vier");
  expect_error("leeftijd=4, postcode=9000", "bad_age", "4,");
  expect_error("leeftijd= postcode=9000", "bad_age", "");
  expect_error("leeftijd=1,1,1,1,1,1,1,1,1,1,1 postcode=9000", "bad_age", "1,1,1,1,1,1,1,1,1,1,1");
}

TEST(CrisisRequest, DurationsInHoursDaysAndWeeks) {
  EXPECT_EQ(parse_ok("leeftijd=4 postcode=9000 duur=3d").duration_hours, 72);
  EXPECT_EQ(parse_ok("leeftijd=4 postcode=9000 duur=5").duration_hours, 120);
  EXPECT_EQ(parse_ok("leeftijd=4 postcode=9000 duur=1w").duration_hours, 168);
  EXPECT_EQ(parse_ok("leeftijd=4 postcode=9000 duur=12u").duration_hours, 12);
  EXPECT_EQ(parse_ok("leeftijd=4 postcode=9000 duur=8W").duration_hours, 8 * 168);
}

TEST(CrisisRequest, RefusesDurationsOverEightWeeksZeroOrUnreadable) {
  expect_error("leeftijd=4 postcode=9000 duur=9w", "bad_duration", "9w");
  expect_error("leeftijd=4 postcode=9000 duur=0", "bad_duration", "0");
  expect_error("leeftijd=4 postcode=9000 duur=3x", "bad_duration", "3x");
  expect_error("leeftijd=4 postcode=9000 duur=lang", "bad_duration", "lang");
}

TEST(CrisisRequest, VanafATimeIsToday) {
  EXPECT_EQ(needed_from("18u"), from_local(2026, 11, 24, 18 * 60));
  EXPECT_EQ(needed_from("18:30"), from_local(2026, 11, 24, 18 * 60 + 30));
  EXPECT_EQ(needed_from("18u30"), from_local(2026, 11, 24, 18 * 60 + 30));
  EXPECT_EQ(needed_from("18h"), from_local(2026, 11, 24, 18 * 60));
}

TEST(CrisisRequest, VanafATimeAlreadyPassedTodayMeansNow) {
  EXPECT_EQ(needed_from("10u"), kNow);
  EXPECT_EQ(needed_from("24/11"), kNow);  // today 09:00 has passed
}

TEST(CrisisRequest, VanafWordsAndDates) {
  EXPECT_EQ(needed_from("nu"), kNow);
  EXPECT_EQ(needed_from("NOW"), kNow);
  EXPECT_EQ(needed_from("morgen"), from_local(2026, 11, 25, 9 * 60));
  EXPECT_EQ(needed_from("morgen-18u"), from_local(2026, 11, 25, 18 * 60));
  EXPECT_EQ(needed_from("26/11"), from_local(2026, 11, 26, 9 * 60));
  EXPECT_EQ(needed_from("26/11-18u"), from_local(2026, 11, 26, 18 * 60));
  EXPECT_EQ(needed_from("3/1"), from_local(2027, 1, 3, 9 * 60));  // next January
}

TEST(CrisisRequest, RefusesVanafInThePastFarAheadOrUnreadable) {
  expect_error("leeftijd=4 postcode=9000 vanaf=20/11", "bad_from", "20/11");
  expect_error("leeftijd=4 postcode=9000 vanaf=1/12/2025", "bad_from", "1/12/2025");
  expect_error("leeftijd=4 postcode=9000 vanaf=1/12/2027", "bad_from", "1/12/2027");
  expect_error("leeftijd=4 postcode=9000 vanaf=25u", "bad_from", "25u");
  expect_error("leeftijd=4 postcode=9000 vanaf=31/11", "bad_from", "31/11");
  expect_error("leeftijd=4 postcode=9000 vanaf=straks", "bad_from", "straks");
}

TEST(CrisisRequest, WaveSizeFromOneTo500) {
  EXPECT_EQ(parse_ok("leeftijd=4 postcode=9000 golf=500").wave_size, 500);
  expect_error("leeftijd=4 postcode=9000 golf=0", "bad_wave", "0");
  expect_error("leeftijd=4 postcode=9000 golf=501", "bad_wave", "501");
  expect_error("leeftijd=4 postcode=9000 golf=tien", "bad_wave", "tien");
}

TEST(CrisisRequest, UnknownLanguageListsTheAllowedOnes) {
  auto r = parse("leeftijd=4 postcode=9000 taal=nl,de");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(crisis_error_reason(r.error()), "bad_language");
  EXPECT_EQ(crisis_error_value(r.error()), "nl,de");
  EXPECT_THAT(r.error().message, HasSubstr("nl, fr or en"));
}

TEST(CrisisRequest, QuotedPlaceNamesMayHoldSpaces) {
  EXPECT_EQ(parse_ok("leeftijd=4 gemeente=\"La Louvière\" opvang").place.postcode, "7100");
  const CrisisRequest r = parse_ok("leeftijd=4 gemeente=\xE2\x80\x9Cla louviere\xE2\x80\x9D opvang");
  EXPECT_EQ(r.place.postcode, "7100");
  EXPECT_EQ(r.note, "opvang");
}

TEST(CrisisRequest, UnknownPlacePassesThePostcodeErrorThrough) {
  auto r = parse("leeftijd=4 postcode=9999");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(crisis_error_reason(r.error()), "bad_place");
  EXPECT_EQ(crisis_error_value(r.error()), "9999");
  EXPECT_THAT(r.error().message, HasSubstr("9999"));
}

TEST(CrisisRequest, MissingAgeOrPlaceShowsACompleteExample) {
  for (std::string_view args : {"", "postcode=9000 iets", "leeftijd = 4 postcode=9000"}) {
    auto r = parse(args);
    ASSERT_FALSE(r.ok()) << args;
    EXPECT_EQ(crisis_error_reason(r.error()), "missing_age") << args;
    EXPECT_THAT(r.error().message,
                HasSubstr("/crisis leeftijd=4 postcode=9000 taal=nl duur=3d Korte toelichting"));
  }
  auto r = parse("leeftijd=4 Gent");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(crisis_error_reason(r.error()), "missing_place");
  EXPECT_EQ(crisis_error_value(r.error()), "");
}

TEST(CrisisRequest, UnknownAndRepeatedKeysAreRefused) {
  expect_error("leeftjid=4 postcode=9000", "unknown_key", "leeftjid");
  expect_error("leeftijd=4 age=5 postcode=9000", "duplicate_key", "age");
}

TEST(CrisisRequest, TokensWhoseKeyIsNotAWordStayInTheNote) {
  EXPECT_EQ(parse_ok("leeftijd=4 postcode=9000 zie https://x.be/?a=b 1+1=2").note,
            "zie https://x.be/?a=b 1+1=2");
}

TEST(CrisisRequest, ErrorHelpersIgnoreOtherErrors) {
  EXPECT_EQ(crisis_error_reason(Error::Invalid("something else")), "");
  EXPECT_EQ(crisis_error_value(Error::Internal("crisis.bad_age \"x\": y")), "");
}

}  // namespace
}  // namespace noodbel

namespace noodbel {
namespace {

// ---- every problem at once, with a corrected example (shipped place data) ----

const Postcodes& belgium() { return test_data::shipped_postcodes(); }

CrisisCheck check(std::string_view args, Language lang = Language::kNl) {
  return check_crisis_request(args, belgium(), kNow, lang);
}

std::vector<std::string> reasons(const CrisisCheck& c) {
  std::vector<std::string> out;
  for (const CrisisProblem& p : c.problems) out.push_back(p.reason);
  return out;
}

TEST(CrisisCheck, ReportsEveryWrongFieldAtOnceAndSamplesThemInTheExample) {
  const CrisisCheck c = check("leeftijd=vier gemeente=Atlantis taal=de duur=eeuwig Korte toelichting");
  EXPECT_THAT(reasons(c), ElementsAre("bad_age", "bad_place", "bad_language", "bad_duration"));
  EXPECT_EQ(c.example_args, "leeftijd=4 gemeente=9000 taal=nl duur=3d Korte toelichting");
  EXPECT_THAT(c.sampled_keys, ElementsAre("leeftijd", "gemeente", "taal", "duur"));
  EXPECT_EQ(c.problems[0].value, "vier");
  EXPECT_EQ(c.problems[1].value, "Atlantis");
  EXPECT_EQ(c.request.note, "Korte toelichting");
}

TEST(CrisisCheck, KeepsValidValuesAsTypedAndAddsMissingKeysInFront) {
  const CrisisCheck c = check("taal=fr duur=1w Broer en zus");
  EXPECT_THAT(reasons(c), ElementsAre("missing_age", "missing_place"));
  EXPECT_EQ(c.example_args, "leeftijd=4 postcode=9000 taal=fr duur=1w Broer en zus");
  const CrisisCheck english = check("lang=en Sister", Language::kNl);
  EXPECT_EQ(english.example_args, "age=4 postcode=9000 lang=en Sister");
}

TEST(CrisisCheck, AnAmbiguousPlaceListsTheCandidatesAndTheExampleTakesTheFirst) {
  const CrisisCheck c = check("leeftijd=4 gemeente=Aalst Korte toelichting");
  ASSERT_THAT(reasons(c), ElementsAre("ambiguous_place"));
  ASSERT_EQ(c.problems[0].places.size(), 2u);
  EXPECT_EQ(c.problems[0].places[0].place.postcode, "9300");
  EXPECT_EQ(c.problems[0].places[1].municipality, "Sint-Truiden");
  EXPECT_EQ(c.example_args, "leeftijd=4 gemeente=9300 Korte toelichting");
  EXPECT_THAT(c.sampled_keys, ElementsAre("gemeente"));
}

TEST(CrisisCheck, AMisspeltPlaceSuggestsAndTheExampleTakesTheSuggestion) {
  const CrisisCheck c = check("leeftijd=4 gemeente=Oudenaerde");
  ASSERT_THAT(reasons(c), ElementsAre("bad_place"));
  ASSERT_FALSE(c.problems[0].places.empty());
  EXPECT_EQ(c.problems[0].places[0].place.name, "Oudenaarde");
  EXPECT_EQ(c.example_args, "leeftijd=4 gemeente=9700");
}

TEST(CrisisCheck, APlaceRunsOverTheWordsThatCompleteIt) {
  const CrisisCheck spaced = check("leeftijd=4 gemeente=Sint Niklaas Korte toelichting");
  ASSERT_TRUE(spaced.ok()) << spaced.problems.front().detail;
  EXPECT_EQ(spaced.request.place.postcode, "9100");
  EXPECT_EQ(spaced.request.note, "Korte toelichting");
  const CrisisCheck both = check("leeftijd=4 postcode=9120 Beveren");
  ASSERT_TRUE(both.ok());
  EXPECT_EQ(both.request.place.name, "Beveren");
  EXPECT_EQ(both.request.note, "");
  const CrisisCheck note = check("leeftijd=4 postcode=9000 Korte toelichting");
  EXPECT_EQ(note.request.note, "Korte toelichting");
  const CrisisCheck quoted = check("leeftijd=4 gemeente=\"Gent\" Ledeberg");
  EXPECT_EQ(quoted.request.place.postcode, "9000");
  EXPECT_EQ(quoted.request.note, "Ledeberg");
}

TEST(CrisisCheck, AMergedMunicipalityIsAValidPlace) {
  const CrisisCheck c = check("leeftijd=4 gemeente=Pelt");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c.request.place.name, "Pelt");
  EXPECT_EQ(c.request.place.postcode, "3910");
}

TEST(CrisisCheck, AMisspeltKeyIsReadAsTheKeyMeantAndRenamedInTheExample) {
  const CrisisCheck c = check("leeftjid=4 postcode=9000");
  ASSERT_THAT(reasons(c), ElementsAre("unknown_key"));
  EXPECT_EQ(c.problems[0].likely_key, "leeftijd");
  EXPECT_EQ(c.example_args, "leeftijd=4 postcode=9000");
  const CrisisCheck unknown = check("leeftijd=4 postcode=9000 kleur=blauw");
  ASSERT_THAT(reasons(unknown), ElementsAre("unknown_key"));
  EXPECT_EQ(unknown.problems[0].likely_key, "");
  EXPECT_EQ(unknown.example_args, "leeftijd=4 postcode=9000");
}

// Found by the fuzzer (heap-use-after-free under ASan): a misspelt key whose value is wrong
// too adds a second problem, and the key meant must survive the problems list growing.
TEST(CrisisCheck, AMisspeltKeyWithAWrongValueKeepsTheKeyMeantInTheExample) {
  const CrisisCheck c = check("leeftijd=7 postcode=9000 anaf=25/11-18uplaats=Gent");
  ASSERT_THAT(reasons(c), ElementsAre("unknown_key", "bad_from"));
  EXPECT_EQ(c.problems[0].likely_key, "vanaf");
  EXPECT_NE(c.example_args.find("vanaf="), std::string::npos) << c.example_args;
}

TEST(CrisisCheck, ARepeatedKeyIsReportedAndDroppedFromTheExample) {
  const CrisisCheck c = check("leeftijd=4 age=5 postcode=9000");
  ASSERT_THAT(reasons(c), ElementsAre("duplicate_key"));
  EXPECT_EQ(c.example_args, "leeftijd=4 postcode=9000");
  EXPECT_THAT(c.request.ages_months, ElementsAre(48));
}

TEST(CrisisCheck, AValidRequestHasNoProblemsAndAnExampleEqualToTheInput) {
  const CrisisCheck c = check("leeftijd=4,7 postcode=9000 taal=nl duur=3d urgent Korte toelichting");
  EXPECT_TRUE(c.ok());
  EXPECT_EQ(c.example_args, "leeftijd=4,7 postcode=9000 taal=nl duur=3d urgent Korte toelichting");
  EXPECT_TRUE(c.sampled_keys.empty());
}

}  // namespace
}  // namespace noodbel
