#include "bot/people_import.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

#include "bot/config.h"
#include "support/paths/source_paths.h"
#include "support/shipped_data.h"

namespace noodbel {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

const Postcodes& postcodes() { return test_data::shipped_postcodes(); }

std::vector<std::string> service_ids() {
  std::vector<std::string> ids;
  for (const ServiceConfig& service : default_services()) ids.push_back(service.id);
  return ids;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

const std::string kFamilyHeader =
    "id,service,name,contacts,postcode,max_km,min_age,max_age,max_children,languages,"
    "availability,paused_until,opted_in,preferred_language\n";
const std::string kGoodFamily =
    "F0001,oost-vlaanderen,Gezin Peeters,sms:0470 12 34 56,9000,30,0,12,2,nl,,,yes,nl\n";

FamilyImport families(const std::string& rows) {
  auto parsed = parse_families_csv(kFamilyHeader + rows, postcodes(), service_ids());
  EXPECT_TRUE(parsed.ok()) << parsed.error().message;
  return parsed.ok() ? std::move(parsed.value()) : FamilyImport{};
}

// A family row from kGoodFamily with one column replaced.
std::string family_with(const std::string& column, const std::string& value) {
  static const std::vector<std::string> kColumns{
      "id",           "service",      "name",     "contacts",          "postcode",
      "max_km",       "min_age",      "max_age",  "max_children",      "languages",
      "availability", "paused_until", "opted_in", "preferred_language"};
  std::vector<std::string> fields{"F0001",
                                  "oost-vlaanderen",
                                  "Gezin Peeters",
                                  "sms:0470 12 34 56",
                                  "9000",
                                  "30",
                                  "0",
                                  "12",
                                  "2",
                                  "nl",
                                  "",
                                  "",
                                  "yes",
                                  "nl"};
  for (std::size_t i = 0; i < kColumns.size(); ++i) {
    if (kColumns[i] == column) fields[i] = value;
  }
  std::string row;
  for (const std::string& field : fields) {
    row += (row.empty() ? "" : ",") + ("\"" + field + "\"");
  }
  return row + "\n";
}

// The single issue of a one-row import that must fail on `column`.
ImportIssue single_issue(const std::string& column, const std::string& value) {
  const FamilyImport result = families(family_with(column, value));
  EXPECT_THAT(result.rows, IsEmpty()) << column << "=" << value;
  EXPECT_EQ(result.issues.size(), 1u) << column << "=" << value;
  if (result.issues.empty()) return {};
  EXPECT_EQ(result.issues[0].line, 2);
  EXPECT_EQ(result.issues[0].column, column);
  return result.issues[0];
}

// ---- families: valid input ----

TEST(ParseFamiliesCsv, ReadsAFullRow) {
  const FamilyImport result = families(
      "F0012,Oost-Vlaanderen,Gezin El Amrani,\"signal:+32 470/12.34.56; telegram:123456789\","
      "Sint-Niklaas,25,6m,7,3,\"nl, fr\",ma-vr 18:00-08:00,2026-03-14,ja,fr\n");
  ASSERT_THAT(result.issues, IsEmpty());
  ASSERT_EQ(result.rows.size(), 1u);
  const Family& f = result.rows[0];
  EXPECT_EQ(f.id, "F0012");
  EXPECT_EQ(f.service, "oost-vlaanderen");
  EXPECT_EQ(f.display_name, "Gezin El Amrani");
  EXPECT_THAT(f.contacts, ElementsAre(Contact{Channel::kSignal, "+32470123456"},
                                      Contact{Channel::kTelegram, "123456789"}));
  EXPECT_EQ(f.postcode, "9100");
  EXPECT_NEAR(f.home.lat, 51.16509, 1e-9);
  EXPECT_EQ(f.max_distance_km, 25);
  EXPECT_EQ(f.min_age_months, 6);
  EXPECT_EQ(f.max_age_months, 84);
  EXPECT_EQ(f.max_children, 3);
  EXPECT_THAT(f.languages, ElementsAre(Language::kNl, Language::kFr));
  EXPECT_EQ(f.availability.size(), 10u);
  ASSERT_TRUE(f.paused_until.has_value());
  EXPECT_EQ(*f.paused_until, 1773442800);  // 2026-03-14 00:00 CET
  EXPECT_TRUE(f.opted_in);
  EXPECT_EQ(f.preferred_language, Language::kFr);
}

TEST(ParseFamiliesCsv, LeavesOptionalColumnsEmpty) {
  const FamilyImport result = families(kGoodFamily);
  ASSERT_THAT(result.issues, IsEmpty());
  ASSERT_EQ(result.rows.size(), 1u);
  EXPECT_THAT(result.rows[0].availability, IsEmpty());
  EXPECT_FALSE(result.rows[0].paused_until.has_value());
}

TEST(ParseFamiliesCsv, AcceptsColumnsInAnyOrder) {
  const auto parsed = parse_families_csv(
      "preferred_language,opted_in,paused_until,availability,languages,max_children,max_age,"
      "min_age,max_km,postcode,contacts,name,service,id\n"
      "en,no,,,en,1,18,0,10,2000,telegram:42,Family Martin,antwerpen,f0019\n",
      postcodes(), service_ids());
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  ASSERT_THAT(parsed->issues, IsEmpty());
  ASSERT_EQ(parsed->rows.size(), 1u);
  EXPECT_EQ(parsed->rows[0].id, "F0019");
  EXPECT_FALSE(parsed->rows[0].opted_in);
  EXPECT_EQ(parsed->rows[0].postcode, "2000");
}

TEST(ParseFamiliesCsv, StoresAPauseAsBrusselsMidnightInSummerToo) {
  const FamilyImport result = families(family_with("paused_until", "2026-07-01"));
  ASSERT_EQ(result.rows.size(), 1u);
  EXPECT_EQ(result.rows[0].paused_until, 1782856800);  // 2026-07-01 00:00 CEST
}

TEST(ParseFamiliesCsv, ReadsTheDemoFamiliesWithoutIssues) {
  const auto parsed = parse_families_csv(read_file(noodbel::testing::source_path("/config/demo-families.csv")),
                                         postcodes(), service_ids());
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  for (const ImportIssue& issue : parsed->issues) {
    ADD_FAILURE() << "line " << issue.line << " " << issue.column << ": " << issue.message;
  }
  EXPECT_GE(parsed->rows.size(), 35u);
  std::set<std::string> services;
  int reachable_from_gent = 0;
  const GeoPoint gent = postcodes().by_postcode("9000")->point;
  for (const Family& f : parsed->rows) {
    services.insert(f.service);
    const bool active = f.opted_in && !f.paused_until && f.availability.empty();
    if (active && distance_km(gent, f.home) <= std::min(30, f.max_distance_km))
      ++reachable_from_gent;
  }
  EXPECT_EQ(services.size(), 5u);
  EXPECT_GE(reachable_from_gent, 8);
}

// ---- families: header and file errors ----

TEST(ParseFamiliesCsv, RefusesAnUnknownColumnNamingIt) {
  const auto parsed = parse_families_csv(
      "id,service,name,contacts,postcode,max_km,min_age,max_age,max_children,languages,"
      "availability,paused_until,opted_in,preferred_language,phone\n",
      postcodes(), service_ids());
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().kind, ErrorKind::kInvalidInput);
  EXPECT_THAT(parsed.error().message, HasSubstr("line 1: unknown column 'phone'"));
  EXPECT_THAT(parsed.error().message, HasSubstr("the columns are id,service,name"));
}

TEST(ParseFamiliesCsv, RefusesAHeaderWithMissingColumnsNamingThem) {
  const auto parsed = parse_families_csv(
      "id,service,name,contacts,postcode,max_km,min_age,max_age,"
      "max_children,languages,availability,opted_in\n",
      postcodes(), service_ids());
  ASSERT_FALSE(parsed.ok());
  EXPECT_THAT(parsed.error().message,
              HasSubstr("line 1: the header lacks column 'paused_until', 'preferred_language'"));
}

TEST(ParseFamiliesCsv, RefusesAColumnNamedTwice) {
  const auto parsed = parse_families_csv("id,id\n", postcodes(), service_ids());
  ASSERT_FALSE(parsed.ok());
  EXPECT_THAT(parsed.error().message, HasSubstr("line 1: column 'id' appears twice"));
}

TEST(ParseFamiliesCsv, RefusesMalformedCsvNamingTheLine) {
  const auto parsed = parse_families_csv(kFamilyHeader + kGoodFamily + "F0002,\"oost-vlaanderen\n",
                                         postcodes(), service_ids());
  ASSERT_FALSE(parsed.ok());
  EXPECT_THAT(parsed.error().message, HasSubstr("line 3: quoted field is never closed"));
}

TEST(ParseFamiliesCsv, RefusesAnEmptyFile) {
  const auto parsed = parse_families_csv("", postcodes(), service_ids());
  ASSERT_FALSE(parsed.ok());
  EXPECT_THAT(parsed.error().message, HasSubstr("header"));
}

// ---- families: row issues ----

TEST(ParseFamiliesCsv, ReportsARowWithTheWrongNumberOfFields) {
  const FamilyImport result = families(
      kGoodFamily +
      "F0002,oost-vlaanderen,Gezin Maes,sms:0470 12 34 57,9000,30,0,12,2,nl,fr,,,yes,nl\n");
  ASSERT_EQ(result.rows.size(), 1u);
  ASSERT_EQ(result.issues.size(), 1u);
  EXPECT_EQ(result.issues[0].line, 3);
  EXPECT_EQ(result.issues[0].column, "");
  EXPECT_THAT(result.issues[0].message, HasSubstr("the row has 15 fields but the header has 14"));
  EXPECT_THAT(result.issues[0].message, HasSubstr("double quotes"));
}

TEST(ParseFamiliesCsv, ReportsABadId) {
  for (const char* id : {"F12", "X0001", "F00012", "F00a1", ""}) {
    EXPECT_THAT(single_issue("id", id).message,
                HasSubstr("must be F followed by 4 digits, like F0012"));
  }
}

TEST(ParseFamiliesCsv, ReportsAnUnknownServiceListingTheKnownOnes) {
  const ImportIssue issue = single_issue("service", "gent");
  EXPECT_THAT(issue.message, HasSubstr("unknown service 'gent'"));
  EXPECT_THAT(
      issue.message,
      HasSubstr("antwerpen, limburg, oost-vlaanderen, west-vlaanderen, vlaams-brabant-brussel"));
}

TEST(ParseFamiliesCsv, ReportsABadName) {
  EXPECT_THAT(single_issue("name", "  ").message, HasSubstr("the name is empty"));
  EXPECT_THAT(single_issue("name", std::string(101, 'x')).message, HasSubstr("longer than 100"));
  EXPECT_THAT(single_issue("name", "Gezin\nPeeters").message, HasSubstr("keep it on one line"));
}

TEST(ParseFamiliesCsv, ReportsABadPhoneNumberQuotingIt) {
  const ImportIssue issue = single_issue("contacts", "sms:0470 12 34");
  EXPECT_THAT(issue.message, HasSubstr("'0470 12 34' is not a valid phone number"));
  EXPECT_THAT(issue.message, HasSubstr("write it like 0470 12 34 56"));
}

TEST(ParseFamiliesCsv, ReportsBadContacts) {
  EXPECT_THAT(single_issue("contacts", "").message, HasSubstr("no contact given"));
  EXPECT_THAT(single_issue("contacts", "0470123456").message, HasSubstr("has no channel"));
  EXPECT_THAT(single_issue("contacts", "whatsapp:0470123456").message,
              HasSubstr("contact channel 'whatsapp' is unknown; use sms, signal or telegram"));
  EXPECT_THAT(single_issue("contacts", "slash:U123").message,
              HasSubstr("slash contacts are for caseworkers; use sms, signal or telegram"));
  EXPECT_THAT(single_issue("contacts", "sandbox:F0001").message,
              HasSubstr("sandbox contacts are made by the practice channel"));
  EXPECT_THAT(single_issue("contacts", "telegram:@peeters").message,
              HasSubstr("telegram chat id '@peeters' must be the numeric chat id"));
  EXPECT_THAT(single_issue("contacts", "sms:0470123456;sms:+32 470 12 34 56").message,
              HasSubstr("is listed twice"));
}

TEST(ParseFamiliesCsv, ReportsAnUnknownPostcodeNamingIt) {
  const ImportIssue issue = single_issue("postcode", "9999");
  EXPECT_THAT(issue.message, HasSubstr("unknown postcode 9999"));
  EXPECT_THAT(issue.message, HasSubstr("such as 9000"));
  EXPECT_THAT(single_issue("postcode", "Atlantis").message, HasSubstr("unknown place 'Atlantis'"));
}

TEST(ParseFamiliesCsv, ReportsAMaxDistanceOutOfRange) {
  for (const char* km : {"0", "201", "ten", "-5", "12.5"}) {
    EXPECT_THAT(single_issue("max_km", km).message,
                HasSubstr("must be a whole number of kilometres from 1 to 200"));
  }
}

TEST(ParseFamiliesCsv, ReportsBadAges) {
  EXPECT_THAT(single_issue("min_age", "baby").message, HasSubstr("age 'baby' must be years"));
  EXPECT_THAT(single_issue("max_age", "26").message, HasSubstr("from 0 to 25 years"));
  EXPECT_THAT(single_issue("max_age", "5w").message, HasSubstr("months with m (6m)"));
}

TEST(ParseFamiliesCsv, ReportsAMinimumAgeAboveTheMaximumOnMaxAge) {
  const FamilyImport result =
      families("F0001,oost-vlaanderen,Gezin Peeters,sms:0470123456,9000,30,12,6,2,nl,,,yes,nl\n");
  ASSERT_THAT(result.rows, IsEmpty());
  ASSERT_EQ(result.issues.size(), 1u);
  EXPECT_EQ(result.issues[0].column, "max_age");
  EXPECT_THAT(result.issues[0].message, HasSubstr("max_age '6' is below min_age '12'"));
}

TEST(ParseFamiliesCsv, ReportsABadNumberOfChildren) {
  EXPECT_THAT(single_issue("max_children", "0").message, HasSubstr("from 1 to 6"));
  EXPECT_THAT(single_issue("max_children", "7").message, HasSubstr("max_children '7'"));
}

TEST(ParseFamiliesCsv, ReportsBadLanguages) {
  EXPECT_THAT(single_issue("languages", "nl,de").message,
              HasSubstr("'de' is not a language we support"));
  EXPECT_THAT(single_issue("languages", " ").message, HasSubstr("no language given"));
  EXPECT_THAT(
      single_issue("preferred_language", "de").message,
      HasSubstr("preferred_language 'de' is not a language we support; write nl, fr or en"));
}

TEST(ParseFamiliesCsv, ReportsABadAvailability) {
  EXPECT_THAT(single_issue("availability", "ma-xx 18:00-08:00").message,
              HasSubstr("'ma-xx' is not a day or day range"));
  EXPECT_THAT(single_issue("availability", "ma-vr 25:00-08:00").message,
              HasSubstr("'25:00-08:00' is not a time range"));
  EXPECT_THAT(single_issue("availability", "ma-vr").message, HasSubstr("the hours are missing"));
  EXPECT_THAT(single_issue("availability", "ma 08:00-08:00").message,
              HasSubstr("for a whole day write 00:00-24:00"));
  EXPECT_THAT(single_issue("availability", "18:00-20:00").message,
              HasSubstr("the days are missing"));
}

TEST(ParseFamiliesCsv, ReportsABadPauseDate) {
  for (const char* date : {"14/03/2026", "2026-02-30", "2026-3-14", "1999-12-31"}) {
    EXPECT_THAT(single_issue("paused_until", date).message,
                HasSubstr("must be written as YYYY-MM-DD"));
  }
}

TEST(ParseFamiliesCsv, ReportsABadOptIn) {
  EXPECT_THAT(single_issue("opted_in", "misschien").message,
              HasSubstr("opted_in 'misschien' must be yes or no"));
  EXPECT_THAT(single_issue("opted_in", "").message, HasSubstr("must be yes or no"));
}

TEST(ParseFamiliesCsv, ReportsEveryProblemOfARowAndKeepsTheOtherRows) {
  const FamilyImport result =
      families(kGoodFamily + "F0002,nowhere,Gezin Maes,sms:123,9999,30,0,12,2,nl,,,yes,nl\n" +
               "F0003,antwerpen,Gezin Janssens,sms:0470 12 34 58,2000,30,0,12,2,nl,,,yes,nl\n");
  ASSERT_EQ(result.rows.size(), 2u);
  EXPECT_EQ(result.rows[0].id, "F0001");
  EXPECT_EQ(result.rows[1].id, "F0003");
  ASSERT_EQ(result.issues.size(), 3u);
  EXPECT_EQ(result.issues[0].column, "service");
  EXPECT_EQ(result.issues[1].column, "contacts");
  EXPECT_EQ(result.issues[2].column, "postcode");
  for (const ImportIssue& issue : result.issues) EXPECT_EQ(issue.line, 3);
}

TEST(ParseFamiliesCsv, ReportsADuplicateIdOnTheSecondLine) {
  const FamilyImport result = families(
      kGoodFamily + "F0002,antwerpen,Gezin Maes,sms:0470 12 34 57,2000,30,0,12,2,nl,,,yes,nl\n" +
      "f0001,antwerpen,Gezin Jacobs,sms:0470 12 34 58,2000,30,0,12,2,nl,,,yes,nl\n");
  ASSERT_EQ(result.rows.size(), 2u);
  EXPECT_EQ(result.rows[0].display_name, "Gezin Peeters");
  ASSERT_EQ(result.issues.size(), 1u);
  EXPECT_EQ(result.issues[0].line, 4);
  EXPECT_EQ(result.issues[0].column, "id");
  EXPECT_THAT(result.issues[0].message,
              HasSubstr("id F0001 is already used on line 2; give every family its own id"));
}

// ---- caseworkers ----

const std::string kCaseworkerHeader = "id,service,name,role,contacts,language\n";

CaseworkerImport caseworkers(const std::string& rows) {
  auto parsed = parse_caseworkers_csv(kCaseworkerHeader + rows, service_ids());
  EXPECT_TRUE(parsed.ok()) << parsed.error().message;
  return parsed.ok() ? std::move(parsed.value()) : CaseworkerImport{};
}

TEST(ParseCaseworkersCsv, ReadsARowWithASlashUser) {
  const CaseworkerImport result = caseworkers(
      "C001,oost-vlaanderen,An De Clercq,supervisor,\"slash:U123ABC;sms:0470 12 34 56\",FR\n");
  ASSERT_THAT(result.issues, IsEmpty());
  ASSERT_EQ(result.rows.size(), 1u);
  const Caseworker& c = result.rows[0];
  EXPECT_EQ(c.id, "C001");
  EXPECT_EQ(c.role, Role::kSupervisor);
  EXPECT_EQ(c.language, Language::kFr);
  EXPECT_THAT(c.contacts, ElementsAre(Contact{Channel::kSlash, "U123ABC"},
                                      Contact{Channel::kSms, "+32470123456"}));
}

TEST(ParseCaseworkersCsv, ReadsTheDemoCaseworkersWithoutIssues) {
  const auto parsed = parse_caseworkers_csv(
      read_file(noodbel::testing::source_path("/config/demo-caseworkers.csv")), service_ids());
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  for (const ImportIssue& issue : parsed->issues) {
    ADD_FAILURE() << "line " << issue.line << " " << issue.column << ": " << issue.message;
  }
  ASSERT_FALSE(parsed->rows.empty());
  EXPECT_EQ(parsed->rows[0].id, "C001");
  EXPECT_EQ(parsed->rows[0].service, "oost-vlaanderen");
  EXPECT_EQ(parsed->rows[0].role, Role::kCaseworker);
  std::set<std::string> services_with_caseworker;
  int supervisors = 0;
  for (const Caseworker& c : parsed->rows) {
    if (c.role == Role::kCaseworker) services_with_caseworker.insert(c.service);
    if (c.role == Role::kSupervisor) ++supervisors;
  }
  EXPECT_EQ(services_with_caseworker.size(), 5u);
  EXPECT_EQ(supervisors, 2);
}

TEST(ParseCaseworkersCsv, ReportsEachBadField) {
  const CaseworkerImport result = caseworkers(
      "C01,limburg,Els,caseworker,sms:0470123456,nl\n"
      "C002,limburg,Els,boss,sms:0470123456,nl\n"
      "C003,limburg,Els,caseworker,sandbox:C003,nl\n"
      "C004,limburg,Els,caseworker,slash:U 12,nl\n"
      "C005,limburg,Els,caseworker,sms:0470123456,de\n"
      "C006,provincie,Els,caseworker,sms:0470123456,nl\n");
  EXPECT_THAT(result.rows, IsEmpty());
  ASSERT_EQ(result.issues.size(), 6u);
  EXPECT_EQ(result.issues[0].column, "id");
  EXPECT_THAT(result.issues[0].message, HasSubstr("must be C followed by 3 digits, like C001"));
  EXPECT_EQ(result.issues[1].column, "role");
  EXPECT_THAT(result.issues[1].message, HasSubstr("role 'boss' must be caseworker or supervisor"));
  EXPECT_EQ(result.issues[2].column, "contacts");
  EXPECT_THAT(result.issues[2].message,
              HasSubstr("sandbox contacts are made by the practice channel"));
  EXPECT_THAT(result.issues[3].message, HasSubstr("slash user id 'U 12' must be"));
  EXPECT_EQ(result.issues[4].column, "language");
  EXPECT_EQ(result.issues[5].column, "service");
  for (int i = 0; i < 6; ++i) EXPECT_EQ(result.issues[static_cast<std::size_t>(i)].line, i + 2);
}

TEST(ParseCaseworkersCsv, ReportsADuplicateIdOnTheSecondLine) {
  const CaseworkerImport result = caseworkers(
      "C001,limburg,Els,caseworker,sms:0470123456,nl\n"
      "C001,limburg,Tom,caseworker,sms:0470123457,nl\n");
  ASSERT_EQ(result.rows.size(), 1u);
  ASSERT_EQ(result.issues.size(), 1u);
  EXPECT_EQ(result.issues[0].line, 3);
  EXPECT_THAT(result.issues[0].message, HasSubstr("give every caseworker its own id"));
}

TEST(ParseCaseworkersCsv, RefusesAFamilyHeader) {
  const auto parsed = parse_caseworkers_csv(kFamilyHeader, service_ids());
  ASSERT_FALSE(parsed.ok());
  EXPECT_THAT(parsed.error().message, HasSubstr("line 1: unknown column 'postcode'"));
}

// ---- field parsers ----

TEST(ParseAgeMonths, ReadsYearsAndMonths) {
  EXPECT_EQ(*parse_age_months("0"), 0);
  EXPECT_EQ(*parse_age_months("12"), 144);
  EXPECT_EQ(*parse_age_months("6m"), 6);
  EXPECT_EQ(*parse_age_months(" 18 M "), 18);
  EXPECT_EQ(*parse_age_months("25"), 300);
  EXPECT_FALSE(parse_age_months("").ok());
  EXPECT_FALSE(parse_age_months("m").ok());
  EXPECT_FALSE(parse_age_months("301m").ok());
}

TEST(ParseAvailability, IsEmptyForAlways) {
  const auto windows = parse_availability("  ");
  ASSERT_TRUE(windows.ok());
  EXPECT_THAT(*windows, IsEmpty());
}

TEST(ParseAvailability, SplitsAWindowThatCrossesMidnight) {
  const auto windows = parse_availability("vr 18:00-08:00");
  ASSERT_TRUE(windows.ok()) << windows.error().message;
  EXPECT_THAT(*windows, ElementsAre(WeeklyWindow{4, 1080, 1440}, WeeklyWindow{5, 0, 480}));
}

TEST(ParseAvailability, WrapsSundayNightIntoMonday) {
  const auto windows = parse_availability("zo 22:00-06:30");
  ASSERT_TRUE(windows.ok()) << windows.error().message;
  EXPECT_THAT(*windows, ElementsAre(WeeklyWindow{0, 0, 390}, WeeklyWindow{6, 1320, 1440}));
}

TEST(ParseAvailability, ReadsDayListsRangesAndEnglishNames) {
  const auto windows = parse_availability("sat-mon 9:00-12:00, 14:00-24:00; wo,vr 18:00-00:00");
  ASSERT_TRUE(windows.ok()) << windows.error().message;
  EXPECT_THAT(*windows, ElementsAre(WeeklyWindow{0, 540, 720}, WeeklyWindow{0, 840, 1440},
                                    WeeklyWindow{2, 1080, 1440}, WeeklyWindow{4, 1080, 1440},
                                    WeeklyWindow{5, 540, 720}, WeeklyWindow{5, 840, 1440},
                                    WeeklyWindow{6, 540, 720}, WeeklyWindow{6, 840, 1440}));
}

TEST(ParseAvailability, RefusesAStartAtTwentyFour) {
  const auto windows = parse_availability("ma 24:00-08:00");
  ASSERT_FALSE(windows.ok());
  EXPECT_THAT(windows.error().message, HasSubstr("'24:00-08:00' is not a time range"));
}

TEST(ParseAvailability, RefusesBadMinutes) {
  const auto windows = parse_availability("ma 08:60-09:00");
  ASSERT_FALSE(windows.ok());
  EXPECT_THAT(windows.error().message, HasSubstr("is not a time range like 18:00-08:00"));
}

TEST(ParseContacts, AllowsSlashOnlyForCaseworkers) {
  EXPECT_FALSE(parse_contacts("slash:U123", ContactRules::kFamily).ok());
  const auto contacts = parse_contacts("slash:U123", ContactRules::kCaseworker);
  ASSERT_TRUE(contacts.ok()) << contacts.error().message;
  EXPECT_THAT(*contacts, ElementsAre(Contact{Channel::kSlash, "U123"}));
}

TEST(ParseLocalDate, ReadsADateAsBrusselsMidnight) {
  const auto t = parse_local_date("2030-01-01");
  ASSERT_TRUE(t.ok()) << t.error().message;
  EXPECT_EQ(*t, 1893452400);
}

}  // namespace
}  // namespace noodbel
