// Whether a secret looks chosen by hand rather than drawn at random. The command line warns
// (names the key, never the value) when a configured secret is weak; it is not refused.
// Pure functions, for adapters/cli.
//
// The rule: a secret (of a Telegram bot token, the part after the bot id and ':') is weak
// when it has fewer than 8 distinct characters ("aabbaabbaabb..."), holds one character 6
// or more times in a row ("xxxxxx"), or holds 8 or more characters that each step up or
// down by one ("01234567", "hgfedcba"). `openssl rand -hex 32` is almost never weak by it.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "adapters/config/config.h"

namespace noodbel {

inline constexpr std::size_t kMinDistinctSecretChars = 8;
inline constexpr std::size_t kMaxSecretRepeatRun = 5;    // 6 in a row is weak
inline constexpr std::size_t kMaxSecretSequenceRun = 7;  // 8 in a row is weak

// Whether `secret` is weak by the rule above.
bool is_low_entropy(std::string_view secret);

// The keys ("web.secret") of the secrets set in `config` that are weak, in secret_keys()
// order.
std::vector<std::string_view> weak_secret_keys(const Config& config);

}  // namespace noodbel
