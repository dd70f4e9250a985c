// Random: the core's only source of unpredictable bytes (link codes, call codes), a port
// beside Clock so bot/ draws nothing itself and tests can repeat a run. Implementations are thread-safe: one serves every unit of work (adapters/crypto/
// openssl_random.h in production, tests/support/fake_random.h in tests).
#pragma once

#include <cstdint>
#include <span>

#include "bot/result.h"

namespace noodbel {

class Random {
 public:
  virtual ~Random() = default;
  // Fills `out` with bytes of a cryptographically secure generator; Unavailable when the
  // generator cannot deliver (the caller says "try again").
  [[nodiscard]] virtual Status fill(std::span<unsigned char> out) const = 0;
};

// Eight bytes of `random` as one number.
Result<std::uint64_t> random_u64(const Random& random);

}  // namespace noodbel
