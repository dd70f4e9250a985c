#include "bot/random.h"

#include <array>

namespace noodbel {

Result<std::uint64_t> random_u64(const Random& random) {
  std::array<unsigned char, 8> bytes{};
  if (Status s = random.fill(bytes); !s) return s.error();
  std::uint64_t value = 0;
  for (const unsigned char b : bytes) value = (value << 8) | b;
  return value;
}

}  // namespace noodbel
