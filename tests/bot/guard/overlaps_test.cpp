#include "bot/guard/overlaps.h"

#include <gtest/gtest.h>

#include <vector>

namespace noodbel {
namespace {

TEST(GuardOverlaps, KeepsTheMostSpecificKindOfOverlappingFindings) {
  const std::vector<Finding> kept = resolve_overlaps({
      {FindingKind::kName, "sandra", 0, 6},
      {FindingKind::kEmail, "sandra@x.be", 0, 11},
  });
  EXPECT_EQ(kept, (std::vector<Finding>{{FindingKind::kEmail, "sandra@x.be", 0, 11}}));
}

TEST(GuardOverlaps, KeepsTheLongestOfOneKindAndSortsByStart) {
  const std::vector<Finding> kept = resolve_overlaps({
      {FindingKind::kName, "Peeters", 20, 27},
      {FindingKind::kName, "Julie", 14, 19},
      {FindingKind::kName, "Julie Peeters", 14, 27},
      {FindingKind::kPhone, "0470", 0, 4},
  });
  EXPECT_EQ(kept, (std::vector<Finding>{{FindingKind::kPhone, "0470", 0, 4},
                                        {FindingKind::kName, "Julie Peeters", 14, 27}}));
}

TEST(GuardOverlaps, KeepsFindingsThatOnlyTouch) {
  const std::vector<Finding> kept = resolve_overlaps({
      {FindingKind::kName, "b", 1, 2},
      {FindingKind::kName, "a", 0, 1},
  });
  EXPECT_EQ(kept.size(), 2u);
  EXPECT_EQ(kept[0].text, "a");
}

}  // namespace
}  // namespace noodbel
