// SignalConfig: the [signal] settings of adapters/signal/. A plain struct, loaded by
// adapters/config.
#pragma once

#include <string>

namespace noodbel {

// Signal through a signal-cli daemon in HTTP mode (adapters/signal/), run next to Noodbel:
// `signal-cli -a ACCOUNT daemon --http 127.0.0.1:8081`. Plain HTTP on loopback only.
struct SignalConfig {
  bool enabled = false;
  std::string account;                            // the bot's own number, E.164 ("+3247...")
  std::string rpc_url = "http://127.0.0.1:8081";  // base URL of the daemon's HTTP endpoint
  int messages_per_second = 1;                    // conservative: Signal rate-limits new bots
  int reconnect_min_seconds = 1;                  // event stream reconnect backoff, doubling
  int reconnect_max_seconds = 60;                 // up to this
};

}  // namespace noodbel
