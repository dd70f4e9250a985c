#include "adapters/data/guard_loader.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "adapters/data/postcodes_loader.h"
#include "support/paths/source_paths.h"

namespace noodbel {
namespace {

TEST(GuardLoader, LoadsTheShippedListWithThePlacesOfThePostcodes) {
  const auto postcodes = load_postcodes(noodbel::testing::source_path("/config/be-postcodes.csv"));
  ASSERT_TRUE(postcodes.ok()) << postcodes.error().message;
  auto guard = load_guard(noodbel::testing::source_path("/config/first-names.txt"), *postcodes);
  ASSERT_TRUE(guard.ok()) << guard.error().message;
  EXPECT_EQ(guard->check("Emma woont in Gent").size(), 1u);  // Gent is a place, not a name
}

TEST(GuardLoader, RefusesAMissingFileAndSaysWhichPath) {
  auto guard = load_guard("/nonexistent/first-names.txt", Postcodes::from_places({}));
  ASSERT_FALSE(guard.ok());
  EXPECT_EQ(guard.error().kind, ErrorKind::kNotFound);
  EXPECT_NE(guard.error().message.find("/nonexistent/first-names.txt"), std::string::npos);
}

TEST(GuardLoader, NamesTheFileAndLineOfInvalidUtf8) {
  // Unique per process: ctest runs tests in parallel processes.
  const std::string path =
      ::testing::TempDir() + "/" + std::to_string(::getpid()) + "-first-names.txt";
  std::ofstream(path, std::ios::binary) << "Bram\nZo\xFF\n";
  auto guard = load_guard(path, Postcodes::from_places({}));
  std::remove(path.c_str());
  ASSERT_FALSE(guard.ok());
  EXPECT_EQ(guard.error().message,
            path + " line 2: the name is not valid UTF-8; save the file as UTF-8");
}

}  // namespace
}  // namespace noodbel
