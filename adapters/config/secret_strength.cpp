#include "adapters/config/secret_strength.h"

#include <algorithm>
#include <set>

#include "adapters/config/secret_keys.h"

namespace noodbel {
namespace {

// The longest run of characters where each is `step` (0, 1 or -1) from the one before.
std::size_t longest_run(std::string_view s, int step) {
  std::size_t longest = s.empty() ? 0 : 1;
  std::size_t run = 1;
  for (std::size_t i = 1; i < s.size(); ++i) {
    const int diff = static_cast<unsigned char>(s[i]) - static_cast<unsigned char>(s[i - 1]);
    run = diff == step ? run + 1 : 1;
    longest = std::max(longest, run);
  }
  return longest;
}

}  // namespace

bool is_low_entropy(std::string_view secret) {
  const std::set<char> distinct(secret.begin(), secret.end());
  return distinct.size() < kMinDistinctSecretChars ||
         longest_run(secret, 0) > kMaxSecretRepeatRun ||
         longest_run(secret, 1) > kMaxSecretSequenceRun ||
         longest_run(secret, -1) > kMaxSecretSequenceRun;
}

std::vector<std::string_view> weak_secret_keys(const Config& config) {
  std::vector<std::string_view> weak;
  for (const SecretKey& key : secret_keys()) {
    std::string_view value = key.value(config);
    if (value.empty()) continue;
    if (const std::size_t colon = value.find(':');
        key.public_prefix && colon != std::string_view::npos) {
      value = value.substr(colon + 1);
    }
    if (is_low_entropy(value)) weak.push_back(key.key);
  }
  return weak;
}

}  // namespace noodbel
