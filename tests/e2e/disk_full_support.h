// Test-only peers for tests/e2e/disk_full_test.cpp: a small tmpfs mounted for the test's
// database (unmounted on destruction, also when an assertion failed), a file that fills
// it.
#pragma once

#include <cstddef>
#include <string>

namespace noodbel::testing_support {

// A tmpfs of `megabytes` on a fresh temporary folder. Needs root (CAP_SYS_ADMIN):
// otherwise skip_reason() says why and nothing is mounted.
class TmpfsMount {
 public:
  explicit TmpfsMount(int megabytes);
  ~TmpfsMount();
  TmpfsMount(const TmpfsMount&) = delete;
  TmpfsMount& operator=(const TmpfsMount&) = delete;

  const std::string& dir() const { return dir_; }
  const std::string& skip_reason() const { return skip_reason_; }  // "" when mounted

 private:
  std::string dir_;
  std::string skip_reason_;
  bool mounted_ = false;
};

// Writes `path` until the filesystem refuses more (ENOSPC); returns the bytes written.
std::size_t fill_until_full(const std::string& path);

}  // namespace noodbel::testing_support
