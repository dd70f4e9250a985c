#include "adapters/data/postcodes_loader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "support/paths/source_paths.h"
#include "support/process.h"

namespace noodbel {
namespace {

using ::testing::HasSubstr;

constexpr const char* kHeader = "postcode,place,province,region,lat,lon,match\n";
constexpr const char* kGent = "9000,Gent,Oost-Vlaanderen,VLG,51.05,3.71,exact\n";

// Postcode files in a fresh folder, removed again at the end of the test.
class PostcodesLoader : public ::testing::Test {
 protected:
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
    return (dir_ / name).string();
  }
  const std::filesystem::path dir_{testing_support::make_temp_dir("noodbel-postcodes")};
};

TEST(PostcodesLoad, LoadsTheShippedFilesWithTheExtraPlacesAndMunicipalities) {
  const auto postcodes =
      load_postcodes(noodbel::testing::source_path("/config/be-postcodes.csv"));
  ASSERT_TRUE(postcodes.ok()) << postcodes.error().message;
  EXPECT_GT(postcodes->places().size(), 2000u);
  EXPECT_FALSE(postcodes->municipalities().empty());
}

TEST(PostcodesLoad, RefusesAMissingFileNamingIt) {
  const auto postcodes = load_postcodes("/nonexistent/be-postcodes.csv");
  ASSERT_FALSE(postcodes.ok());
  EXPECT_EQ(postcodes.error().kind, ErrorKind::kNotFound);
  EXPECT_THAT(postcodes.error().message, HasSubstr("/nonexistent/be-postcodes.csv"));
  EXPECT_THAT(postcodes.error().message, HasSubstr("data_dir"));
}

TEST_F(PostcodesLoader, RefusesABadLatitudeNamingFileAndLine) {
  const std::string path =
      write("postcodes_test.csv", std::string(kHeader) + kGent +
                                      "9050,Ledeberg,Oost-Vlaanderen,VLG,north,3.74,exact\n");
  const auto postcodes = load_postcodes(path);
  ASSERT_FALSE(postcodes.ok());
  EXPECT_EQ(postcodes.error().message,
            path + " line 3: lat 'north' is not a number between -90 and 90");
}

TEST_F(PostcodesLoader, ReadsTheExtraPlacesBesideTheFile) {
  const std::string path = write("be-postcodes.csv", std::string(kHeader) + kGent);
  write("be-postcodes-extra.csv",
        std::string(kHeader) + "9050,Ledeberg,Oost-Vlaanderen,VLG,51.03,3.74,exact\n");
  const auto postcodes = load_postcodes(path);
  ASSERT_TRUE(postcodes.ok()) << postcodes.error().message;
  ASSERT_EQ(postcodes->places().size(), 2u);
  EXPECT_EQ(postcodes->places().back().name, "Ledeberg");
}

TEST_F(PostcodesLoader, NamesTheExtraFileInItsErrors) {
  const std::string path = write("be-postcodes.csv", std::string(kHeader) + kGent);
  write("be-postcodes-extra.csv",
        std::string(kHeader) + "905,Ledeberg,Oost-Vlaanderen,VLG,51.03,3.74,exact\n");
  const auto postcodes = load_postcodes(path);
  ASSERT_FALSE(postcodes.ok());
  EXPECT_THAT(postcodes.error().message,
              HasSubstr("be-postcodes-extra.csv line 2: postcode '905' is not 4 digits"));
}

}  // namespace
}  // namespace noodbel
