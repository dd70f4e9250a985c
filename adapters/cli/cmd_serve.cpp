// `noodbel serve`: runs the Service until SIGTERM or SIGINT, then stops it gracefully.
#include <signal.h>

#include <iostream>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "adapters/app/service.h"
#include "adapters/cli/cmd_common.h"
#include "adapters/cli/commands.h"

namespace noodbel::cli {

int cmd_serve(const CommonOptions& o) {
  auto config = config_or_report(o);
  if (!config) return kExitUsage;
  // Block the stop signals before any thread starts, so only sigwait below sees them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  auto ctx = context_or_report(*config);
  if (!ctx) return kExitRefused;
  Service service(*ctx);
  if (Status s = service.start(); !s.ok()) {
    report(s.error());
    return kExitRefused;
  }
  const std::string base = fmt::format("http://{}:{}", config->http.address, service.port());
  std::cout << "noodbel is serving on " << base << "\n";
  if (config->core.sandbox.enabled) std::cout << "sandbox: " << base << "/sandbox\n";
  std::cout << std::flush;

  int signal_number = 0;
  sigwait(&signals, &signal_number);
  spdlog::info("event=serve.stopping signal={}", signal_number == SIGTERM ? "SIGTERM" : "SIGINT");
  service.stop();
  return kExitOk;
}

}  // namespace noodbel::cli
