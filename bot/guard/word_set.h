// WordSet and WordMap: sets and maps of folded words that are looked up with a
// std::string_view, no copy. For the anonymization guard's lists (bot/guard/).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace noodbel {

struct WordHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

using WordSet = std::unordered_set<std::string, WordHash, std::equal_to<>>;

template <typename Value>
using WordMap = std::unordered_map<std::string, Value, WordHash, std::equal_to<>>;

}  // namespace noodbel
