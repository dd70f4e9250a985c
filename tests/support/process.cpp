#include "support/process.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <sstream>
#include <thread>

namespace noodbel::testing_support {
namespace {

std::vector<char*> argv_of(const std::string& binary, const std::vector<std::string>& args) {
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(binary.c_str()));
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  return argv;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

std::string make_temp_dir(const std::string& prefix) {
  static std::atomic<int> counter{0};
  const auto base = std::filesystem::temp_directory_path() /
                    (prefix + "-" + std::to_string(::getpid()) + "-" +
                     std::to_string(counter.fetch_add(1)));
  std::filesystem::remove_all(base);
  std::filesystem::create_directories(base);
  return base.string();
}

RunResult run_binary(const std::string& binary, const std::vector<std::string>& args,
                     const std::string& input) {
  const std::string dir = make_temp_dir("noodbel-run");
  const std::string in_path = dir + "/in", out_path = dir + "/out", err_path = dir + "/err";
  { std::ofstream(in_path, std::ios::binary) << input; }
  auto argv = argv_of(binary, args);
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int in = ::open(in_path.c_str(), O_RDONLY);
    const int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ::dup2(in, 0);
    ::dup2(out, 1);
    ::dup2(err, 2);
    ::execv(binary.c_str(), argv.data());
    std::_Exit(127);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = slurp(out_path);
  r.err = slurp(err_path);
  std::filesystem::remove_all(dir);
  return r;
}

BackgroundProcess::BackgroundProcess(const std::string& binary,
                                     const std::vector<std::string>& args,
                                     const std::string& log_dir)
    : out_path_(log_dir + "/stdout.log"), err_path_(log_dir + "/stderr.log") {
  auto argv = argv_of(binary, args);
  pid_ = ::fork();
  if (pid_ == 0) {
    const int in = ::open("/dev/null", O_RDONLY);
    const int out = ::open(out_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int err = ::open(err_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ::dup2(in, 0);
    ::dup2(out, 1);
    ::dup2(err, 2);
    ::execv(binary.c_str(), argv.data());
    std::_Exit(127);
  }
}

BackgroundProcess::~BackgroundProcess() {
  if (pid_ > 0) terminate(5000);
}

std::string BackgroundProcess::wait_for_output(const std::string& needle, int timeout_ms) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (std::chrono::steady_clock::now() < deadline) {
    std::string out = slurp(out_path_);
    if (out.find(needle) != std::string::npos) return out;
    int status = 0;
    if (pid_ > 0 && ::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return "";
    }
    // Polling a real process's output file; bounded by the deadline above.
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return "";
}

std::optional<int> BackgroundProcess::wait_exit(int timeout_ms) {
  if (pid_ <= 0) return std::nullopt;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  int status = 0;
  do {
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  } while (std::chrono::steady_clock::now() < deadline);
  return std::nullopt;
}

int BackgroundProcess::terminate(int timeout_ms) {
  if (pid_ <= 0) return -1;
  ::kill(pid_, SIGTERM);
  if (const std::optional<int> code = wait_exit(timeout_ms)) return *code;
  int status = 0;
  ::kill(pid_, SIGKILL);
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
  return -1;
}

void BackgroundProcess::kill(int signal) {
  if (pid_ > 0) ::kill(pid_, signal);
}

std::string BackgroundProcess::stdout_text() const { return slurp(out_path_); }
std::string BackgroundProcess::stderr_text() const { return slurp(err_path_); }

namespace {

// The lowest port of the kernel's ephemeral range (outgoing connections take their local
// ports from it); 32768 when it cannot be read.
int ephemeral_low() {
  std::ifstream range("/proc/sys/net/ipv4/ip_local_port_range");
  int low = 0;
  return (range >> low) && low > 11000 ? low : 32768;
}

bool can_bind(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return false;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  const bool ok = ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  ::close(fd);
  return ok;
}

}  // namespace

// Ports below the ephemeral range: a port the kernel handed out as ephemeral can be taken
// again by any test's outgoing connection before the program under test listens on it
// (seen on CI: "bind failed: Address already in use"). Random, so parallel tests rarely
// pick the same one, and checked free when picked.
std::vector<int> free_loopback_ports(int n) {
  static std::mt19937 random(std::random_device{}());
  const int low = 10000;
  const int high = ephemeral_low() - 1;
  std::uniform_int_distribution<int> pick(low, high);
  std::vector<int> ports;
  for (int tries = 0; static_cast<int>(ports.size()) < n && tries < 10000; ++tries) {
    const int port = pick(random);
    if (std::find(ports.begin(), ports.end(), port) != ports.end()) continue;
    if (can_bind(port)) ports.push_back(port);
  }
  while (static_cast<int>(ports.size()) < n) ports.push_back(0);  // the program then says why
  return ports;
}

std::string find_in_path(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path != nullptr ? path : "/usr/bin:/usr/local/bin");
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    const std::string candidate = dir + "/" + program;
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return {};
}

std::string read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

bool wait_until(const std::function<bool()>& done, int timeout_ms) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));  // bounded poll of a process
  }
  return done();
}

}  // namespace noodbel::testing_support
