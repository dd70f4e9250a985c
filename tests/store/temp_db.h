// Test helpers for tests/store: a unique database path under testing::TempDir(),
// removed (with its -wal and -shm files) when the object goes out of scope. Test-only.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

namespace noodbel::store::testing_support {

class TempDbPath {
 public:
  TempDbPath() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    folder_ = std::filesystem::path(::testing::TempDir()) /
              ("noodbel-store-" + std::to_string(::getpid()) + "-" + info->test_suite_name() +
               "-" + info->name());
    std::filesystem::remove_all(folder_);
    std::filesystem::create_directories(folder_);
  }
  ~TempDbPath() {
    std::error_code ec;
    std::filesystem::remove_all(folder_, ec);
  }
  TempDbPath(const TempDbPath&) = delete;
  TempDbPath& operator=(const TempDbPath&) = delete;

  const std::filesystem::path& folder() const { return folder_; }
  std::string db() const { return (folder_ / "noodbel.db").string(); }

 private:
  std::filesystem::path folder_;
};

}  // namespace noodbel::store::testing_support
