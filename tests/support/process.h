// Test helpers to run the real `noodbel` binary: run to completion capturing output, or
// start in the background (serve) and stop with SIGTERM. POSIX only; for tests.
#pragma once

#include <sys/types.h>

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
  // Sends SIGTERM and waits for the exit code (-1 if it had to be killed).
  int terminate(int timeout_ms);
  std::string stdout_text() const;
  std::string stderr_text() const;

 private:
  pid_t pid_ = -1;
  std::string out_path_;
  std::string err_path_;
};

// A fresh, empty folder under the test temp dir.
std::string make_temp_dir(const std::string& prefix);

}  // namespace noodbel::testing_support
