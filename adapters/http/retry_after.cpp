#include "adapters/http/retry_after.h"

#include <algorithm>
#include <charconv>

namespace noodbel {
namespace {

constexpr int kMaxRetryAfterSeconds = 24 * 3600;

}  // namespace

std::optional<int> retry_after_seconds(const ClientResponse& response) {
  const auto it = response.headers.find("retry-after");
  if (it == response.headers.end()) return std::nullopt;
  std::string_view v = it->second;
  while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
  while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
  long long seconds = 0;
  const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), seconds);
  if (v.empty() || ec != std::errc() || end != v.data() + v.size() || seconds < 0) {
    return std::nullopt;
  }
  return static_cast<int>(std::min<long long>(seconds, kMaxRetryAfterSeconds));
}

}  // namespace noodbel
