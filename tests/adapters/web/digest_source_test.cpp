#include "adapters/web/digest_source.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "adapters/config/config.h"
#include "store/store.h"
#include "store/temp_db.h"
#include "support/paths/source_paths.h"
#include "support/shipped_data.h"
#include "support/store/wall_clock.h"

namespace noodbel {
namespace {

using store::testing_support::TempDbPath;

class DigestSourceTest : public ::testing::Test {
 protected:
  DigestSourceTest()
      : postcodes_(test_data::shipped_postcodes()),
        store_(store::Store::open(path_.db(), ::noodbel::testing_support::wall_clock()).value()) {
    config_.core.services = default_services();
    config_.data_dir = noodbel::testing::source_dir();
  }
  TempDbPath path_;
  Config config_;
  Postcodes postcodes_;
  std::unique_ptr<store::Store> store_;
};

TEST_F(DigestSourceTest, LoadsThePageSkeletonFromTheDataDir) {
  const auto source =
      DigestSource::load(config_.data_dir, config_.digest, config_.core, postcodes_, *store_);
  ASSERT_TRUE(source.ok()) << source.error().message;
  EXPECT_NE(source->page_html().find("{{body}}"), std::string::npos);
}

TEST_F(DigestSourceTest, AMissingPageSkeletonIsAnErrorNamingTheFile) {
  config_.data_dir = path_.folder().string();
  const auto source =
      DigestSource::load(config_.data_dir, config_.digest, config_.core, postcodes_, *store_);
  ASSERT_FALSE(source.ok());
  EXPECT_NE(source.error().message.find("templates/web/digest.html"), std::string::npos)
      << source.error().message;
  EXPECT_NE(source.error().message.find("data_dir"), std::string::npos);
}

TEST_F(DigestSourceTest, BuildsOneServiceWithTheFlandersFiguresOrEveryService) {
  const auto source =
      DigestSource::load(config_.data_dir, config_.digest, config_.core, postcodes_, *store_);
  ASSERT_TRUE(source.ok());
  const auto one = source->build({2026, 11, 23}, std::string("limburg"));
  ASSERT_TRUE(one.ok());
  ASSERT_EQ(one->services.size(), 1u);
  EXPECT_EQ(one->services[0].service_id, "limburg");
  EXPECT_TRUE(one->no_calls);
  const auto all = source->build({2026, 11, 23}, std::nullopt);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->services.size(), config_.core.services.size());
}

}  // namespace
}  // namespace noodbel
