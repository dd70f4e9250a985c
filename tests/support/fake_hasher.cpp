#include "support/fake_hasher.h"

#include <cstdint>

#include <fmt/format.h>

namespace noodbel {

std::string FakeHasher::sha256_hex(std::string_view data) const {
  std::string hex;
  for (std::uint64_t round = 0; round < 4; ++round) {
    std::uint64_t h = 14695981039346656037ULL ^ round;
    for (const char c : data) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    hex += fmt::format("{:016x}", h);
  }
  return hex;
}

}  // namespace noodbel
