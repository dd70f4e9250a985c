#include "bot/call_code.h"

#include <cstdint>

namespace noodbel {
namespace {

constexpr std::string_view kLetters = "ABCDEFGHJKLMNPQRSTUVWXYZ";  // no I, no O
constexpr int kCodeCount = 24 * 100;
constexpr int kRandomTries = 200;

// Code number n in 0..2399: letter n / 100, digits n % 100 ("A00" .. "Z99").
std::string code_at(int n) {
  const int digits = n % 100;
  return {kLetters[static_cast<std::size_t>(n / 100)], static_cast<char>('0' + digits / 10),
          static_cast<char>('0' + digits % 10)};
}

}  // namespace

CallCodeGenerator::CallCodeGenerator(const Random& random) : random_(random) {}

Result<std::string> CallCodeGenerator::next(
    const std::function<bool(std::string_view)>& in_use) const {
  for (int i = 0; i < kRandomTries; ++i) {
    const Result<std::uint64_t> draw = random_u64(random_);
    if (!draw) break;
    // The modulo bias is below 2,400 / 2^64: no code is noticeably likelier.
    std::string code = code_at(static_cast<int>(*draw % std::uint64_t{kCodeCount}));
    if (!in_use(code)) return code;
  }
  // Nearly full, or no randomness: look at every code once, in a fixed order.
  for (int n = 0; n < kCodeCount; ++n) {
    std::string code = code_at(n);
    if (!in_use(code)) return code;
  }
  return Error::Unavailable(
      "all 2,400 call codes are in use; close or cancel old calls, or wait until they expire");
}

}  // namespace noodbel
