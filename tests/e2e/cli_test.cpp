// The `noodbel` command line, run as a user would: exit codes, messages, and that a
// refused command leaves the database unchanged.
#include <fstream>

#include <gtest/gtest.h>

#include "e2e/e2e_support.h"
#include "support/paths/source_paths.h"

namespace noodbel::testing_support {
namespace {

std::string write_file(const E2eEnv& env, const std::string& name, const std::string& text) {
  const std::string path = env.dir + "/" + name;
  std::ofstream(path) << text;
  return path;
}

const char* kHeader =
    "id,service,name,contacts,postcode,max_km,min_age,max_age,max_children,languages,"
    "availability,paused_until,opted_in,preferred_language\n";

TEST(Cli, HelpWorksOnEveryLevel) {
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"--help"}, {"serve", "--help"}, {"families", "--help"},
        {"families", "import", "--help"}, {"caseworkers", "import", "--help"},
        {"demo", "--help"}, {"migrate", "--help"}}) {
    const auto r = run_binary(noodbel::testing::noodbel_binary(), args);
    EXPECT_EQ(r.exit_code, 0) << args[0];
    EXPECT_NE(r.out.find("--"), std::string::npos) << args[0];
  }
}

TEST(Cli, UnknownSubcommandIsAUsageError) {
  const auto r = run_binary(noodbel::testing::noodbel_binary(), {"fly"});
  EXPECT_EQ(r.exit_code, 2);
}

TEST(Cli, InvalidConfigStopsWithFileKeyAndReasonAndExitTwo) {
  const auto env = make_e2e_env("badcfg", "[calls]\nwave_size = -3\n");
  const auto r = noodbel(env, {"migrate"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(env.config), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("calls.wave_size"), std::string::npos) << r.err;
}

TEST(Cli, AnExampleSecretStopsWithTheKeyTheFixAndExitTwo) {
  const auto env = make_e2e_env("example-secret",
                                "[web]\nsecret = \"put-the-output-of-openssl-rand-hex-32-here\"\n");
  const auto r = noodbel(env, {"migrate"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("web.secret: is the example value from config/example.toml"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("openssl rand -hex 32"), std::string::npos) << r.err;
}

TEST(Cli, AWeakSecretIsAWarningThatNamesTheKeyButNotTheValue) {
  const std::string weak(40, 'k');
  const auto env = make_e2e_env("weak-secret", "[web]\nsecret = \"" + weak + "\"\n");
  const auto r = noodbel(env, {"migrate"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("level=warning event=config.weak_secret key=web.secret"), std::string::npos)
      << r.err;
  EXPECT_EQ(r.err.find(weak), std::string::npos) << r.err;
}

TEST(Cli, MigrateCreatesTheDatabaseAndIsIdempotent) {
  const auto env = make_e2e_env("migrate");
  const auto first = noodbel(env, {"migrate"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.out.find("schema version 0 -> "), std::string::npos) << first.out;
  const auto second = noodbel(env, {"migrate"});
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(second.out.find("schema version 0"), std::string::npos) << second.out;
}

TEST(Cli, DemoDataImportsAndListsEveryFamily) {
  const auto env = make_e2e_env("import");
  load_demo_data(env);
  const auto list = noodbel(env, {"families", "list"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_NE(list.out.find("F0001"), std::string::npos);
  EXPECT_NE(list.out.find(" families"), std::string::npos);
  // Importing again updates by id instead of adding.
  const auto again = noodbel(env, {"families", "import", noodbel::testing::source_path("/config/demo-families.csv")});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find(" 0 new"), std::string::npos) << again.out;
}

TEST(Cli, BadRowsAreReportedWithLineAndColumnAndNothingIsImported) {
  const auto env = make_e2e_env("badrows");
  load_demo_data(env);
  const auto before = noodbel(env, {"families", "list"});
  const std::string csv = std::string(kHeader) +
      "F0901,oost-vlaanderen,Gezin Test,sms:0470 00 09 01,9000,30,0,12,1,nl,,,yes,nl\n"
      "F0902,oost-vlaanderen,Gezin Fout,sms:12345,9000,30,0,12,1,nl,,,yes,nl\n"
      "F0903,oost-vlaanderen,Gezin Ver,sms:0470 00 09 03,9999,30,0,12,1,nl,,,yes,nl\n";
  const auto r = noodbel(env, {"families", "import", write_file(env, "bad.csv", csv)});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("bad.csv:3:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("contacts"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("bad.csv:4:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("9999"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("nothing imported"), std::string::npos) << r.err;
  const auto after = noodbel(env, {"families", "list"});
  EXPECT_EQ(before.out, after.out);
}

TEST(Cli, SkipInvalidImportsTheGoodRowsAndReportsTheRest) {
  const auto env = make_e2e_env("skip");
  load_demo_data(env);
  const std::string csv = std::string(kHeader) +
      "F0901,oost-vlaanderen,Gezin Test,sms:0470 00 09 01,9000,30,0,12,1,nl,,,yes,nl\n"
      "F0902,oost-vlaanderen,Gezin Fout,sms:12345,9000,30,0,12,1,nl,,,yes,nl\n";
  const auto r = noodbel(env, {"families", "import", "--skip-invalid",
                               write_file(env, "mixed.csv", csv)});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("skipped 1"), std::string::npos) << r.err;
  const auto list = noodbel(env, {"families", "list"});
  EXPECT_NE(list.out.find("F0901"), std::string::npos);
  EXPECT_EQ(list.out.find("F0902"), std::string::npos);
}

TEST(Cli, MalformedCsvIsRefusedWithoutChanges) {
  const auto env = make_e2e_env("malformed");
  load_demo_data(env);
  const auto before = noodbel(env, {"families", "list"});
  const auto r = noodbel(env, {"families", "import",
                               write_file(env, "m.csv", std::string(kHeader) + "F0901,\"unterminated\n")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("m.csv"), std::string::npos) << r.err;
  EXPECT_EQ(before.out, noodbel(env, {"families", "list"}).out);
  const auto missing = noodbel(env, {"families", "import", env.dir + "/nope.csv"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("nope.csv"), std::string::npos);
}

TEST(Cli, DemoPrintsARankedBoard) {
  const auto env = make_e2e_env("demo");
  const auto r = noodbel(env, {"demo", "--db", env.dir + "/demo.db"});
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_NE(r.out.find("1."), std::string::npos) << r.out;
}

TEST(Cli, ParseReplyPrintsOneJsonObjectPerLine) {
  const auto r = run_binary(noodbel::testing::noodbel_binary(), {"parse-reply"}, "ja hoor\nnee K42\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"intent\":\"yes\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"call\":\"K42\""), std::string::npos) << r.out;
}

TEST(Cli, ParseReplyResolvesRelativeDatesFromToday) {
  const auto r = run_binary(noodbel::testing::noodbel_binary(), {"parse-reply", "--today", "2026-11-22"}, "pauze 2 weken\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"until\":\"2026-12-06\""), std::string::npos) << r.out;
}

TEST(Cli, ParseReplyPrintsConditionsResolvedAgainstNow) {
  const auto r = run_binary(noodbel::testing::noodbel_binary(), {"parse-reply", "--now", "2026-12-07 01:40"},
                            "ja over een uurtje\nja voor 1 nacht\nja hoor\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"conditions\":[{\"kind\":\"from\",\"words\":\"over een uurtje\",\"from_day\":"
                       "\"2026-12-07\",\"from_minute\":160,\"in_minutes\":60}]"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("{\"kind\":\"limit\",\"words\":\"voor 1 nacht\",\"nights\":1}"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"note\":null,\"conditions\":[]}"), std::string::npos) << r.out;
}

TEST(Cli, ParseReplyRefusesAMalformedNowWithExitTwo) {
  const auto r = run_binary(noodbel::testing::noodbel_binary(), {"parse-reply", "--now", "2026-12-07T01:40"}, "ja\n");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("2026-12-07T01:40"), std::string::npos) << r.err;
}

TEST(Cli, ParseReplyRefusesAMalformedTodayWithExitTwo) {
  const auto r = run_binary(noodbel::testing::noodbel_binary(), {"parse-reply", "--today", "2026-13-01"}, "ja\n");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("2026-13-01"), std::string::npos) << r.err;
}

TEST(Cli, CheckNoteAcceptsACleanNoteWithExitZero) {
  const auto r = run_binary(noodbel::testing::noodbel_binary(), {"check-note"},
                            "Meisje van 4, rustig, gaat naar school in Gent.\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"ok\":true"), std::string::npos) << r.out;
}

TEST(Cli, CheckNoteRefusesPersonalDataWithFindingsAndExitOne) {
  const auto r = run_binary(noodbel::testing::noodbel_binary(), {"check-note"},
                            "Het meisje heet Yasmine, mama belt op 0470 12 34 56.\n");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("\"kind\":\"name\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"kind\":\"phone\""), std::string::npos) << r.out;
}

TEST(Cli, CheckNoteRefusesAnOverlongNoteWithExitTwo) {
  const auto r = run_binary(noodbel::testing::noodbel_binary(), {"check-note"}, std::string(2500, 'a'));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("2"), std::string::npos) << r.err;
}

TEST(Cli, CheckNoteRefusesInvalidUtf8WithExitTwo) {
  const auto r = run_binary(noodbel::testing::noodbel_binary(), {"check-note"}, std::string("caf\xC3", 4));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_FALSE(r.err.empty());
}

TEST(Cli, DigestWorksOnAnEmptyDatabaseInEveryFormat) {
  const auto env = make_e2e_env("digest");
  load_demo_data(env);
  const auto text = noodbel(env, {"digest", "--date", "2026-11-22"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_FALSE(text.out.empty());
  const auto html = noodbel(env, {"digest", "--date", "2026-11-22", "--format", "html"});
  ASSERT_EQ(html.exit_code, 0) << html.err;
  EXPECT_NE(html.out.find("<svg"), std::string::npos);
  for (const char* external : {"src=\"http", "href=\"http", "url(http", "@import"}) {
    EXPECT_EQ(html.out.find(external), std::string::npos) << "the page must be self-contained";
  }
  const auto json = noodbel(env, {"digest", "--date", "2026-11-22", "--format", "json"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  EXPECT_EQ(json.out.front(), '{');
}

TEST(Cli, DigestRefusesBadOptionsWithExitTwoAndAMissingDatabaseWithExitOne) {
  const auto env = make_e2e_env("digestbad");
  const auto missing = noodbel(env, {"digest"});
  EXPECT_EQ(missing.exit_code, 1) << missing.err;
  load_demo_data(env);
  const auto date = noodbel(env, {"digest", "--date", "22/11/2026"});
  EXPECT_EQ(date.exit_code, 2);
  EXPECT_NE(date.err.find("22/11/2026"), std::string::npos) << date.err;
  EXPECT_EQ(noodbel(env, {"digest", "--format", "pdf"}).exit_code, 2);
  EXPECT_EQ(noodbel(env, {"digest", "--service", "nergens"}).exit_code, 2);
}

}  // namespace
}  // namespace noodbel::testing_support
