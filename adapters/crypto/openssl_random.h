// OpenSslRandom: the core's Random port (bot/random.h) on OpenSSL's CSPRNG (RAND_bytes).
// Stateless and thread-safe; built once by the composition root (adapters/app) or a
// command of the command line.
#pragma once

#include "bot/random.h"

namespace noodbel {

class OpenSslRandom final : public Random {
 public:
  [[nodiscard]] Status fill(std::span<unsigned char> out) const override;
};

}  // namespace noodbel
