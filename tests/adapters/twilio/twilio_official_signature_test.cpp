// Twilio signatures computed by Twilio's own helper library (Debian's python3-twilio,
// installed by scripts/install-deps) against ours, and fed to the webhook. Skipped, with
// the reason, only when /usr/bin/python3 cannot import twilio.
#include <filesystem>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "adapters/sms/sms_common.h"
#include "adapters/twilio/twilio_routes.h"
#include "adapters/twilio/twilio_signature.h"
#include "support/process.h"

namespace noodbel {
namespace {

using nlohmann::json;
using testing_support::run_binary;

constexpr const char* kPython = "/usr/bin/python3";

// Reads [{"token", "url", "params": [[name, value], ...]}, ...] on stdin and prints one
// signature per line, computed by twilio.request_validator.RequestValidator. Debian 12's
// python3-twilio (7.7.1) takes one value per name, so repeated names are covered by the
// newer library's published vector in twilio_signature_test.cpp instead.
constexpr const char* kScript = R"PY(
import json, sys
from twilio.request_validator import RequestValidator

for case in json.load(sys.stdin):
    params = dict(case["params"])
    print(RequestValidator(case["token"]).compute_signature(case["url"], params))
)PY";

struct Case {
  std::string token;
  std::string url;
  FormPairs params;
};

bool official_library_available() {
  if (!std::filesystem::exists(kPython)) return false;
  return run_binary(kPython, {"-c", "import twilio.request_validator"}).exit_code == 0;
}

std::vector<std::string> official_signatures(const std::vector<Case>& cases) {
  json input = json::array();
  for (const Case& c : cases) input.push_back({{"token", c.token}, {"url", c.url}, {"params", c.params}});
  const auto result = run_binary(kPython, {"-c", kScript}, input.dump());
  EXPECT_EQ(result.exit_code, 0) << result.err;
  std::vector<std::string> lines;
  std::string line;
  for (const char ch : result.out) {
    if (ch == '\n') {
      lines.push_back(line);
      line.clear();
    } else {
      line.push_back(ch);
    }
  }
  return lines;
}

class TwilioOfficialSignature : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!official_library_available()) {
      GTEST_SKIP() << kPython << " cannot import twilio: run scripts/install-deps "
                   << "(Debian package python3-twilio)";
    }
  }
};

TEST_F(TwilioOfficialSignature, OursEqualsTheHelperLibrarysForAwkwardInput) {
  const std::string token = "0123456789abcdef0123456789abcdef";
  const std::vector<Case> cases{
      {"12345", "https://mycompany.com/myapp.php?foo=1&bar=2",
       {{"CallSid", "CA1234567890ABCDE"}, {"Caller", "+14158675309"}, {"Digits", "1234"},
        {"From", "+14158675309"}, {"To", "+18005551212"}}},
      {token, "https://noodbel.example.be/webhooks/twilio",
       {{"Body", "Ja 👍 – peut-être, 50% & more+"}, {"From", "+32470000001"},
        {"MessageSid", "SM0001"}}},
      {token, "https://noodbel.example.be/webhooks/twilio?kind=status&x=%20y",
       {{"MessageStatus", "delivered"}, {"MessageSid", "SM0002"}}},
      {token, "https://noodbel.example.be/webhooks/twilio",
       {{"Digits", "5678"}, {"Body", ""}, {"NumMedia", "0"}}},
      {token, "https://noodbel.example.be/webhooks/twilio", {}},
  };
  const std::vector<std::string> official = official_signatures(cases);
  ASSERT_EQ(official.size(), cases.size());
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const FormFields params(cases[i].params.begin(), cases[i].params.end());
    EXPECT_EQ(twilio_signature(cases[i].token, cases[i].url, params), official[i]) << "case " << i;
    EXPECT_TRUE(twilio_signature_valid(cases[i].token, cases[i].url, params, official[i]))
        << "case " << i;
  }
}

TEST_F(TwilioOfficialSignature, TheWebhookAcceptsARequestTheHelperLibrarySigned) {
  TwilioConfig config;
  config.enabled = true;
  config.account_sid = "AC0123456789abcdef0123456789abcdef";
  config.auth_token = "0123456789abcdef0123456789abcdef";
  config.public_url = "https://noodbel.example.be/webhooks/twilio";
  ManualClock clock(1'760'000'000);
  std::vector<InboundMessage> delivered;
  Router router;
  add_twilio_routes(
      router, TwilioDeps{config, clock,
                         [&](const InboundMessage& m) -> Result<InboundOutcome> {
                           delivered.push_back(m);
                           return InboundOutcome::kHandled;
                         },
                         [](const std::string&, OutboxState, UnixTime) -> Status { return Ok(); }});
  const FormPairs params{{"MessageSid", "SM0003"}, {"AccountSid", config.account_sid},
                         {"From", "+32470000001"}, {"Body", "Oui 👍 K42"}};
  // Twilio may sign the URL with the default port; the library signs what it is given.
  const auto signatures = official_signatures(
      {{config.auth_token, config.public_url, params},
       {config.auth_token, "https://noodbel.example.be:443/webhooks/twilio", params}});
  ASSERT_EQ(signatures.size(), 2u);
  for (const std::string& signature : signatures) {
    HttpRequest r;
    r.method = "POST";
    r.path = r.target = "/webhooks/twilio";
    r.body = form_encode(params);
    r.headers = {{"content-type", "application/x-www-form-urlencoded"},
                 {"x-twilio-signature", signature}};
    EXPECT_EQ(router.handle(r).status, 200) << signature;
  }
  ASSERT_EQ(delivered.size(), 2u);
  EXPECT_EQ(delivered[0].text, "Oui 👍 K42");
}

}  // namespace
}  // namespace noodbel
