// FreeSpaceProbe: the port of GET /readyz (adapters/http/readiness.h) for the free space on
// the filesystem that holds the database. store/free_space.h implements it with statvfs;
// tests fake it. Thread-safe implementations.
#pragma once

#include <cstdint>

#include "bot/result.h"

namespace noodbel::store {

class FreeSpaceProbe {
 public:
  virtual ~FreeSpaceProbe() = default;

  // Bytes an unprivileged process may still write there; an Error when it cannot be read.
  virtual Result<std::uint64_t> free_bytes() = 0;
};

}  // namespace noodbel::store
