// The main of every test binary (instead of GTest::gtest_main): installs the service's
// time zone from the tz database, as the program does at start-up, then runs the tests.
#include <cstdio>

#include <gtest/gtest.h>

#include "adapters/data/time_zone_loader.h"

int main(int argc, char** argv) {
  testing::InitGoogleTest(&argc, argv);
  if (const noodbel::Status zone = noodbel::install_local_zone_from_tzdb(); !zone.ok()) {
    std::fprintf(stderr, "%s\n", zone.error().message.c_str());
    return 1;
  }
  return RUN_ALL_TESTS();
}
