#include "adapters/twilio/twilio_signature.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace noodbel {
namespace {

using ::testing::ElementsAre;

// The example of Twilio's webhook security documentation and of its helper libraries'
// tests (twilio-python RequestValidatorTest): auth token 12345, this URL, these params.
constexpr std::string_view kToken = "12345";
constexpr std::string_view kUrl = "https://mycompany.com/myapp.php?foo=1&bar=2";
constexpr std::string_view kDocumentedSignature = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";

FormFields documented_params() {
  return {{"CallSid", "CA1234567890ABCDE"}, {"Caller", "+14158675309"}, {"Digits", "1234"},
          {"From", "+14158675309"}, {"To", "+18005551212"}};
}

TEST(TwilioSignature, ReproducesTheDocumentedExample) {
  EXPECT_EQ(twilio_signature(kToken, kUrl, documented_params()), kDocumentedSignature);
}

TEST(TwilioSignature, SortsRepeatedKeysByValueAndCountsIdenticalPairsOnce) {
  // twilio-python's duplicate vector: Digits 5678, 1234, 1234 signs as
  // "Digits1234Digits5678" (python3 -c: hmac sha1 over
  // kUrl + "Digits1234Digits5678SidCA123SidAccountAC123", base64).
  const FormFields params{{"Sid", "CA123"}, {"SidAccount", "AC123"}, {"Digits", "5678"},
                          {"Digits", "1234"}, {"Digits", "1234"}};
  EXPECT_EQ(twilio_signature(kToken, kUrl, params), "IK+Dwps556ElfBT0I3Rgjkr1wJU=");
}

TEST(TwilioSignatureValid, AcceptsTheDocumentedExample) {
  EXPECT_TRUE(twilio_signature_valid(kToken, kUrl, documented_params(), kDocumentedSignature));
}

TEST(TwilioSignatureValid, AcceptsTheUrlWithTheDefaultPortAddedOrRemoved) {
  // python3 -c "import hmac,hashlib,base64; ..." over "https://mycompany.com:443/myapp.php
  // ?foo=1&bar=2" + the sorted params gives kvajT1Ptam85bY51eRf/AJRuM3w=.
  constexpr std::string_view kWithPort = "https://mycompany.com:443/myapp.php?foo=1&bar=2";
  EXPECT_EQ(twilio_signature(kToken, kWithPort, documented_params()),
            "kvajT1Ptam85bY51eRf/AJRuM3w=");
  EXPECT_TRUE(twilio_signature_valid(kToken, kUrl, documented_params(),
                                     "kvajT1Ptam85bY51eRf/AJRuM3w="));
  EXPECT_TRUE(twilio_signature_valid(kToken, kWithPort, documented_params(), kDocumentedSignature));
}

TEST(TwilioSignatureValid, AcceptsIdenticalPairsCountedEachTime) {
  const FormFields params{{"Body", "ja"}, {"Body", "ja"}};
  // python3 -c: hmac sha1 with 12345 over kUrl + "BodyjaBodyja", base64.
  const std::string all_pairs = "9xcbnWN4f774zvGU2Gj88Lfs0GI=";
  EXPECT_NE(twilio_signature(kToken, kUrl, params), all_pairs);
  EXPECT_TRUE(twilio_signature_valid(kToken, kUrl, params, all_pairs));
  EXPECT_TRUE(twilio_signature_valid(kToken, kUrl, params, twilio_signature(kToken, kUrl, params)));
}

TEST(TwilioSignatureValid, RefusesAnyChangedInput) {
  const FormFields params = documented_params();
  FormFields tampered = params;
  tampered.find("Digits")->second = "9999";
  EXPECT_FALSE(twilio_signature_valid(kToken, kUrl, tampered, kDocumentedSignature));
  FormFields added = params;
  added.emplace("Body", "ja");
  EXPECT_FALSE(twilio_signature_valid(kToken, kUrl, added, kDocumentedSignature));
  EXPECT_FALSE(twilio_signature_valid("54321", kUrl, params, kDocumentedSignature));
  EXPECT_FALSE(twilio_signature_valid(kToken, "https://mycompany.com/myapp.php?foo=1&bar=3",
                                      params, kDocumentedSignature));
  EXPECT_FALSE(twilio_signature_valid(kToken, "http://mycompany.com/myapp.php?foo=1&bar=2",
                                      params, kDocumentedSignature));
  EXPECT_FALSE(twilio_signature_valid(kToken, "https://mycompany.com:8443/myapp.php?foo=1&bar=2",
                                      params, kDocumentedSignature));
}

TEST(TwilioSignatureValid, RefusesEmptyAndMalformedSignaturesAndAnEmptyToken) {
  EXPECT_FALSE(twilio_signature_valid(kToken, kUrl, documented_params(), ""));
  EXPECT_FALSE(twilio_signature_valid(kToken, kUrl, documented_params(), "RSOYDt4T1cUTdK1PDd93"));
  EXPECT_FALSE(twilio_signature_valid(kToken, kUrl, documented_params(), "invalid 王"));
  EXPECT_FALSE(twilio_signature_valid("", kUrl, documented_params(), twilio_signature("", kUrl, documented_params())));
}

TEST(TwilioUrlVariants, AddsOrRemovesOnlyTheDefaultPort) {
  EXPECT_THAT(twilio_url_variants("https://a.example/x?y=1"),
              ElementsAre("https://a.example/x?y=1", "https://a.example:443/x?y=1"));
  EXPECT_THAT(twilio_url_variants("https://a.example:443/x"),
              ElementsAre("https://a.example:443/x", "https://a.example/x"));
  EXPECT_THAT(twilio_url_variants("http://a.example/x"),
              ElementsAre("http://a.example/x", "http://a.example:80/x"));
  EXPECT_THAT(twilio_url_variants("https://a.example:8443/x"), ElementsAre("https://a.example:8443/x"));
  EXPECT_THAT(twilio_url_variants("not a url"), ElementsAre("not a url"));
}

}  // namespace
}  // namespace noodbel
