// URLs that carry a secret (API base URLs with a token, smsbox with its password, push
// webhooks) must be https://, or plain http:// to this machine only: the helpers of
// adapters/config/secret_url.h and the keys of the config loader that use them.
#include "adapters/config/secret_url.h"

#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "adapters/config/load_config.h"

namespace noodbel {
namespace {

TEST(IsLoopbackHost, AcceptsLocalhostTheWhole127NetworkAndIpv6Loopback) {
  for (const char* host : {"localhost", "127.0.0.1", "127.8.9.10", "127.255.255.254", "::1",
                           "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1"}) {
    EXPECT_TRUE(is_loopback_host(host)) << host;
  }
}

TEST(IsLoopbackHost, RefusesNamesThatOnlyStartLikeLoopbackAndOtherAddresses) {
  for (const char* host : {"127.0.0.1.evil.example", "localhost.evil.example", "127.evil.example",
                           "localhost.", "evil-localhost", "128.0.0.1", "10.0.0.1", "0.0.0.0", "::",
                           "::2", "::ffff:8.8.8.8", "::ffff:10.0.0.1", "api.telegram.org", ""}) {
    EXPECT_FALSE(is_loopback_host(host)) << host;
  }
}

TEST(CleartextSecretUrl, NamesSchemeHostAndPortButNeverThePathOrQuery) {
  const auto why =
      cleartext_secret_url("http://api.example.org:8080/botSECRET/x?p=SECRET", "a local emulator");
  ASSERT_TRUE(why.has_value());
  EXPECT_EQ(*why,
            "must start with https:// (or http:// to a loopback address, 127.0.0.1, ::1 or "
            "localhost, for a local emulator): it carries a secret; got "
            "http://api.example.org:8080");
  EXPECT_EQ(url_origin("http://[fe80::1]/x"), "http://[fe80::1]");
  EXPECT_EQ(url_origin("https://api.example.org:443/x"), "https://api.example.org");
  EXPECT_EQ(url_origin("not a url"), "");
}

// Each config key that holds a URL carrying a secret, as TOML with "{}" for the URL.
struct SecretUrlKey {
  const char* key;
  const char* toml;
};

const std::vector<SecretUrlKey>& secret_url_keys() {
  static const std::vector<SecretUrlKey> keys{
      {"telegram.api_base_url", "[telegram]\napi_base_url = \"{}\"\n"},
      {"twilio.api_base_url", "[twilio]\napi_base_url = \"{}\"\n"},
      {"kannel.sendsms_url", "[kannel]\nsendsms_url = \"{}\"\n"},
      {"kannel.dlr_url", "[kannel]\ndlr_url = \"{}\"\n"},
      {"slash.webhooks.antwerpen", "[slash.webhooks]\nantwerpen = \"{}\"\n"},
      {"slash.caseworker_webhooks.C006", "[slash.caseworker_webhooks]\nC006 = \"{}\"\n"},
  };
  return keys;
}

Result<Config> load_with(const SecretUrlKey& k, const std::string& url) {
  return parse_config(fmt::format(fmt::runtime(k.toml), url), "t.toml");
}

TEST(LoadConfig, EveryUrlThatCarriesASecretRefusesPlainHttpToAnotherHostNamingTheKey) {
  for (const SecretUrlKey& k : secret_url_keys()) {
    const auto c = load_with(k, "http://api.example.org/SECRET");
    ASSERT_FALSE(c.ok()) << k.key;
    const std::string& message = c.error().message;
    EXPECT_NE(message.find(fmt::format("t.toml: {}: must start with https:// (or http:// to a "
                                       "loopback address",
                                       k.key)),
              std::string::npos)
        << message;
    EXPECT_NE(message.find("; got http://api.example.org"), std::string::npos) << message;
    EXPECT_EQ(message.find("SECRET"), std::string::npos) << message;
  }
}

TEST(LoadConfig, EveryUrlThatCarriesASecretAcceptsHttpsAndPlainHttpToLoopback) {
  for (const SecretUrlKey& k : secret_url_keys()) {
    for (const char* url :
         {"https://api.example.org/x", "http://127.0.0.1:9000/x", "http://127.8.9.10/x",
          "http://[::1]:9000/x", "http://localhost:9000/x", "http://LOCALHOST/x"}) {
      const auto c = load_with(k, url);
      EXPECT_TRUE(c.ok()) << k.key << " = " << url << ": " << c.error().message;
    }
  }
}

TEST(LoadConfig, EveryUrlThatCarriesASecretRefusesHostsThatOnlyLookLikeLoopback) {
  for (const SecretUrlKey& k : secret_url_keys()) {
    for (const char* url : {"http://127.0.0.1.evil.example/x", "http://localhost.evil.example/x",
                            "http://127.evil.example/x", "http://[::2]/x", "http://0.0.0.0/x"}) {
      const auto c = load_with(k, url);
      ASSERT_FALSE(c.ok()) << k.key << " = " << url;
      EXPECT_NE(c.error().message.find(fmt::format("{}: must start with https://", k.key)),
                std::string::npos)
          << c.error().message;
    }
  }
}

TEST(LoadConfig, SignalDaemonUrlMustBeLoopbackBecauseItHasNoTlsAndNoPassword) {
  for (const char* url :
       {"http://10.0.0.5:8081", "http://signal-cli:8081", "http://127.0.0.1.evil.example:8081"}) {
    const auto c = parse_config(fmt::format("[signal]\nrpc_url = \"{}\"\n", url), "t.toml");
    ASSERT_FALSE(c.ok()) << url;
    EXPECT_NE(c.error().message.find("t.toml: signal.rpc_url: must point at a loopback address"),
              std::string::npos)
        << c.error().message;
    EXPECT_NE(c.error().message.find(std::string("got ") + url), std::string::npos)
        << c.error().message;
  }
  for (const char* url : {"http://127.0.0.1:8081", "http://[::1]:8081", "http://localhost:8081"}) {
    const auto c = parse_config(fmt::format("[signal]\nrpc_url = \"{}\"\n", url), "t.toml");
    EXPECT_TRUE(c.ok()) << url << ": " << c.error().message;
  }
}

}  // namespace
}  // namespace noodbel
