// FakeHasher: the Hasher port (bot/hasher.h) for tests that need no real SHA-256: 64
// lower-case hex digits that differ for different inputs (FNV-1a, four rounds), the same
// for the same input. Stateless: thread-safe. The real one is tested in
// tests/adapters/crypto.
#pragma once

#include "bot/hasher.h"

namespace noodbel {

class FakeHasher final : public Hasher {
 public:
  std::string sha256_hex(std::string_view data) const override;
};

}  // namespace noodbel
