// OpenSslRandom: the core's Random port (bot/random.h) on OpenSSL's CSPRNG (RAND_bytes).
// Stateless and thread-safe; built once by the composition root (adapters/app) or a
// command of the command line.
#pragma once

#include <cstddef>
#include <string>

#include "bot/random.h"

namespace noodbel {

class OpenSslRandom final : public Random {
 public:
  [[nodiscard]] Status fill(std::span<unsigned char> out) const override;
};

// `count` bytes of OpenSslRandom, for an adapter that needs a secret of its own (the web's
// link key when none is configured); Unavailable when the generator fails.
Result<std::string> random_bytes(std::size_t count);

}  // namespace noodbel
