#include "adapters/config/load_config.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

namespace noodbel {
namespace {

TEST(LoadConfig, DefaultsNameTheFiveServicesAndTheVarDatabase) {
  const Config c = default_config();
  EXPECT_EQ(c.db_path, "var/noodbel.db");
  EXPECT_EQ(c.services.size(), 5u);
  EXPECT_FALSE(c.sandbox.enabled);
  EXPECT_EQ(c.default_language, Language::kNl);
}

TEST(LoadConfig, ExampleFileParsesWithoutError) {
  const auto c = load_config_file(NOODBEL_SOURCE_DIR "/config/example.toml");
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->http.port, 8080);
  EXPECT_EQ(c->services.size(), 5u);
  EXPECT_EQ(c->calls.wave_size, 10);
}

TEST(LoadConfig, DemoFileEnablesTheSandbox) {
  const auto c = load_config_file(NOODBEL_SOURCE_DIR "/config/demo.toml");
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_TRUE(c->sandbox.enabled);
  EXPECT_EQ(c->calls.wave_size, 6);
}

TEST(LoadConfig, ValuesOverrideDefaults) {
  const auto c = parse_config(
      "[http]\nport = 9123\naddress = \"0.0.0.0\"\n[calls]\nexpiry_hours = 12\n"
      "[general]\ndefault_language = \"fr\"\n",
      "t.toml");
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->http.port, 9123);
  EXPECT_EQ(c->http.address, "0.0.0.0");
  EXPECT_EQ(c->calls.expiry_hours, 12);
  EXPECT_EQ(c->default_language, Language::kFr);
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
        BadConfig{"[htp]\nport = 8080\n", "htp: unknown key"},
        BadConfig{"[calls]\nwave_size = 0\n", "calls.wave_size: must be between 1 and 500"},
        BadConfig{"[general]\ndefault_language = \"de\"\n", "general.default_language"},
        BadConfig{"[log]\nlevel = \"loud\"\n", "log.level: must be one of"},
        BadConfig{"[sandbox]\nenabled = \"yes\"\n", "sandbox.enabled: must be true or false"},
        BadConfig{"[database]\npath = \"\"\n", "database.path: must not be empty"},
        BadConfig{"[[services]]\nid = \"a\"\nname = \"A\"\n[[services]]\nid = \"a\"\nname = \"B\"\n",
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
  const auto c = resolve_config(std::string(NOODBEL_SOURCE_DIR "/config/demo.toml"),
                                std::string("/tmp/other.db"));
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->db_path, "/tmp/other.db");
  EXPECT_TRUE(c->sandbox.enabled);
}

TEST(LoadConfig, EnvironmentVariableNamesTheFileWhenNoFlagIsGiven) {
  ::setenv("NOODBEL_CONFIG", NOODBEL_SOURCE_DIR "/config/demo.toml", 1);
  const auto c = resolve_config(std::nullopt, std::nullopt);
  ::unsetenv("NOODBEL_CONFIG");
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_TRUE(c->sandbox.enabled);
  const auto d = resolve_config(std::nullopt, std::nullopt);
  ASSERT_TRUE(d.ok());
  EXPECT_FALSE(d->sandbox.enabled);
}

}  // namespace
}  // namespace noodbel
