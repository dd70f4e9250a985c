// Fuzz target: POST /webhooks/twilio (adapters/twilio/twilio_routes.h) through the Router:
// form parsing, X-Twilio-Signature check (adapters/twilio/twilio_signature.h), field checks.
// Input lines: 1 = "sign" (the harness signs the request correctly), "-" (no signature
// header) or the X-Twilio-Signature value; 2 = the request target ("/webhooks/twilio?a=1");
// 3 = Content-Type; the rest = the body.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/http/router.h"
#include "adapters/sms/sms_common.h"
#include "adapters/twilio/twilio_routes.h"
#include "adapters/twilio/twilio_sender.h"
#include "adapters/twilio/twilio_signature.h"
#include "bot/clock.h"
#include "bot/text/ascii.h"
#include "fuzz_support.h"

using namespace noodbel;

namespace {

constexpr std::string_view kToken = "0123456789abcdef0123456789abcdef";
constexpr std::string_view kAccount = "AC0123456789abcdef0123456789abcdef";
constexpr std::string_view kPublicUrl = "https://noodbel.example.be/webhooks/twilio";

struct Recorded {
  std::vector<InboundMessage> delivered;
  std::vector<std::string> marked;
};

struct Harness {
  TwilioConfig config;
  ManualClock clock{1795435200};
  Recorded seen;
  Router router;

  Harness() {
    config.enabled = true;
    config.auth_token = std::string(kToken);
    config.account_sid = std::string(kAccount);
    config.public_url = std::string(kPublicUrl);
    add_twilio_routes(router,
                      TwilioDeps{config, clock,
                                 [this](const InboundMessage& m) -> Result<InboundOutcome> {
                                   seen.delivered.push_back(m);
                                   return InboundOutcome::kHandled;
                                 },
                                 [this](const std::string& id, OutboxState, UnixTime) -> Status {
                                   seen.marked.push_back(id);
                                   return Ok();
                                 }});
  }
};

Harness& harness() {
  static Harness* h = [] {
    fuzz::quiet_logs();
    return new Harness();
  }();
  return *h;
}

bool one_of(int status, std::initializer_list<int> allowed) {
  for (const int s : allowed) {
    if (s == status) return true;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view rest = fuzz::as_view(data, size);
  const std::string_view signature = fuzz::take_line(rest);
  const std::string_view target = fuzz::take_line(rest);
  const std::string_view content_type = fuzz::take_line(rest);
  const std::string_view body = rest;

  const Result<ParsedTarget> parsed = parse_target(target);
  if (!parsed.ok()) return 0;  // the server answers 400 before any route sees it
  HttpRequest request;
  request.method = "POST";
  request.target = std::string(target);
  request.path = parsed->path;
  request.query = parsed->query;
  request.headers["content-type"] = std::string(content_type);
  request.body = std::string(body);
  request.remote_address = "203.0.113.5";

  // The URL Twilio signs: public_url plus the query of the request.
  std::string url(kPublicUrl);
  if (const std::size_t q = target.find('?'); q != std::string_view::npos) url += target.substr(q);
  const Result<FormFields> form = parse_form(body);
  bool signed_right = false;
  if (signature == "sign" && form.ok()) {
    const std::string sig = twilio_signature(kToken, url, *form);
    // A signature made by twilio_signature is always accepted, for every URL variant.
    FUZZ_CHECK(twilio_signature_valid(kToken, url, *form, sig));
    for (const std::string& variant : twilio_url_variants(url)) {
      FUZZ_CHECK(twilio_signature_valid(kToken, variant, *form, twilio_signature(kToken, variant, *form)));
    }
    FUZZ_CHECK(!twilio_signature_valid("another-token-0123456789abcdef", url, *form, sig));
    request.headers["x-twilio-signature"] = sig;
    signed_right = true;
  } else if (signature != "-") {
    request.headers["x-twilio-signature"] = std::string(signature);
  }

  Harness& h = harness();
  h.seen = {};
  const HttpResponse response = h.router.handle(request);

  if (response.status == 404) {  // another path: the route never ran
    FUZZ_CHECK(request.path != "/webhooks/twilio");
    FUZZ_CHECK(h.seen.delivered.empty() && h.seen.marked.empty());
    return 0;
  }
  FUZZ_CHECK(one_of(response.status, {200, 400, 403, 413, 415}));
  FUZZ_CHECK(h.seen.delivered.size() + h.seen.marked.size() <= 1);
  if (!signed_right) {
    // A random signature never passes: nothing reaches the pipeline or the outbox.
    FUZZ_CHECK(h.seen.delivered.empty() && h.seen.marked.empty());
    FUZZ_CHECK(response.status != 200);
    return 0;
  }
  const bool form_type = lower_ascii(content_type).rfind("application/x-www-form-urlencoded", 0) == 0;
  const auto account = form->find("AccountSid");
  const bool same_account = account == form->end() || account->second == kAccount;
  if (form_type && same_account) FUZZ_CHECK(response.status != 403 && response.status != 415);
  for (const InboundMessage& m : h.seen.delivered) {
    FUZZ_CHECK(response.status == 200);
    FUZZ_CHECK(m.channel == Channel::kSms);
    FUZZ_CHECK(m.provider_id.rfind(kTwilioIdPrefix, 0) == 0);
    FUZZ_CHECK(m.address.size() > 1 && m.address[0] == '+');
    FUZZ_CHECK(fuzz::utf8_ok(m.text) && m.text.size() <= kMaxInboundSmsBytes);
    FUZZ_CHECK(m.text.find_first_not_of(" \t\r\n\v\f") != std::string::npos);
  }
  for (const std::string& id : h.seen.marked) FUZZ_CHECK(id.rfind(kTwilioIdPrefix, 0) == 0);
  return 0;
}
