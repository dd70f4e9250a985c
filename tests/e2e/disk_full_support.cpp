#include "e2e/disk_full_support.h"

#include <fcntl.h>
#include <sqlite3.h>
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

FakeTwilioApi::FakeTwilioApi() {
  HttpServerOptions o;
  o.threads = 1;
  server_ = std::make_unique<HttpServer>(o, [this](const HttpRequest& r) { return handle(r); });
  const Status started = server_->start();
  EXPECT_TRUE(started.ok()) << (started.ok() ? "" : started.error().message);
}

FakeTwilioApi::~FakeTwilioApi() {
  server_->stop();
  server_->wait();
}

std::string FakeTwilioApi::base_url() const {
  return "http://127.0.0.1:" + std::to_string(server_->port());
}

std::vector<TwilioSms> FakeTwilioApi::messages() const {
  const std::lock_guard lock(mu_);
  return messages_;
}

HttpResponse FakeTwilioApi::handle(const HttpRequest& request) {
  const Result<FormFields> form = parse_form(request.body);
  if (request.method != "POST" || !form.ok() || form->count("To") != 1) {
    return HttpResponse::json(400, {{"code", 21602}, {"message", "To and Body are required"}});
  }
  const std::lock_guard lock(mu_);
  TwilioSms sms{fmt::format("SM{:032x}", messages_.size() + 1), form->find("To")->second,
                form->count("Body") == 1 ? form->find("Body")->second : ""};
  messages_.push_back(sms);
  return HttpResponse::json(201, {{"sid", sms.sid}, {"to", sms.to}, {"status", "queued"}});
}

std::vector<std::string> sql_column(const std::string& db, const std::string& sql) {
  std::vector<std::string> out;
  sqlite3* raw = nullptr;
  const int opened = sqlite3_open_v2(db.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
  const std::unique_ptr<sqlite3, decltype(&sqlite3_close)> conn(raw, &sqlite3_close);
  if (opened != SQLITE_OK) {
    ADD_FAILURE() << "cannot open " << db << ": " << sqlite3_errmsg(raw);
    return out;
  }
  sqlite3_busy_timeout(conn.get(), 10'000);
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(conn.get(), sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << sql << ": " << sqlite3_errmsg(conn.get());
    return out;
  }
  int rc = SQLITE_ROW;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    const unsigned char* text = sqlite3_column_text(stmt, 0);
    out.emplace_back(text == nullptr ? "" : reinterpret_cast<const char*>(text));
  }
  if (rc != SQLITE_DONE) ADD_FAILURE() << sql << ": " << sqlite3_errmsg(conn.get());
  sqlite3_finalize(stmt);
  return out;
}

}  // namespace noodbel::testing_support
