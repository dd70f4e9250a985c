// Helpers shared by the SMS providers (adapters/twilio, adapters/kannel): URL and form
// encoding, the sender's phone number and the text as sent. Pure functions, thread-safe.
// (Send rates are kept by the Dispatcher: adapters/dispatch/token_bucket.h; Retry-After is
// read by adapters/http/retry_after.h.)
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "bot/result.h"

namespace noodbel {

using FormPairs = std::vector<std::pair<std::string, std::string>>;

// RFC 3986 percent-encoding: everything but A-Z a-z 0-9 - . _ ~ becomes %XX.
std::string url_encode(std::string_view s);
// "a=1&b=x%20y", in the given order.
std::string form_encode(const FormPairs& pairs);

// An incoming SMS sender as E.164. Providers send "+32470123456", some SMSCs "32470123456"
// or "0032470123456": digits without a prefix are read as international. An Error quotes
// a sender that is no phone number (a short code, an alphanumeric id).
Result<std::string> sms_sender_number(std::string_view raw);

// The text as an SMS carries it: typographic characters transliterated (bot/sms_text.h).
std::string sms_body(std::string_view text);

// Incoming SMS text longer than this is refused (a concatenated SMS of 255 UCS-2 parts is
// about 34 KB of UTF-8 at worst; real replies are far shorter).
inline constexpr std::size_t kMaxInboundSmsBytes = 16 * 1024;

}  // namespace noodbel
