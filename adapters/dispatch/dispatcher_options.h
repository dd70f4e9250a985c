// DispatcherOptions: how the Dispatcher retries, fails over and paces each channel (the
// composition root fills them from the Config: adapters/app/dispatcher_config.h). Plain values.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>

#include "adapters/dispatch/token_bucket.h"
#include "bot/types.h"

namespace noodbel {

struct DispatcherOptions {
  int batch_size = 50;                        // rows claimed per round, at most
  int max_attempts = 8;                       // then a temporary failure becomes final
  int failover_after_attempts = 3;            // temporary failures before the next contact; 0: never
  std::int64_t backoff_base_seconds = 5;      // first retry delay, doubled per attempt
  std::int64_t backoff_cap_seconds = 15 * 60;
  int backoff_jitter_percent = 0;             // a retry comes up to this share earlier
  std::int64_t max_retry_after_seconds = 24 * 3600;  // a provider hint is capped here
  std::chrono::milliseconds poll_interval{1000};     // workers look at least this often
  // A round's last outcome waits this long for the next claim to be written with it, then
  // is written alone (the row shows `sending` until then; see dispatcher.h).
  std::chrono::milliseconds record_within{50};
  // A claimed row no worker holds any more (a lost claim) goes back to pending once it was
  // claimed this long ago (OutboxQueue::release_expired_leases); 0: never while running.
  std::int64_t lease_seconds = 300;
  std::int64_t lease_check_seconds = 30;      // each worker looks for expired leases this often
  std::map<Channel, ChannelRate> rates;       // a channel not listed is unlimited
  // A row of a listed channel is claimed only this many seconds after it is due (slash: the
  // HTTP response of the command takes its replies first); a channel not listed: at once.
  std::map<Channel, std::int64_t> claim_delay_seconds;
  // The rate limits' clock in milliseconds; empty: std::chrono::steady_clock. Tests derive
  // it from a ManualClock.
  std::function<RateMillis()> rate_now;
};

}  // namespace noodbel
