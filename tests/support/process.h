// Test helpers to run the real `noodbel` binary: run to completion capturing output, or
// start in the background (serve) and stop with SIGTERM. POSIX only; for tests.
#pragma once

#include <sys/types.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace noodbel::testing_support {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `binary args…` with `input` on stdin; waits for it to exit.
RunResult run_binary(const std::string& binary, const std::vector<std::string>& args,
                     const std::string& input = "");

// A background process whose stdout and stderr go to files; killed on destruction.
class BackgroundProcess {
 public:
  BackgroundProcess(const std::string& binary, const std::vector<std::string>& args,
                    const std::string& log_dir);
  ~BackgroundProcess();
  BackgroundProcess(const BackgroundProcess&) = delete;
  BackgroundProcess& operator=(const BackgroundProcess&) = delete;

  // Waits (bounded) until stdout contains `needle`; returns the whole stdout, or "" on
  // timeout or when the process exited.
  std::string wait_for_output(const std::string& needle, int timeout_ms);
  // Waits (bounded) for the process to end by itself: its exit code (128 + signal when a
  // signal ended it), or nothing when it is still running.
  std::optional<int> wait_exit(int timeout_ms);
  // Sends SIGTERM and waits for the exit code (-1 if it had to be killed).
  int terminate(int timeout_ms);
  // Sends `signal` (SIGKILL to crash it, SIGTERM to stop it without waiting) and returns
  // at once; wait_exit() then reaps it.
  void kill(int signal);
  std::string stdout_text() const;
  std::string stderr_text() const;

 private:
  pid_t pid_ = -1;
  std::string out_path_;
  std::string err_path_;
};

// A fresh, empty folder under the test temp dir.
std::string make_temp_dir(const std::string& prefix);

// `n` different TCP ports on 127.0.0.1 that were free a moment ago (all held open until
// every one is picked, then released for the program under test to bind).
std::vector<int> free_loopback_ports(int n);

// The full path of an executable found in $PATH, or "" when there is none.
std::string find_in_path(const std::string& program);

// The whole file, or "" when it cannot be read (a log not written yet).
std::string read_text_file(const std::string& path);

// Polls a real process's observable state every 20 ms until `done` or `timeout_ms` passed;
// returns the last answer of `done`. For other processes only: in-process time is driven
// by a ManualClock.
bool wait_until(const std::function<bool()>& done, int timeout_ms = 20'000);

}  // namespace noodbel::testing_support
