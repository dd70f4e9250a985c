// Comparing secrets and signatures in constant time, and the SHA-256 and hex helpers they
// rest on, for every adapter that checks a shared secret or a signature (slash, Twilio,
// Kannel, Telegram, the web's signed links).
// Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace noodbel {

// Lower-case hex of `size` bytes.
std::string to_hex(const unsigned char* data, std::size_t size);
std::string to_hex(std::string_view bytes);

// Lower-case hex SHA-256 of data.
std::string sha256_hex(std::string_view data);

// Compares two secrets in constant time (their SHA-256 digests with CRYPTO_memcmp, so
// not even the length leaks).
bool secrets_equal(std::string_view a, std::string_view b);

// True when a and b are the same bytes, compared in constant time for equal lengths (the
// length itself is not hidden: for values of a known length, such as signatures).
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace noodbel
