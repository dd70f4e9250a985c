// DigestSender: sends the daily digests due now, recording each (date, service) run in the
// transaction that queues its texts, so a restart never sends one twice. Called by the
// Service scheduler tick only: not thread-safe.
#pragma once

#include <string>

#include "adapters/config/config.h"
#include "adapters/web/digest_source.h"
#include "bot/clock.h"
#include "bot/links.h"
#include "bot/templates.h"
#include "store/ports/unit_of_work.h"

namespace noodbel {

// What one run_due() did, for metrics (noodbel_digest_runs_total{result}) and logs.
struct DigestRunReport {
  int sent = 0;      // (date, service) runs recorded, their messages queued
  int skipped = 0;   // runs found already recorded (another process got there first)
  int failed = 0;    // runs that could not be built or stored; retried next tick
  int messages = 0;  // supervisor messages queued
};

class DigestSender {
 public:
  // All references must outlive the DigestSender.
  DigestSender(const Config& config, const Templates& templates, const DigestSource& source,
               store::UnitOfWork& store, const Clock& clock, const Links& links);

  // Sends every digest due now. A supervisor's scope is their own service: they get the
  // text of their service's figures and a link to its page (their service first, the
  // Flanders-wide figures after). A service without supervisors is recorded too, so it is
  // not retried.
  DigestRunReport run_due();

 private:
  enum class Outcome { kSent, kSkipped, kFailed };
  struct Sent {
    Outcome outcome = Outcome::kFailed;
    int messages = 0;
  };
  Sent send(LocalDate date, const std::string& service);

  const Config& config_;
  const Templates& templates_;
  const DigestSource& source_;
  store::UnitOfWork& store_;
  const Clock& clock_;
  const Links& links_;
};

}  // namespace noodbel
