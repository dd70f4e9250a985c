#include "e2e/disk_full_support.h"

#include <fcntl.h>
#include <sys/mount.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "support/process.h"

namespace noodbel::testing_support {

TmpfsMount::TmpfsMount(int megabytes) : dir_(make_temp_dir("noodbel-e2e-tmpfs")) {
  if (::geteuid() != 0) {
    skip_reason_ = "not root: mounting a tmpfs needs root (CI runs the tests as root)";
    return;
  }
  const std::string options = fmt::format("size={}m,mode=0700", megabytes);
  if (::mount("tmpfs", dir_.c_str(), "tmpfs", MS_NOSUID | MS_NODEV, options.c_str()) != 0) {
    skip_reason_ = fmt::format("mount -t tmpfs -o {} refused: {}", options, std::strerror(errno));
    return;
  }
  mounted_ = true;
}

TmpfsMount::~TmpfsMount() {
  // Lazy: a process the test could not stop may still hold a file open.
  if (mounted_ && ::umount2(dir_.c_str(), MNT_DETACH) != 0) {
    ADD_FAILURE() << "umount " << dir_ << ": " << std::strerror(errno);
    return;
  }
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

std::size_t fill_until_full(const std::string& path) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) {
    ADD_FAILURE() << "cannot create " << path << ": " << std::strerror(errno);
    return 0;
  }
  const std::string block(4096, 'x');
  std::size_t written = 0;
  for (;;) {
    const ssize_t n = ::write(fd, block.data(), block.size());
    if (n > 0) {
      written += static_cast<std::size_t>(n);
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && errno != ENOSPC)
      ADD_FAILURE() << "writing " << path << ": " << std::strerror(errno);
    break;
  }
  ::close(fd);
  return written;
}

}  // namespace noodbel::testing_support
