#include "bot/edit_distance.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <span>
#include <utility>
#include <vector>

namespace noodbel {

namespace {

// Rows for texts up to this long live on the stack: suggestions compare a query with
// thousands of names, and an allocation per comparison cost more than the comparison.
constexpr std::size_t kStackRow = 64;

}  // namespace

int edit_distance(std::string_view a, std::string_view b, int limit) {
  const int n = static_cast<int>(a.size());
  const int m = static_cast<int>(b.size());
  if (std::abs(n - m) > limit) return limit + 1;
  const std::size_t row = static_cast<std::size_t>(m) + 1;
  std::array<int, 3 * kStackRow> stack_rows;
  std::vector<int> heap_rows;
  std::span<int> rows(stack_rows);
  if (row > kStackRow) {
    heap_rows.resize(3 * row);
    rows = heap_rows;
  }
  // Three rows: two back (for swaps), one back and the current one.
  std::span<int> before = rows.subspan(0, row);
  std::span<int> previous = rows.subspan(row, row);
  std::span<int> current = rows.subspan(2 * row, row);
  for (int j = 0; j <= m; ++j) previous[static_cast<std::size_t>(j)] = j;
  for (int i = 1; i <= n; ++i) {
    current[0] = i;
    int row_min = current[0];
    for (int j = 1; j <= m; ++j) {
      const auto uj = static_cast<std::size_t>(j);
      const int cost = a[static_cast<std::size_t>(i - 1)] == b[uj - 1] ? 0 : 1;
      int best = std::min({previous[uj] + 1, current[uj - 1] + 1, previous[uj - 1] + cost});
      if (i > 1 && j > 1 && a[static_cast<std::size_t>(i - 1)] == b[uj - 2] &&
          a[static_cast<std::size_t>(i - 2)] == b[uj - 1]) {
        best = std::min(best, before[uj - 2] + 1);
      }
      current[uj] = best;
      row_min = std::min(row_min, best);
    }
    if (row_min > limit) return limit + 1;
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return std::min(previous[static_cast<std::size_t>(m)], limit + 1);
}

}  // namespace noodbel
