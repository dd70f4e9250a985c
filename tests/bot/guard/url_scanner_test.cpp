#include <gtest/gtest.h>

#include "bot/guard/guard_checks.h"

namespace noodbel::guard_checks {
namespace {

TEST(AnonymizationGuardUrl, FindsLinksWithAndWithoutScheme) {
  expect_single("zie https://www.tiktok.com/@x_2011 nu", FindingKind::kUrl,
                "https://www.tiktok.com/@x_2011");
  expect_single("info op www.familiewouters.be.", FindingKind::kUrl, "www.familiewouters.be");
  expect_single("profiel facebook.com/lotte.vdb.2010", FindingKind::kUrl,
                "facebook.com/lotte.vdb.2010");
  expect_single("site: gezinwouters.be", FindingKind::kUrl, "gezinwouters.be");
}

TEST(AnonymizationGuardUrl, FindsSocialMediaHandles) {
  expect_single("insta @yasmine.x15 volgen", FindingKind::kUrl, "@yasmine.x15");
}

TEST(AnonymizationGuardUrl, DoesNotTakeAbbreviationsForLinks) {
  expect_clean("Heeft o.a. astma, i.v.m. medicatie z.s.m. bellen naar de consulent.");
}

}  // namespace
}  // namespace noodbel::guard_checks
