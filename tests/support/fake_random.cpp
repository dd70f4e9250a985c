#include "support/fake_random.h"

namespace noodbel {

// splitmix64 over a counter: repeatable, and spread well enough for codes.
Status FakeRandom::fill(std::span<unsigned char> out) const {
  if (failing_) return Error::Unavailable("the random generator failed; try again");
  for (unsigned char& b : out) {
    std::uint64_t z = state_.fetch_add(0x9E3779B97F4A7C15ULL) + 0x9E3779B97F4A7C15ULL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    b = static_cast<unsigned char>((z ^ (z >> 31)) >> 56);
  }
  return Ok();
}

}  // namespace noodbel
