#include "adapters/config/load_config.h"

#include <cstdlib>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "support/paths/source_paths.h"

namespace noodbel {
namespace {

TEST(LoadConfig, DefaultsNameTheFiveServicesAndTheVarDatabase) {
  const Config c = default_config();
  EXPECT_EQ(c.db_path, "var/noodbel.db");
  EXPECT_EQ(c.core.services.size(), 5u);
  EXPECT_FALSE(c.core.sandbox.enabled);
  EXPECT_EQ(c.core.default_language, Language::kNl);
}

TEST(LoadConfig, ExampleFileParsesWithoutError) {
  const auto c = load_config_file(noodbel::testing::source_path("/config/example.toml"));
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->http.port, 8080);
  EXPECT_EQ(c->core.services.size(), 5u);
  EXPECT_EQ(c->core.calls.wave_size, 10);
}

TEST(LoadConfig, DemoFileEnablesTheSandbox) {
  const auto c = load_config_file(noodbel::testing::source_path("/config/demo.toml"));
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_TRUE(c->core.sandbox.enabled);
  EXPECT_EQ(c->core.calls.wave_size, 6);
}

TEST(LoadConfig, ValuesOverrideDefaults) {
  const auto c = parse_config(
      "[http]\nport = 9123\naddress = \"0.0.0.0\"\nthreads = 32\n[calls]\nexpiry_hours = 12\n"
      "[general]\ndefault_language = \"fr\"\n",
      "t.toml");
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->http.port, 9123);
  EXPECT_EQ(c->http.address, "0.0.0.0");
  EXPECT_EQ(c->http.threads, 32);
  EXPECT_EQ(c->core.calls.expiry_hours, 12);
  EXPECT_EQ(c->core.default_language, Language::kFr);
  EXPECT_EQ(c->source, "t.toml");
}

struct BadConfig {
  const char* toml;
  const char* expected;  // must appear in the message
};

class LoadConfigRefuses : public ::testing::TestWithParam<BadConfig> {};

TEST_P(LoadConfigRefuses, WithFileKeyAndReason) {
  const auto c = parse_config(GetParam().toml, "bad.toml");
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().kind, ErrorKind::kInvalidInput);
  EXPECT_NE(c.error().message.find("bad.toml"), std::string::npos) << c.error().message;
  EXPECT_NE(c.error().message.find(GetParam().expected), std::string::npos)
      << c.error().message;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, LoadConfigRefuses,
    ::testing::Values(
        BadConfig{"[http]\nport = 70000\n", "http.port: must be between 0 and 65535 (got 70000)"},
        BadConfig{"[http]\nport = \"8080\"\n", "http.port: must be a whole number"},
        BadConfig{"[http]\nprot = 8080\n", "http.prot: unknown key"},
        BadConfig{"[http]\nthreads = 0\n", "http.threads: must be between 1 and 256 (got 0)"},
        BadConfig{"[http]\nmetrics_token = \"short\"\n",
                  "http.metrics_token: is 5 characters long; use at least 16"},
        BadConfig{"[htp]\nport = 8080\n", "htp: unknown key"},
        BadConfig{"[calls]\nwave_size = 0\n", "calls.wave_size: must be between 1 and 500"},
        BadConfig{"[general]\ndefault_language = \"de\"\n", "general.default_language"},
        BadConfig{"[log]\nlevel = \"loud\"\n", "log.level: must be one of"},
        BadConfig{"[sandbox]\nenabled = \"yes\"\n", "sandbox.enabled: must be true or false"},
        BadConfig{"[database]\npath = \"\"\n", "database.path: must not be empty"},
        BadConfig{
            "[[services]]\nid = \"a\"\nname = \"A\"\n[[services]]\nid = \"a\"\nname = \"B\"\n",
            "services[1].id: is used twice"},
        BadConfig{"[[services]]\nname = \"A\"\n", "services[0].id: is required"},
        BadConfig{"http = 5\n", "http: must be a table"},
        BadConfig{"[http\nport = 1\n", "bad.toml:1:"}));

TEST(LoadConfig, MissingFileIsAnErrorNamingIt) {
  const auto c = load_config_file("/nonexistent/noodbel.toml");
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.error().message.find("/nonexistent/noodbel.toml"), std::string::npos);
}

TEST(LoadConfig, DbFlagOverridesTheConfiguredPath) {
  const auto c = resolve_config(std::string(noodbel::testing::source_path("/config/demo.toml")),
                                std::string("/tmp/other.db"));
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->db_path, "/tmp/other.db");
  EXPECT_TRUE(c->core.sandbox.enabled);
}

TEST(LoadConfig, EnvironmentVariableNamesTheFileWhenNoFlagIsGiven) {
  ::setenv("NOODBEL_CONFIG", noodbel::testing::source_path("/config/demo.toml").c_str(), 1);
  const auto c = resolve_config(std::nullopt, std::nullopt);
  ::unsetenv("NOODBEL_CONFIG");
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_TRUE(c->core.sandbox.enabled);
  const auto d = resolve_config(std::nullopt, std::nullopt);
  ASSERT_TRUE(d.ok());
  EXPECT_FALSE(d->core.sandbox.enabled);
}

TEST(LoadConfig, SlashSectionReadsSecretsAndUsers) {
  const auto c = parse_config(
      "[slash]\nsigning_secret = \"cfd86f34765b74c2e9c538706776da83\"\n"
      "mattermost_token = \"q8wz3kd5tnr2vb7xhm4pyc9fgj\"\n"
      "[slash.users]\nU012ABC = \"C001\"\n\"mm.user_1\" = \"C002\"\n",
      "t.toml");
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->slash.signing_secret, "cfd86f34765b74c2e9c538706776da83");
  EXPECT_EQ(c->slash.mattermost_token, "q8wz3kd5tnr2vb7xhm4pyc9fgj");
  EXPECT_EQ(c->core.slash_users.size(), 2u);
  EXPECT_EQ(c->core.slash_users.at("U012ABC"), "C001");
  EXPECT_EQ(c->core.slash_users.at("mm.user_1"), "C002");
  const Config defaults = default_config();
  EXPECT_TRUE(defaults.slash.signing_secret.empty());
  EXPECT_TRUE(defaults.core.slash_users.empty());
}

TEST(LoadConfig, SlashSectionRefusesBadValuesNamingTheKey) {
  const std::pair<const char*, const char*> cases[] = {
      {"[slash]\nsigning_secret = \"short\"\n", "slash.signing_secret: is 5 characters long"},
      {"[slash]\nmattermost_token = 42\n", "slash.mattermost_token: must be a string"},
      {"[slash]\nsecret = \"8f742231b10e8888abcd99yyyzzz85a5\"\n", "slash.secret: unknown key"},
      {"[slash]\nusers = \"U1=C1\"\n", "slash.users: must be a table"},
      {"[slash.users]\n\"U 1\" = \"C001\"\n", "slash.users.U 1: is not a Slack or Mattermost user id"},
      {"[slash.users]\nU012ABC = 7\n", "slash.users.U012ABC: must be the caseworker id"},
      {"[slash.users]\nU012ABC = \"\"\n", "slash.users.U012ABC: must be the caseworker id"},
  };
  for (const auto& [toml, expected] : cases) {
    const auto c = parse_config(toml, "bad.toml");
    ASSERT_FALSE(c.ok()) << toml;
    EXPECT_NE(c.error().message.find(std::string("bad.toml: ") + expected), std::string::npos)
        << c.error().message;
  }
}

TEST(LoadConfig, SlashWebhooksArePerServiceAndPerCaseworker) {
  const auto c = parse_config(
      "[slash]\nmessages_per_second = 2\n"
      "[slash.webhooks]\noost-vlaanderen = \"https://hooks.slack.com/services/T0/B0/x\"\n"
      "[slash.caseworker_webhooks]\nC006 = \"https://mm.example.be/hooks/abc\"\n"
      "C007 = \"http://127.0.0.1:9999/hooks/local\"\n",
      "t.toml");
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->slash.messages_per_second, 2);
  EXPECT_EQ(c->slash.webhooks.at("oost-vlaanderen"), "https://hooks.slack.com/services/T0/B0/x");
  EXPECT_EQ(c->slash.caseworker_webhooks.at("C006"), "https://mm.example.be/hooks/abc");
  EXPECT_EQ(c->slash.caseworker_webhooks.at("C007"), "http://127.0.0.1:9999/hooks/local")
      << "plain http on loopback, for tests";
  const Config defaults = default_config();
  EXPECT_EQ(defaults.slash.messages_per_second, 1);
  EXPECT_TRUE(defaults.slash.webhooks.empty());
}

TEST(LoadConfig, SlashWebhooksRefuseBadValuesWithoutRepeatingTheSecret) {
  const std::pair<const char*, const char*> cases[] = {
      {"[slash.webhooks]\noost-vlaanderen = \"http://hooks.slack.com/services/T0/B0/SECRET\"\n",
       "slash.webhooks.oost-vlaanderen: must start with https://"},
      {"[slash.webhooks]\noost-vlaanderen = \"ftp://hooks.slack.com/SECRET\"\n",
       "slash.webhooks.oost-vlaanderen: URL scheme 'ftp' is not supported"},
      {"[slash.webhooks]\noost-vlaanderen = \"hooks.slack.com/services/SECRET\"\n",
       "slash.webhooks.oost-vlaanderen: URL must start with http:// or https://"},
      {"[slash.webhooks]\noost-vlaanderen = \"https://hooks.slack.com/SECRET#x\"\n",
       "slash.webhooks.oost-vlaanderen: must not hold a fragment"},
      {"[slash.webhooks]\noost-vlaanderen = 5\n",
       "slash.webhooks.oost-vlaanderen: must be the webhook URL in double quotes"},
      {"[slash.webhooks]\nwest-brabant = \"https://hooks.slack.com/services/SECRET\"\n",
       "slash.webhooks.west-brabant: is not a service id; use one of: antwerpen"},
      {"[slash.caseworker_webhooks]\nAn = \"https://hooks.slack.com/services/SECRET\"\n",
       "slash.caseworker_webhooks.An: is not a caseworker id"},
      {"[slash]\nwebhooks = \"https://hooks.slack.com/services/SECRET\"\n",
       "slash.webhooks: must be a table, written as [slash.webhooks]"},
      {"[slash]\nmessages_per_second = 0\n", "slash.messages_per_second: must be between 1 and 100"},
  };
  for (const auto& [toml, expected] : cases) {
    const auto c = parse_config(toml, "bad.toml");
    ASSERT_FALSE(c.ok()) << toml;
    EXPECT_NE(c.error().message.find(std::string("bad.toml: ") + expected), std::string::npos)
        << c.error().message;
    EXPECT_EQ(c.error().message.find("SECRET"), std::string::npos) << c.error().message;
  }
}

TEST(LoadConfig, SlashWebhookOfAServiceMayComeFromTheEnvironment) {
  auto c = parse_config("[slash.webhooks]\nantwerpen = \"https://hooks.slack.com/services/file\"\n",
                        "t.toml");
  ASSERT_TRUE(c.ok()) << c.error().message;
  const std::map<std::string, std::string> env{
      {"NOODBEL_SLASH_WEBHOOK_OOST_VLAANDEREN", "https://hooks.slack.com/services/T0/B1/env"},
      {"NOODBEL_SLASH_WEBHOOK_ANTWERPEN", "https://mm.example.be/hooks/env"}};
  const auto getenv = [&](const char* name) -> const char* {
    const auto it = env.find(name);
    return it == env.end() ? nullptr : it->second.c_str();
  };
  ASSERT_TRUE(apply_secret_env(*c, getenv).ok());
  EXPECT_EQ(c->slash.webhooks.at("oost-vlaanderen"), "https://hooks.slack.com/services/T0/B1/env");
  EXPECT_EQ(c->slash.webhooks.at("antwerpen"), "https://mm.example.be/hooks/env")
      << "the environment wins over the file";
  const Status bad = apply_secret_env(*c, [](const char* name) -> const char* {
    return std::string_view(name) == "NOODBEL_SLASH_WEBHOOK_LIMBURG" ? "http://evil.example/SECRET"
                                                                     : nullptr;
  });
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find(
                "environment variable NOODBEL_SLASH_WEBHOOK_LIMBURG must start with https://"),
            std::string::npos)
      << bad.error().message;
  EXPECT_EQ(bad.error().message.find("SECRET"), std::string::npos);
  EXPECT_EQ(c->slash.webhooks.count("limburg"), 0u);
}

TEST(LoadConfig, MetricsTokenComesFromTheFileOrTheEnvironmentWhichMustNotBeShort) {
  auto c = parse_config("[http]\nmetrics_token = \"from-the-file-0123456789\"\n", "t.toml");
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->http.metrics_token, "from-the-file-0123456789");
  ASSERT_TRUE(apply_secret_env(*c, [](const char* name) -> const char* {
                return std::string_view(name) == "NOODBEL_METRICS_TOKEN" ? "from-the-env-0123456789"
                                                                         : nullptr;
              }).ok());
  EXPECT_EQ(c->http.metrics_token, "from-the-env-0123456789") << "the environment wins";
  const Status bad = apply_secret_env(*c, [](const char* name) -> const char* {
    return std::string_view(name) == "NOODBEL_METRICS_TOKEN" ? "tiny" : nullptr;
  });
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("environment variable NOODBEL_METRICS_TOKEN is 4 characters"),
            std::string::npos)
      << bad.error().message;
  EXPECT_EQ(c->http.metrics_token, "from-the-env-0123456789") << "unchanged by the refused value";
}

TEST(LoadConfig, DigestSectionSetsTheTimeAndTheCoverageMinimum) {
  const Config defaults = default_config();
  EXPECT_TRUE(defaults.digest.enabled);
  EXPECT_EQ(defaults.digest.minute_of_day, 7 * 60 + 30);
  EXPECT_EQ(defaults.digest.coverage_min_families, 3);
  const auto example = load_config_file(noodbel::testing::source_path("/config/example.toml"));
  ASSERT_TRUE(example.ok()) << example.error().message;
  EXPECT_EQ(example->digest.minute_of_day, 7 * 60 + 30);
  const auto c =
      parse_config("[digest]\ntime = \"06:05\"\ncoverage_min_families = 5\n", "d.toml");
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->digest.minute_of_day, 6 * 60 + 5);
  EXPECT_EQ(c->digest.coverage_min_families, 5);
  const auto off = parse_config("[digest]\nenabled = false\n", "d.toml");
  ASSERT_TRUE(off.ok()) << off.error().message;
  EXPECT_FALSE(off->digest.enabled);
}

TEST(LoadConfig, DigestSectionRefusesBadValuesNamingTheKey) {
  const std::pair<const char*, const char*> cases[] = {
      {"[digest]\ntime = \"7:30\"\n",
       "digest.time: '7:30' is not a time of day: write it as HH:MM"},
      {"[digest]\ntime = \"24:00\"\n", "digest.time: '24:00' is not a time of day"},
      {"[digest]\ntime = 730\n", "digest.time: must be a string"},
      {"[digest]\ncoverage_min_families = 0\n",
       "digest.coverage_min_families: must be between 1"},
      {"[digest]\nhour = \"07:30\"\n", "digest.hour: unknown key"},
      {"[digest]\nenabled = \"no\"\n", "digest.enabled: must be true or false"},
  };
  for (const auto& [toml, expected] : cases) {
    const auto c = parse_config(toml, "bad.toml");
    ASSERT_FALSE(c.ok()) << toml;
    EXPECT_NE(c.error().message.find(std::string("bad.toml: ") + expected), std::string::npos)
        << c.error().message;
  }
}

TEST(LoadConfig, RetentionDaysDefaultToThirtyAndAreRead) {
  EXPECT_EQ(default_config().retention.days, 30);
  const auto example = load_config_file(noodbel::testing::source_path("/config/example.toml"));
  ASSERT_TRUE(example.ok()) << example.error().message;
  EXPECT_EQ(example->retention.days, 30);
  const auto c = parse_config("[retention]\ndays = 90\n", "r.toml");
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->retention.days, 90);
}

TEST(LoadConfig, RetentionRefusesBadValuesNamingTheKey) {
  const std::pair<const char*, const char*> cases[] = {
      {"[retention]\ndays = 0\n", "retention.days: must be between 1"},
      {"[retention]\ndays = 4000\n", "retention.days: must be between 1"},
      {"[retention]\ndays = \"30\"\n", "retention.days: must be"},
      {"[retention]\nweeks = 4\n", "retention.weeks: unknown key"},
  };
  for (const auto& [toml, expected] : cases) {
    const auto c = parse_config(toml, "bad.toml");
    ASSERT_FALSE(c.ok()) << toml;
    EXPECT_NE(c.error().message.find(std::string("bad.toml: ") + expected), std::string::npos)
        << c.error().message;
  }
}

TEST(LoadConfig, SecretEnvironmentVariablesOverrideTheFile) {
  auto c = parse_config("[slash]\nsigning_secret = \"from-the-file-0000000000\"\n", "t.toml");
  ASSERT_TRUE(c.ok()) << c.error().message;
  const std::map<std::string, std::string> env{
      {"NOODBEL_SLACK_SIGNING_SECRET", "from-the-environment-000"},
      {"NOODBEL_MATTERMOST_TOKEN", "mattermost-from-env-0000"}};
  const auto getenv = [&](const char* name) -> const char* {
    const auto it = env.find(name);
    return it == env.end() ? nullptr : it->second.c_str();
  };
  ASSERT_TRUE(apply_secret_env(*c, getenv).ok());
  EXPECT_EQ(c->slash.signing_secret, "from-the-environment-000");
  EXPECT_EQ(c->slash.mattermost_token, "mattermost-from-env-0000");
}

TEST(LoadConfig, UnsetOrEmptySecretVariablesChangeNothingAndShortOnesAreRefused) {
  Config c = default_config();
  c.slash.signing_secret = "from-the-file-0000000000";
  const auto empty = [](const char*) -> const char* { return ""; };
  ASSERT_TRUE(apply_secret_env(c, empty).ok());
  ASSERT_TRUE(apply_secret_env(c, [](const char*) -> const char* { return nullptr; }).ok());
  EXPECT_EQ(c.slash.signing_secret, "from-the-file-0000000000");
  const Status s = apply_secret_env(c, [](const char*) -> const char* { return "abc"; });
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("NOODBEL_SLACK_SIGNING_SECRET is 3 characters long"),
            std::string::npos)
      << s.error().message;
  EXPECT_EQ(c.slash.signing_secret, "from-the-file-0000000000");
}

// ---- [board] and per-service office hours (issue 3) ----

TEST(LoadConfig, BoardWeightsDefaultAndAcceptWholeAndDecimalNumbers) {
  EXPECT_DOUBLE_EQ(default_config().core.board.weight_distance, 35);
  const auto c = parse_config("[board]\nweight_distance = 50\nweight_fit = 7.5\nmaybe_penalty = 0\n",
                              "t.toml");
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_DOUBLE_EQ(c->core.board.weight_distance, 50);
  EXPECT_DOUBLE_EQ(c->core.board.weight_fit, 7.5);
  EXPECT_DOUBLE_EQ(c->core.board.maybe_penalty, 0);
  EXPECT_DOUBLE_EQ(c->core.board.weight_language, 15);
}

TEST(LoadConfig, BoardRefusesBadWeightsNamingTheKey) {
  const std::pair<const char*, const char*> cases[] = {
      {"[board]\nweight_distance = -1\n", "board.weight_distance: must be between 0 and 1000"},
      {"[board]\nweight_language = \"veel\"\n", "board.weight_language: must be a number"},
      {"[board]\nweight_speed = 3\n", "board.weight_speed: unknown key"},
      {"[board]\nweight_distance = 0\nweight_language = 0\nweight_fit = 0\n"
       "weight_availability = 0\nweight_answer_time = 0\nweight_recent_placements = 0\n",
       "board: at least one weight"},
  };
  for (const auto& [toml, expected] : cases) {
    const auto c = parse_config(toml, "bad.toml");
    ASSERT_FALSE(c.ok()) << toml;
    EXPECT_NE(c.error().message.find(expected), std::string::npos) << c.error().message;
  }
}

TEST(LoadConfig, ServicesReadOfficeHoursAfterHoursAndWaveSettings) {
  const auto c = parse_config(
      "[[services]]\nid = \"a\"\nname = \"A\"\noffice_hours = \"ma-vr 08:30-17:00\"\n"
      "after_hours = \"next_working_day\"\nwave_size = 4\nstop_after_yes = 2\n"
      "[[services]]\nid = \"b\"\nname = \"B\"\nstaffed = \"za-zo 10:00-18:00\"\n",
      "t.toml");
  ASSERT_TRUE(c.ok()) << c.error().message;
  const ServiceConfig& a = c->core.services[0];
  EXPECT_EQ(a.office_hours.size(), 5u);
  EXPECT_EQ(a.office_hours.front(), (WeeklyWindow{0, 510, 1020}));
  EXPECT_EQ(a.after_hours, AfterHours::kNextWorkingDay);
  EXPECT_EQ(a.wave_size, 4);
  EXPECT_EQ(a.stop_after_yes, 2);
  EXPECT_EQ(a.wave_interval_minutes, std::nullopt);
  const ServiceConfig& b = c->core.services[1];
  EXPECT_EQ(b.office_hours, default_office_hours());
  EXPECT_EQ(b.after_hours, AfterHours::kStaffed);
  EXPECT_EQ(b.staffed_hours, (std::vector<WeeklyWindow>{{5, 600, 1080}, {6, 600, 1080}}));
  EXPECT_EQ(calls_for_service(c->core, "a").wave_size, 4);
}

TEST(LoadConfig, DefaultServicesAreStaffedUntil21AndAtWeekends) {
  const ServiceConfig s = default_config().core.services.front();
  EXPECT_EQ(s.after_hours, AfterHours::kStaffed);
  EXPECT_EQ(s.office_hours.size(), 5u);
  EXPECT_EQ(s.staffed_hours.size(), 7u);
}

TEST(LoadConfig, ServicesRefuseBadHoursAndWaveSettingsNamingTheKey) {
  const std::string head = "[[services]]\nid = \"a\"\nname = \"A\"\n";
  const std::pair<std::string, const char*> cases[] = {
      {head + "office_hours = \"ma-vr 17:00-08:00\"\n",
       "services[0].office_hours: '17:00-08:00' ends before it starts"},
      {head + "office_hours = \"weekdays 9-5\"\n", "services[0].office_hours: 'weekdays' is not a day"},
      {head + "office_hours = \"\"\n", "services[0].office_hours: must not be empty"},
      {head + "after_hours = \"nooit\"\n",
       "services[0].after_hours: must be \"staffed\" or \"next_working_day\""},
      {head + "after_hours = \"next_working_day\"\nstaffed = \"za 09:00-12:00\"\n",
       "services[0].staffed: only applies with after_hours = \"staffed\""},
      {head + "staffed = \"za 09:00\"\n", "services[0].staffed: '09:00' is not a time range"},
      {head + "wave_size = 0\n", "services[0].wave_size: must be between 1 and 500"},
      {head + "wave_interval_minutes = 2000\n", "services[0].wave_interval_minutes: must be between"},
      {head + "stop_after_yes = \"3\"\n", "services[0].stop_after_yes: must be a whole number"},
  };
  for (const auto& [toml, expected] : cases) {
    const auto c = parse_config(toml, "bad.toml");
    ASSERT_FALSE(c.ok()) << toml;
    EXPECT_NE(c.error().message.find(expected), std::string::npos) << c.error().message;
  }
}

// ---- [telegram] (issue 5) ----

TEST(LoadConfig, TelegramIsOffByDefaultWithTelegramsLimits) {
  const Config c = default_config();
  EXPECT_FALSE(c.telegram.enabled);
  EXPECT_EQ(c.telegram.api_base_url, "https://api.telegram.org");
  EXPECT_EQ(c.telegram.mode, TelegramMode::kWebhook);
  EXPECT_EQ(c.telegram.messages_per_second, 25);
  EXPECT_EQ(c.telegram.per_chat_messages_per_second, 1);
}

TEST(LoadConfig, TelegramSectionReadsEveryKey) {
  const auto c = parse_config(
      "[telegram]\nenabled = true\ntoken = \"7301946285:Kvf7lxDiIieehGB25QUeHi6JE8XW-yayenQ8N\"\n"
      "api_base_url = \"http://127.0.0.1:8081/\"\nmode = \"webhook\"\n"
      "webhook_secret = \"ee4bade013de44ba1bc83f9546d55a19\"\n"
      "public_url = \"https://noodbel.example.be:8443/\"\nmessages_per_second = 20\n"
      "per_chat_messages_per_second = 2\npoll_timeout_seconds = 30\n"
      "bot_username = \"Noodbel_Test_Bot\"\n",
      "t.toml");
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_TRUE(c->telegram.enabled);
  EXPECT_EQ(c->telegram.token, "7301946285:Kvf7lxDiIieehGB25QUeHi6JE8XW-yayenQ8N");
  EXPECT_EQ(c->telegram.api_base_url, "http://127.0.0.1:8081");
  EXPECT_EQ(c->telegram.webhook_secret, "ee4bade013de44ba1bc83f9546d55a19");
  EXPECT_EQ(c->telegram.public_url, "https://noodbel.example.be:8443");
  EXPECT_EQ(c->telegram.messages_per_second, 20);
  EXPECT_EQ(c->telegram.per_chat_messages_per_second, 2);
  EXPECT_EQ(c->telegram.poll_timeout_seconds, 30);
  EXPECT_EQ(c->core.telegram_bot_username, "Noodbel_Test_Bot");
  const auto polling = parse_config("[telegram]\nenabled = true\nmode = \"polling\"\n", "t.toml");
  ASSERT_TRUE(polling.ok()) << polling.error().message;
  EXPECT_EQ(polling->telegram.mode, TelegramMode::kPolling);
}

TEST(LoadConfig, TelegramSectionRefusesBadValuesNamingTheKey) {
  const std::pair<std::string, const char*> cases[] = {
      {"token = \"abc\"", "telegram.token: is not a bot token like"},
      {"token = \"12345:short\"", "telegram.token: is not a bot token"},
      {"webhook_secret = \"short\"", "telegram.webhook_secret: is 5 characters long"},
      {"webhook_secret = \"has spaces in it, not allowed\"", "telegram.webhook_secret: may only hold"},
      {"mode = \"push\"", "telegram.mode: must be \"webhook\" or \"polling\""},
      {"api_base_url = \"api.telegram.org\"", "telegram.api_base_url: URL must start with http://"},
      {"api_base_url = \"https://api.telegram.org/?x=1\"", "telegram.api_base_url: must not hold a query"},
      {"public_url = \"http://noodbel.example.be\"", "telegram.public_url: must start with https://"},
      {"public_url = \"https://noodbel.example.be:9443\"", "telegram.public_url: uses port 9443"},
      {"messages_per_second = 0", "telegram.messages_per_second: must be between 1 and 1000"},
      {"per_chat_messages_per_second = 50", "telegram.per_chat_messages_per_second: must be between 1 and 20"},
      {"poll_timeout_seconds = 60", "telegram.poll_timeout_seconds: must be between 1 and 50"},
      {"bot_username = \"@noodbel_bot\"", "telegram.bot_username: must be written without the leading @"},
      {"bot_username = \"noodbel\"", "telegram.bot_username: is not a Telegram bot username"},
      {"bot_username = \"nb\"", "telegram.bot_username: is not a Telegram bot username"},
      {"bot_username = \"noodbel-bot\"", "telegram.bot_username: is not a Telegram bot username"},
      {"enabled = true", "telegram.public_url: is required when telegram is enabled in webhook mode"},
      {"enabled = \"yes\"", "telegram.enabled: must be true or false"},
      {"tokn = \"x\"", "telegram.tokn: unknown key"},
  };
  for (const auto& [line, expected] : cases) {
    const auto c = parse_config("[telegram]\n" + line + "\n", "bad.toml");
    ASSERT_FALSE(c.ok()) << line;
    EXPECT_NE(c.error().message.find(expected), std::string::npos) << c.error().message;
    EXPECT_EQ(c.error().message.rfind("bad.toml: ", 0), 0u) << c.error().message;
  }
}

TEST(LoadConfig, TelegramSecretsComeFromTheEnvironmentAndAreChecked) {
  const std::map<std::string, std::string> env{
      {"NOODBEL_TELEGRAM_TOKEN", "7301946285:Kvf7lxDiIieehGB25QUeHi6JE8XW-yayenQ8N"},
      {"NOODBEL_TELEGRAM_WEBHOOK_SECRET", "ee4bade013de44ba1bc83f9546d55a19"}};
  const auto getenv = [&](const char* name) -> const char* {
    const auto it = env.find(name);
    return it == env.end() ? nullptr : it->second.c_str();
  };
  Config c = default_config();
  ASSERT_TRUE(apply_secret_env(c, getenv).ok());
  EXPECT_EQ(c.telegram.token, "7301946285:Kvf7lxDiIieehGB25QUeHi6JE8XW-yayenQ8N");
  EXPECT_EQ(c.telegram.webhook_secret, "ee4bade013de44ba1bc83f9546d55a19");
  Config bad = default_config();
  const Status s = apply_secret_env(bad, [](const char* name) -> const char* {
    return std::string_view(name) == "NOODBEL_TELEGRAM_TOKEN" ? "not-a-token" : nullptr;
  });
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("NOODBEL_TELEGRAM_TOKEN is not a bot token"), std::string::npos)
      << s.error().message;
  EXPECT_TRUE(bad.telegram.token.empty());
}

TEST(LoadConfig, SmsProvidersAreOffByDefault) {
  const Config c = default_config();
  EXPECT_FALSE(c.twilio.enabled);
  EXPECT_FALSE(c.kannel.enabled);
  EXPECT_EQ(c.sms.provider, SmsProvider::kNone);
  EXPECT_EQ(c.twilio.api_base_url, "https://api.twilio.com");
  EXPECT_EQ(c.kannel.allowed_sources, (std::vector<std::string>{"127.0.0.1", "::1"}));
}

TEST(LoadConfig, TwilioKannelAndSmsSectionsReadEveryKey) {
  const auto c = parse_config(
      "[twilio]\nenabled = true\naccount_sid = \"AC0123456789abcdef0123456789abcdef\"\n"
      "auth_token = \"caa75f164451ee6f1de03585f6e40fc9\"\nfrom = \"+32460000000\"\n"
      "api_base_url = \"http://127.0.0.1:9000/\"\n"
      "public_url = \"https://noodbel.example.be/webhooks/twilio\"\n"
      "status_callback = \"https://noodbel.example.be/webhooks/twilio?kind=status\"\n"
      "[kannel]\nenabled = true\nsendsms_url = \"http://127.0.0.1:13013/cgi-bin/sendsms\"\n"
      "username = \"noodbel\"\npassword = \"pw\"\nfrom = \"Noodbel\"\n"
      "dlr_url = \"http://127.0.0.1:8080/webhooks/kannel/\"\n"
      "webhook_secret = \"0af795006a6fbb53f51fa76accb66de7\"\n"
      "allowed_sources = [\"10.0.0.5\", \"fe80::1\"]\n"
      "[sms]\nprovider = \"kannel\"\nmessages_per_second = 3\n",
      "t.toml");
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_TRUE(c->twilio.enabled);
  EXPECT_EQ(c->twilio.account_sid, "AC0123456789abcdef0123456789abcdef");
  EXPECT_EQ(c->twilio.from, "+32460000000");
  EXPECT_EQ(c->twilio.api_base_url, "http://127.0.0.1:9000");
  EXPECT_EQ(c->twilio.status_callback, "https://noodbel.example.be/webhooks/twilio?kind=status");
  EXPECT_EQ(c->kannel.username, "noodbel");
  EXPECT_EQ(c->kannel.from, "Noodbel");
  EXPECT_EQ(c->kannel.dlr_url, "http://127.0.0.1:8080/webhooks/kannel");
  EXPECT_EQ(c->kannel.allowed_sources, (std::vector<std::string>{"10.0.0.5", "fe80::1"}));
  EXPECT_EQ(c->sms.provider, SmsProvider::kKannel);
  EXPECT_EQ(c->sms.messages_per_second, 3);
}

TEST(LoadConfig, SmsProviderDefaultsToTheOneEnabled) {
  const auto c = parse_config("[kannel]\nenabled = true\nusername = \"noodbel\"\n", "t.toml");
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->sms.provider, SmsProvider::kKannel);
}

TEST(LoadConfig, SmsSectionsRefuseBadValuesNamingTheKey) {
  const std::string twilio_ok =
      "[twilio]\naccount_sid = \"AC0123456789abcdef0123456789abcdef\"\n"
      "public_url = \"https://n.example.be/webhooks/twilio\"\n";
  const std::pair<std::string, const char*> cases[] = {
      {"[twilio]\naccount_sid = \"AC123\"", "twilio.account_sid: must be \"AC\" followed by 32 hex"},
      {"[twilio]\nauth_token = \"short\"", "twilio.auth_token: is too short"},
      {"[twilio]\nmessaging_service_sid = \"MGx\"", "twilio.messaging_service_sid: must be \"MG\""},
      {"[twilio]\nfrom = \"+32460000000\"\nmessaging_service_sid = "
       "\"MG0123456789abcdef0123456789abcdef\"", "twilio.from: set either from or messaging_service_sid"},
      {"[twilio]\napi_base_url = \"api.twilio.com\"", "twilio.api_base_url: URL must start with http"},
      {twilio_ok + "status_callback = \"https://other.example.be/x\"",
       "twilio.status_callback: must be public_url"},
      {twilio_ok + "status_callback = \"https://n.example.be/webhooks/twilio2\"",
       "twilio.status_callback: must be public_url"},
      {"[twilio]\nenabled = true\npublic_url = \"https://n.example.be/w\"\nfrom = \"x\"",
       "twilio.account_sid: is required when twilio is enabled"},
      {twilio_ok + "enabled = true", "twilio.from: is required when twilio is enabled"},
      {"[twilio]\nsid = \"x\"", "twilio.sid: unknown key"},
      {"[kannel]\nsendsms_url = \"ftp://x\"", "kannel.sendsms_url:"},
      {"[kannel]\nwebhook_secret = \"short\"", "kannel.webhook_secret: must be 16 to 256"},
      {"[kannel]\nwebhook_secret = \"not/a/path/segment/at/all\"", "kannel.webhook_secret: must be 16"},
      {"[kannel]\nallowed_sources = [\"localhost\"]", "kannel.allowed_sources: entry 1 is not an IP"},
      {"[kannel]\nallowed_sources = []", "kannel.allowed_sources: must be a non-empty list"},
      {"[kannel]\nallowed_sources = \"127.0.0.1\"", "kannel.allowed_sources: must be a non-empty list"},
      {"[kannel]\ndlr_url = \"http://x/webhooks/kannel?a=1\"", "kannel.dlr_url: must not hold a query"},
      {"[kannel]\nenabled = true", "kannel.username: is required when kannel is enabled"},
      {"[sms]\nprovider = \"twilio\"", "sms.provider: is \"twilio\" but [twilio] is not enabled"},
      {"[sms]\nprovider = \"nexmo\"", "sms.provider: must be \"twilio\", \"kannel\" or \"none\""},
      {"[sms]\nmessages_per_second = 0", "sms.messages_per_second: must be between 1 and 1000"},
      {"[kannel]\nenabled = true\nusername = \"u\"\n" + twilio_ok + "enabled = true\nfrom = \"x\"",
       "sms.provider: is required when both [twilio] and [kannel] are enabled"},
  };
  for (const auto& [text, expected] : cases) {
    const auto c = parse_config(text + "\n", "bad.toml");
    ASSERT_FALSE(c.ok()) << text;
    EXPECT_NE(c.error().message.find(expected), std::string::npos) << c.error().message;
    EXPECT_EQ(c.error().message.rfind("bad.toml: ", 0), 0u) << c.error().message;
  }
}

TEST(LoadConfig, SmsSecretsComeFromTheEnvironmentAndAreChecked) {
  const std::map<std::string, std::string> env{
      {"NOODBEL_TWILIO_AUTH_TOKEN", "caa75f164451ee6f1de03585f6e40fc9"},
      {"NOODBEL_KANNEL_PASSWORD", "kannel-pw"},
      {"NOODBEL_KANNEL_SECRET", "0af795006a6fbb53f51fa76accb66de7"}};
  const auto getenv = [&](const char* name) -> const char* {
    const auto it = env.find(name);
    return it == env.end() ? nullptr : it->second.c_str();
  };
  Config c = default_config();
  ASSERT_TRUE(apply_secret_env(c, getenv).ok());
  EXPECT_EQ(c.twilio.auth_token, "caa75f164451ee6f1de03585f6e40fc9");
  EXPECT_EQ(c.kannel.password, "kannel-pw");
  EXPECT_EQ(c.kannel.webhook_secret, "0af795006a6fbb53f51fa76accb66de7");
  for (const char* variable : {"NOODBEL_TWILIO_AUTH_TOKEN", "NOODBEL_KANNEL_SECRET"}) {
    Config bad = default_config();
    const Status s = apply_secret_env(bad, [&](const char* name) -> const char* {
      return std::string_view(name) == variable ? "short" : nullptr;
    });
    ASSERT_FALSE(s.ok()) << variable;
    EXPECT_NE(s.error().message.find(variable), std::string::npos) << s.error().message;
    EXPECT_TRUE(bad.twilio.auth_token.empty());
    EXPECT_TRUE(bad.kannel.webhook_secret.empty());
  }
}

TEST(LoadConfig, SignalIsOffByDefaultWithAConservativeRateAndLoopbackDaemon) {
  const Config c = default_config();
  EXPECT_FALSE(c.signal.enabled);
  EXPECT_EQ(c.signal.rpc_url, "http://127.0.0.1:8081");
  EXPECT_EQ(c.signal.messages_per_second, 1);
  EXPECT_EQ(c.signal.reconnect_min_seconds, 1);
  EXPECT_EQ(c.signal.reconnect_max_seconds, 60);
}

TEST(LoadConfig, SignalSectionReadsEveryKey) {
  const auto c = parse_config(
      "[signal]\nenabled = true\naccount = \"+32470123456\"\n"
      "rpc_url = \"http://127.0.0.1:9081/\"\nmessages_per_second = 2\n"
      "reconnect_min_seconds = 2\nreconnect_max_seconds = 30\n",
      "t.toml");
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_TRUE(c->signal.enabled);
  EXPECT_EQ(c->signal.account, "+32470123456");
  EXPECT_EQ(c->signal.rpc_url, "http://127.0.0.1:9081");  // trailing slash dropped
  EXPECT_EQ(c->signal.messages_per_second, 2);
  EXPECT_EQ(c->signal.reconnect_min_seconds, 2);
  EXPECT_EQ(c->signal.reconnect_max_seconds, 30);
}

TEST(LoadConfig, SignalSectionRefusesBadValuesNamingTheKey) {
  const std::pair<std::string, const char*> cases[] = {
      {"account = \"0470123456\"", "signal.account: must be the bot's Signal number in E.164"},
      {"account = \"+32 470 12 34 56\"", "signal.account: must be the bot's Signal number in E.164"},
      {"account = \"\"", "signal.account: must not be empty"},
      {"enabled = true", "signal.account: is required when signal is enabled"},
      {"rpc_url = \"127.0.0.1:8081\"", "signal.rpc_url: URL must start with http://"},
      {"rpc_url = \"https://127.0.0.1:8081\"", "signal.rpc_url: must start with http://"},
      {"rpc_url = \"http://127.0.0.1:8081/api/v1/rpc\"", "signal.rpc_url: must be the daemon's base URL"},
      {"messages_per_second = 0", "signal.messages_per_second: must be between 1 and 50"},
      {"reconnect_min_seconds = 0", "signal.reconnect_min_seconds: must be between 1 and 3600"},
      {"reconnect_min_seconds = 10\nreconnect_max_seconds = 5",
       "signal.reconnect_max_seconds: must be at least reconnect_min_seconds (10)"},
      {"enabled = \"yes\"", "signal.enabled: must be true or false"},
      {"acount = \"+32470123456\"", "signal.acount: unknown key"},
  };
  for (const auto& [line, expected] : cases) {
    const auto c = parse_config("[signal]\n" + line + "\n", "bad.toml");
    ASSERT_FALSE(c.ok()) << line;
    EXPECT_NE(c.error().message.find(expected), std::string::npos)
        << line << " -> " << c.error().message;
    EXPECT_NE(c.error().message.find("bad.toml"), std::string::npos) << line;
  }
}

TEST(LoadConfig, WebSectionReadsEveryKey) {
  const auto c = parse_config(
      "[web]\npublic_url = \"https://noodbel.example.be\"\n"
      "secret = \"caa75f164451ee6f1de03585f6e40fc9\"\nboard_link_hours = 4\n"
      "digest_link_days = 3\n",
      "t.toml");
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->web.public_url, "https://noodbel.example.be");
  EXPECT_EQ(c->web.secret, "caa75f164451ee6f1de03585f6e40fc9");
  EXPECT_EQ(c->web.board_link_hours, 4);
  EXPECT_EQ(c->web.digest_link_days, 3);
  const Config d = default_config();
  EXPECT_TRUE(d.web.public_url.empty());
  EXPECT_EQ(d.web.board_link_hours, 12);
  EXPECT_EQ(d.web.digest_link_days, 7);
}

TEST(LoadConfig, WebSectionRefusesBadValuesNamingTheKey) {
  const std::pair<std::string, const char*> cases[] = {
      {"public_url = \"noodbel.example.be\"", "web.public_url: must start with http:// or https://"},
      {"public_url = \"ftp://noodbel.example.be\"", "web.public_url: must start with http:// or https://"},
      {"public_url = \"https://noodbel.example.be/?x=1\"", "web.public_url: must not hold a query"},
      {"secret = \"short\"", "web.secret: is 5 characters long; use at least 32"},
      {"board_link_hours = 0", "web.board_link_hours: must be between 1 and 168"},
      {"board_link_hours = 169", "web.board_link_hours: must be between 1 and 168"},
      {"digest_link_days = 91", "web.digest_link_days: must be between 1 and 90"},
      {"secrett = \"x\"", "web.secrett: unknown key"},
  };
  for (const auto& [line, expected] : cases) {
    const auto c = parse_config("[web]\n" + line + "\n", "bad.toml");
    ASSERT_FALSE(c.ok()) << line;
    EXPECT_NE(c.error().message.find(expected), std::string::npos)
        << line << " -> " << c.error().message;
    EXPECT_NE(c.error().message.find("bad.toml"), std::string::npos) << line;
  }
}

TEST(LoadConfig, WebSecretComesFromTheEnvironmentAndIsChecked) {
  Config c = default_config();
  const std::string good(40, 'k');
  ASSERT_TRUE(apply_secret_env(c, [&](const char* name) -> const char* {
                return std::string_view(name) == "NOODBEL_WEB_SECRET" ? good.c_str() : nullptr;
              }).ok());
  EXPECT_EQ(c.web.secret, good);
  Config bad = default_config();
  const Status s = apply_secret_env(bad, [](const char* name) -> const char* {
    return std::string_view(name) == "NOODBEL_WEB_SECRET" ? "too-short" : nullptr;
  });
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("NOODBEL_WEB_SECRET"), std::string::npos) << s.error().message;
  EXPECT_TRUE(bad.web.secret.empty());
}

TEST(LoadConfig, TheDemoConfigCarriesTheDemoSecretMarkedAsSuch) {
  const auto demo = load_config_file(noodbel::testing::source_path("/config/demo.toml"));
  ASSERT_TRUE(demo.ok()) << demo.error().message;
  EXPECT_EQ(demo->web.secret, kDemoWebSecret);
  EXPECT_TRUE(demo->web.secret.starts_with(kDemoSecretPrefix));
  EXPECT_TRUE(demo->core.sandbox.enabled);
}

TEST(LoadConfig, RefusesTheDemoSecretWhenTheSandboxIsOff) {
  const std::string web = "[web]\nsecret = \"" + std::string(kDemoWebSecret) + "\"\n";
  for (const std::string& sandbox : {std::string(), std::string("[sandbox]\nenabled = false\n")}) {
    const auto c = parse_config(sandbox + web, "prod.toml");
    ASSERT_FALSE(c.ok()) << sandbox;
    EXPECT_NE(c.error().message.find("prod.toml"), std::string::npos) << c.error().message;
    EXPECT_NE(c.error().message.find("web.secret: is the public demo secret"), std::string::npos)
        << c.error().message;
    EXPECT_NE(c.error().message.find("openssl rand -hex 32"), std::string::npos);
  }
  // An edited copy is the demo secret too.
  const auto edited = parse_config("[web]\nsecret = \"demo-only-not-secret-but-changed-at-the-end\"\n",
                                   "prod.toml");
  EXPECT_FALSE(edited.ok());
  const auto practice = parse_config("[sandbox]\nenabled = true\n" + web, "demo.toml");
  EXPECT_TRUE(practice.ok()) << practice.error().message;
}

TEST(LoadConfig, RefusesTheDemoSecretFromTheEnvironmentWhenTheSandboxIsOff) {
  const auto demo_env = [](const char* name) -> const char* {
    return std::string_view(name) == "NOODBEL_WEB_SECRET" ? kDemoWebSecret.data() : nullptr;
  };
  Config production = default_config();
  const Status s = apply_secret_env(production, demo_env);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("NOODBEL_WEB_SECRET is the public demo secret"),
            std::string::npos)
      << s.error().message;
  EXPECT_TRUE(production.web.secret.empty());
  Config practice = default_config();
  practice.core.sandbox.enabled = true;
  EXPECT_TRUE(apply_secret_env(practice, demo_env).ok());
  EXPECT_EQ(practice.web.secret, kDemoWebSecret);
}

TEST(LoadConfig, DatabaseSectionReadsTheReadinessFloorsAndDefaultsWhenAbsent) {
  const auto defaults = parse_config("", "t.toml");
  ASSERT_TRUE(defaults.ok()) << defaults.error().message;
  EXPECT_EQ(defaults->readiness.min_free_megabytes, 64);
  EXPECT_EQ(defaults->readiness.max_failed_writes, 3);
  const auto c =
      parse_config("[database]\nmin_free_megabytes = 256\nmax_failed_writes = 5\n", "t.toml");
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->readiness.min_free_megabytes, 256);
  EXPECT_EQ(c->readiness.max_failed_writes, 5);
  const auto bad = parse_config("[database]\nmax_failed_writes = 0\n", "bad.toml");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("database.max_failed_writes: must be between 1 and 1000"),
            std::string::npos)
      << bad.error().message;
}

TEST(LoadConfig, DatabaseSynchronousIsFullUnlessNormalIsAsked) {
  const auto defaults = parse_config("", "t.toml");
  ASSERT_TRUE(defaults.ok()) << defaults.error().message;
  EXPECT_TRUE(defaults->db_synchronous_full);
  const auto full = parse_config("[database]\nsynchronous = \"full\"\n", "t.toml");
  ASSERT_TRUE(full.ok()) << full.error().message;
  EXPECT_TRUE(full->db_synchronous_full);
  const auto normal = parse_config("[database]\nsynchronous = \"normal\"\n", "t.toml");
  ASSERT_TRUE(normal.ok()) << normal.error().message;
  EXPECT_FALSE(normal->db_synchronous_full);
}

TEST(LoadConfig, DatabaseSynchronousOtherThanFullOrNormalIsRefusedNamingTheKeyAndTheValues) {
  for (const char* value : {"\"FULL\"", "\"off\"", "\"extra\"", "\"\"", "2"}) {
    const auto bad = parse_config(fmt::format("[database]\nsynchronous = {}\n", value), "bad.toml");
    ASSERT_FALSE(bad.ok()) << value;
    EXPECT_NE(bad.error().message.find("bad.toml: database.synchronous: must "), std::string::npos)
        << bad.error().message;
  }
  const auto bad = parse_config("[database]\nsynchronous = \"off\"\n", "bad.toml");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find(
                "database.synchronous: must be \"full\" or \"normal\" (got \"off\")"),
            std::string::npos)
      << bad.error().message;
}

TEST(LoadConfig, DispatchSectionReadsEveryKeyAndDefaultsWhenAbsent) {
  const auto defaults = parse_config("", "t.toml");
  ASSERT_TRUE(defaults.ok()) << defaults.error().message;
  EXPECT_EQ(defaults->dispatch.failover_after_attempts, 3);
  EXPECT_EQ(defaults->dispatch.max_attempts, 8);
  EXPECT_EQ(defaults->dispatch.lease_seconds, 300);
  const auto c = parse_config(
      "[dispatch]\nfailover_after_attempts = 2\nmax_attempts = 5\nbackoff_base_seconds = 3\n"
      "backoff_cap_seconds = 60\nbackoff_jitter_percent = 10\nlease_seconds = 120\n",
      "t.toml");
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->dispatch.failover_after_attempts, 2);
  EXPECT_EQ(c->dispatch.max_attempts, 5);
  EXPECT_EQ(c->dispatch.backoff_base_seconds, 3);
  EXPECT_EQ(c->dispatch.backoff_cap_seconds, 60);
  EXPECT_EQ(c->dispatch.backoff_jitter_percent, 10);
  EXPECT_EQ(c->dispatch.lease_seconds, 120);
}

TEST(LoadConfig, DispatchSectionRefusesBadValuesNamingTheKey) {
  const std::pair<std::string, const char*> cases[] = {
      {"failover_after_attempts = -1",
       "dispatch.failover_after_attempts: must be between 0 and 100"},
      {"failover_after_attempts = 9\nmax_attempts = 8",
       "dispatch.failover_after_attempts: must not exceed max_attempts (8)"},
      {"max_attempts = 0", "dispatch.max_attempts: must be between 1 and 100"},
      {"backoff_base_seconds = 0", "dispatch.backoff_base_seconds: must be between 1 and 3600"},
      {"backoff_base_seconds = 60\nbackoff_cap_seconds = 30",
       "dispatch.backoff_cap_seconds: must be at least backoff_base_seconds (60)"},
      {"backoff_jitter_percent = 101",
       "dispatch.backoff_jitter_percent: must be between 0 and 100"},
      {"lease_seconds = 30", "dispatch.lease_seconds: must be between 60 and 86400"},
      {"max_attempts = \"8\"", "dispatch.max_attempts: must be a whole number"},
      {"failover_after = 3", "dispatch.failover_after: unknown key"},
  };
  for (const auto& [line, expected] : cases) {
    const auto c = parse_config("[dispatch]\n" + line + "\n", "bad.toml");
    ASSERT_FALSE(c.ok()) << line;
    EXPECT_NE(c.error().message.find(expected), std::string::npos)
        << line << " -> " << c.error().message;
    EXPECT_NE(c.error().message.find("bad.toml"), std::string::npos) << line;
  }
  EXPECT_FALSE(parse_config("dispatch = 3\n", "bad.toml").ok());
}

}  // namespace
}  // namespace noodbel
