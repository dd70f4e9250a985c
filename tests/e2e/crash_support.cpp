#include "e2e/crash_support.h"

#include <utility>
#include <vector>

#include "adapters/twilio/twilio_signature.h"

namespace noodbel::testing_support {

HttpReply twilio_incoming(int port, const std::string& message_sid, const std::string& from,
                          const std::string& body) {
  const std::vector<std::pair<std::string, std::string>> fields{{"AccountSid", kCrashTwilioAccount},
                                                                {"MessageSid", message_sid},
                                                                {"From", from},
                                                                {"To", "+32460000000"},
                                                                {"Body", body}};
  FormFields params;
  for (const auto& [k, v] : fields) params.emplace(k, v);
  return http_call(
      port, "POST", "/webhooks/twilio", form_encode(fields),
      {{"Content-Type", "application/x-www-form-urlencoded"},
       {"X-Twilio-Signature", twilio_signature(kCrashTwilioToken, kCrashTwilioUrl, params)}});
}

}  // namespace noodbel::testing_support
