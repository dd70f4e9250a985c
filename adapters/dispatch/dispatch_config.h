// DispatchConfig: the [dispatch] settings of adapters/dispatch/. A plain struct, loaded by
// adapters/config.
#pragma once

namespace noodbel {

// The outbox dispatcher (adapters/dispatch/): retries with backoff, and failover to the
// person's next contact. Send rates come from [telegram], [sms] and [signal].
struct DispatchConfig {
  int failover_after_attempts = 3;  // temporary failures before the next contact gets it
  int max_attempts = 8;             // without a next contact, then a temporary failure is final
  int backoff_base_seconds = 5;     // first retry delay, doubled per attempt
  int backoff_cap_seconds = 900;    // longest retry delay
  int backoff_jitter_percent = 20;  // a retry comes up to this share earlier, spread per row
  // A row claimed for sending this long ago and still not recorded (a lost claim) goes back
  // to pending while the service runs. 5 minutes: far longer than the longest send (HTTP
  // connect 5 s + write 15 s + read 15 s, adapters/http/client.h), so a slow send is never
  // taken for a lost one, yet a lost claim waits minutes, not until a restart.
  int lease_seconds = 300;
};

}  // namespace noodbel
