// Signed Twilio webhooks for tests/e2e/crash_test.cpp (its fake Twilio Messages API is
// tests/support/net/fake_twilio_api.h, its SQL checks e2e/sql_read_support.h). Test-only.
#pragma once

#include <string>

#include "support/http_client.h"

namespace noodbel::testing_support {

inline constexpr const char* kCrashTwilioToken = "caa75f164451ee6f1de03585f6e40fc9";
inline constexpr const char* kCrashTwilioAccount = "AC0123456789abcdef0123456789abcdef";
inline constexpr const char* kCrashTwilioUrl = "https://noodbel.example.be/webhooks/twilio";

// POST /webhooks/twilio on `port` as Twilio sends an incoming SMS, signed with
// kCrashTwilioToken for kCrashTwilioUrl.
HttpReply twilio_incoming(int port, const std::string& message_sid, const std::string& from,
                          const std::string& body);

}  // namespace noodbel::testing_support
