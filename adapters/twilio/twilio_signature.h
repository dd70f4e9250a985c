// X-Twilio-Signature: how Twilio signs its webhooks, and the check of an incoming one.
// base64(HMAC-SHA1(auth token, full URL + every POST parameter sorted by name, then by
// value, appended as name + value)). Only this folder touches OpenSSL for it.
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "adapters/http/http_types.h"

namespace noodbel {

// The signature of a request to `url` with these POST parameters. Identical name=value
// pairs count once, as in Twilio's helper libraries.
std::string twilio_signature(std::string_view auth_token, std::string_view url,
                             const FormFields& params);

// `url` as given plus the same URL with its default port removed (":443" for https, ":80"
// for http) or added when it had none: Twilio may sign either form.
std::vector<std::string> twilio_url_variants(std::string_view url);

// True when `signature` matches any URL variant, with identical pairs counted once or
// each time; compared in constant time.
bool twilio_signature_valid(std::string_view auth_token, std::string_view url,
                            const FormFields& params, std::string_view signature);

}  // namespace noodbel
