// Hasher: SHA-256 for the core (a link code is stored only as its hash), a port so bot/
// links no crypto library. Implementations are stateless and thread-safe
// (adapters/crypto/openssl_hasher.h in production, tests/support/fake_hasher.h in tests).
#pragma once

#include <string>
#include <string_view>

namespace noodbel {

class Hasher {
 public:
  virtual ~Hasher() = default;
  // 64 lower-case hex digits of SHA-256(data). Stored hashes depend on it: an
  // implementation must not change the algorithm.
  virtual std::string sha256_hex(std::string_view data) const = 0;
};

}  // namespace noodbel
