#include "adapters/config/example_secrets.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "adapters/config/load_config.h"
#include "support/paths/source_paths.h"

namespace noodbel {
namespace {

// For every secret key, an example value that passes the key's other checks (length,
// characters, shape), so only the example rule can refuse it.
const std::map<std::string, std::vector<std::string>, std::less<>> kExamplePerKey = {
    {"web.secret", {"put-the-output-of-openssl-rand-hex-32-here"}},
    {"slash.signing_secret", {"8f742231b10e8888abcd99yyyzzz85a5"}},
    {"slash.mattermost_token", {"xr3j5x3p4pfk7k3kdgm1ejwqrc"}},
    {"telegram.token", {"123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"}},
    {"telegram.webhook_secret", {"3f9c0b6e2a7d41c8b5e0f2a9d6c3b1e7"}},
    {"twilio.auth_token", {"0123456789abcdef0123456789abcdef"}},
    {"http.metrics_token", {"put-the-output-of-openssl-rand-hex-32-here"}},
    {"kannel.password", {"change-me", "change-me-too"}},
    {"kannel.webhook_secret", {"5b1f0c9e7d2a43b8a6e1d0f9c8b7a6e5", "CHANGE-ME-WEBHOOK-SECRET"}},
};

// The examples for `key`; none when the table above misses it (a failure of its own test).
const std::vector<std::string>& examples_for(std::string_view key) {
  static const std::vector<std::string> kNone;
  const auto it = kExamplePerKey.find(key);
  return it == kExamplePerKey.end() ? kNone : it->second;
}

// "web.secret" = "v" as TOML: "[web]\nsecret = \"v\"\n".
std::string toml_for(std::string_view key, const std::string& value) {
  const std::size_t dot = key.find('.');
  return fmt::format("[{}]\n{} = \"{}\"\n", key.substr(0, dot), key.substr(dot + 1), value);
}

std::string read_all(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The files shipped for people to read and copy: README.md and config/'s examples.
std::vector<std::filesystem::path> shipped_files() {
  std::vector<std::filesystem::path> files{noodbel::testing::source_path("/README.md")};
  const std::set<std::string> kinds{".toml", ".conf", ".service", ".md"};
  for (const auto& entry :
       std::filesystem::directory_iterator(noodbel::testing::source_path("/config"))) {
    if (kinds.count(entry.path().extension().string())) files.push_back(entry.path());
  }
  return files;
}

// Every value in `text` that stands where a secret goes: `token = "..."` (commented or
// not, quoted or not) for the last part of a secret key, NOODBEL_..._SECRET=... for a
// secret's variable, and the path segment of /webhooks/kannel/....
std::set<std::string> secret_looking_values(const std::string& text) {
  std::set<std::string> names;
  std::set<std::string> variables;
  for (const SecretKey& key : secret_keys()) {
    names.insert(std::string(key.key.substr(key.key.find('.') + 1)));
    variables.insert(std::string(key.env));
  }
  std::set<std::string> found;
  const std::regex assignment(R"re(^[#\s]*([A-Za-z_-]+)\s*=\s*"?([^"\s]+)"?)re");
  const std::regex variable(R"re((NOODBEL_[A-Z_]+)=([^\s`'"]+))re");
  const std::regex kannel_path(R"re(/webhooks/kannel/([A-Za-z0-9_-]+))re");
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    std::smatch m;
    if (std::regex_search(line, m, assignment) && names.count(m[1].str())) found.insert(m[2]);
    for (std::sregex_iterator it(line.begin(), line.end(), variable), end; it != end; ++it) {
      if (variables.count((*it)[1].str()) && !(*it)[2].str().starts_with("...")) {
        found.insert((*it)[2]);
      }
    }
    for (std::sregex_iterator it(line.begin(), line.end(), kannel_path), end; it != end; ++it) {
      found.insert((*it)[1]);
    }
  }
  return found;
}

bool listed(std::string_view value) {
  for (const ExampleSecret& example : example_secrets()) {
    if (example.value == value) return true;
  }
  return false;
}

TEST(ExampleSecrets, EverySecretShownInTheShippedFilesIsListed) {
  std::set<std::string> shown;
  for (const auto& file : shipped_files()) {
    for (const std::string& value : secret_looking_values(read_all(file))) {
      EXPECT_TRUE(listed(value)) << file.string() << " shows the secret \"" << value
                                 << "\": add it to adapters/config/example_secrets.cpp";
      shown.insert(value);
    }
  }
  for (const ExampleSecret& example : example_secrets()) {
    EXPECT_TRUE(shown.count(std::string(example.value)))
        << example.value << " is no longer shown in any shipped file: remove it from the list";
  }
}

TEST(ExampleSecrets, TheScanFindsSecretsInEveryForm) {
  const auto found = secret_looking_values(
      "# secret = \"aaa\"\npassword = bbb\nadmin-password = ccc\n"
      "x NOODBEL_KANNEL_SECRET=ddd NOODBEL_WEB_SECRET=... NOODBEL_CONFIG=/x\n"
      "get-url = \"http://h/webhooks/kannel/eee?type=mo\"\n");
  EXPECT_EQ(found, (std::set<std::string>{"aaa", "bbb", "ddd", "eee"}));
}

TEST(ExampleSecrets, EveryKeyHasAnExampleInTheseTests) {
  for (const SecretKey& key : secret_keys()) {
    EXPECT_TRUE(kExamplePerKey.count(key.key)) << key.key;
  }
}

TEST(ExampleSecrets, AnExampleSecretInTheFileIsRefusedNamingTheKeyAndTheFix) {
  for (const SecretKey& key : secret_keys()) {
    for (const std::string& value : examples_for(key.key)) {
      const auto c = parse_config(toml_for(key.key, value), "prod.toml");
      ASSERT_FALSE(c.ok()) << key.key << " = " << value;
      const std::string& message = c.error().message;
      EXPECT_NE(
          message.find(fmt::format("prod.toml: {}: is the example value from config/", key.key)),
          std::string::npos)
          << message;
      EXPECT_NE(message.find(key.fix), std::string::npos) << message;
    }
  }
}

TEST(ExampleSecrets, AnExampleSecretInTheEnvironmentIsRefusedNamingTheVariable) {
  for (const SecretKey& key : secret_keys()) {
    for (const std::string& value : examples_for(key.key)) {
      Config c = default_config();
      const Status s = apply_secret_env(c, [&](const char* name) -> const char* {
        return key.env == name ? value.c_str() : nullptr;
      });
      ASSERT_FALSE(s.ok()) << key.env << "=" << value;
      EXPECT_NE(s.error().message.find(fmt::format(
                    "environment variable {} is the example value from config/", key.env)),
                std::string::npos)
          << s.error().message;
    }
  }
}

TEST(ExampleSecrets, ExampleErrorsSayWhichFileTheValueComesFrom) {
  const auto c = parse_config(toml_for("kannel.password", "change-me-too"), "prod.toml");
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.error().message.find("kannel.password: is the example value from "
                                   "config/kannel.conf"),
            std::string::npos)
      << c.error().message;
  const auto web = parse_config(
      toml_for("web.secret", "put-the-output-of-openssl-rand-hex-32-here"), "prod.toml");
  ASSERT_FALSE(web.ok());
  EXPECT_NE(web.error().message.find("web.secret: is the example value from config/example.toml, "
                                     "which anyone can read; generate your own with `openssl "
                                     "rand -hex 32`"),
            std::string::npos)
      << web.error().message;
}

TEST(ExampleSecrets, AnExampleCopiedToAnotherKeyIsRefusedToo) {
  const auto c = parse_config(
      toml_for("telegram.webhook_secret", "5b1f0c9e7d2a43b8a6e1d0f9c8b7a6e5"), "prod.toml");
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.error().message.find("telegram.webhook_secret: is the example value"),
            std::string::npos)
      << c.error().message;
}

TEST(ExampleSecrets, TheDemoSecretIsAllowedOnlyAsTheWebSecretOfTheSandbox) {
  const std::string sandbox = "[sandbox]\nenabled = true\n";
  const std::string demo(kDemoWebSecret);
  const auto practice = parse_config(sandbox + toml_for("web.secret", demo), "demo.toml");
  EXPECT_TRUE(practice.ok()) << practice.error().message;
  const auto elsewhere =
      parse_config(sandbox + toml_for("kannel.webhook_secret", demo), "demo.toml");
  ASSERT_FALSE(elsewhere.ok());
  EXPECT_NE(elsewhere.error().message.find("kannel.webhook_secret: is the example value from "
                                           "config/demo.toml"),
            std::string::npos)
      << elsewhere.error().message;
}

TEST(ExampleSecrets, RandomSecretsOfOnesOwnAreAccepted) {
  const auto c = parse_config(
      "[web]\nsecret = \"9c41e07a5b2fd836e1a0c7b49f25d38e6a1b0c4f7e92d5a3b8c6f01e4d7a92b5\"\n"
      "[slash]\nsigning_secret = \"cfd86f34765b74c2e9c538706776da83\"\n"
      "mattermost_token = \"q8wz3kd5tnr2vb7xhm4pyc9fgj\"\n"
      "[telegram]\ntoken = \"7301946285:Kvf7lxDiIieehGB25QUeHi6JE8XW-yayenQ8N\"\n"
      "webhook_secret = \"ee4bade013de44ba1bc83f9546d55a19\"\n"
      "[twilio]\nauth_token = \"caa75f164451ee6f1de03585f6e40fc9\"\n"
      "[kannel]\npassword = \"2ae523dc3e6e1919\"\n"
      "webhook_secret = \"0af795006a6fbb53f51fa76accb66de7\"\n",
      "prod.toml");
  EXPECT_TRUE(c.ok()) << c.error().message;
}

}  // namespace
}  // namespace noodbel
