// Base64 (RFC 4648) of raw bytes: the standard alphabet with padding (Twilio's signature,
// HTTP Basic authorization) and the URL-safe one without (signed links). Pure functions.
#pragma once

#include <string>
#include <string_view>

namespace noodbel {

// "+/" alphabet, padded with '=' to a multiple of four characters.
std::string base64(std::string_view bytes);

// "-_" alphabet, no padding.
std::string base64url(std::string_view bytes);

}  // namespace noodbel
