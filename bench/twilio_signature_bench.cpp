// bench-links: noodbel_adapters
// The check every Twilio webhook pays before anything else: twilio_signature_valid() on a
// typical inbound SMS (the fields Twilio posts for one reply), for a valid signature (found
// on the first URL variant) and for a forged one (every variant tried, then refused).
// hmac_sha1/hmac_sha256 alone show what one HMAC costs.
#include <benchmark/benchmark.h>

#include <string>

#include "adapters/crypto/hmac.h"
#include "adapters/http/http_types.h"
#include "adapters/twilio/twilio_signature.h"

namespace {

constexpr std::string_view kToken = "load-test-auth-token-0123456789";
constexpr std::string_view kUrl = "https://noodbel.example.be/webhooks/twilio";

noodbel::FormFields inbound_sms() {
  return {{"ToCountry", "BE"},
          {"ToState", ""},
          {"SmsMessageSid", "SM0123456789abcdef0123456789abcdef"},
          {"NumMedia", "0"},
          {"ToCity", ""},
          {"FromZip", ""},
          {"SmsSid", "SM0123456789abcdef0123456789abcdef"},
          {"FromState", ""},
          {"SmsStatus", "received"},
          {"FromCity", ""},
          {"Body", "Ja, wij kunnen het kindje opvangen vanaf vanavond"},
          {"FromCountry", "BE"},
          {"To", "+32460000000"},
          {"ToZip", ""},
          {"NumSegments", "1"},
          {"MessageSid", "SM0123456789abcdef0123456789abcdef"},
          {"AccountSid", "AC00000000000000000000000000000000"},
          {"From", "+32470123456"},
          {"ApiVersion", "2010-04-01"}};
}

void BM_TwilioSignatureValid(benchmark::State& state) {
  const noodbel::FormFields fields = inbound_sms();
  const std::string signature = noodbel::twilio_signature(kToken, kUrl, fields);
  for (auto _ : state) {
    benchmark::DoNotOptimize(noodbel::twilio_signature_valid(kToken, kUrl, fields, signature));
  }
}
BENCHMARK(BM_TwilioSignatureValid);

void BM_TwilioSignatureForged(benchmark::State& state) {
  const noodbel::FormFields fields = inbound_sms();
  const std::string forged(28, 'A');
  for (auto _ : state) {
    benchmark::DoNotOptimize(noodbel::twilio_signature_valid(kToken, kUrl, fields, forged));
  }
}
BENCHMARK(BM_TwilioSignatureForged);

void BM_HmacSha1(benchmark::State& state) {
  const std::string message(400, 'x');
  for (auto _ : state) benchmark::DoNotOptimize(noodbel::hmac_sha1(kToken, message));
}
BENCHMARK(BM_HmacSha1);

void BM_HmacSha256(benchmark::State& state) {
  const std::string message(400, 'x');
  for (auto _ : state) benchmark::DoNotOptimize(noodbel::hmac_sha256(kToken, message));
}
BENCHMARK(BM_HmacSha256);

}  // namespace
