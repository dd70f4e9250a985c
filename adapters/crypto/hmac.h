// Keyed digests (HMAC-SHA1, HMAC-SHA256) as raw bytes, for the adapters that sign or check
// a signature (Twilio, Slack, the web's signed links). Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "bot/result.h"

namespace noodbel {

// HMAC-SHA1(key, message): 20 raw bytes; Internal when libcrypto cannot compute it.
Result<std::string> hmac_sha1(std::string_view key, std::string_view message);

// HMAC-SHA256(key, message): 32 raw bytes; Internal when libcrypto cannot compute it.
Result<std::string> hmac_sha256(std::string_view key, std::string_view message);

}  // namespace noodbel
