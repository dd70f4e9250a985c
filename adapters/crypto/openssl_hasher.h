// OpenSslHasher: the core's Hasher port (bot/hasher.h) on libcrypto's SHA-256.
// Stateless and thread-safe; built once by the composition root (adapters/app) or a
// command of the command line.
#pragma once

#include "bot/hasher.h"

namespace noodbel {

class OpenSslHasher final : public Hasher {
 public:
  // Throws std::runtime_error when libcrypto offers no SHA-256 (a broken installation).
  std::string sha256_hex(std::string_view data) const override;
};

}  // namespace noodbel
