// SmsConfig: the [sms] settings of adapters/sms/: which provider sends SMS, and how fast.
// A plain struct, loaded by adapters/config.
#pragma once

namespace noodbel {

// Which provider sends Channel::kSms, and how fast.
enum class SmsProvider { kNone, kTwilio, kKannel };

struct SmsConfig {
  // Default: the one of [twilio] and [kannel] that is enabled. kNone: SMS rows wait.
  SmsProvider provider = SmsProvider::kNone;
  int messages_per_second = 5;
};

}  // namespace noodbel
