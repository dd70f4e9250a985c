#include "adapters/app/dispatcher_config.h"

#include "adapters/slash/slash_sender.h"

namespace noodbel {

DispatcherOptions dispatcher_options(const Config& config) {
  DispatcherOptions o;
  const DispatchConfig& d = config.dispatch;
  o.max_attempts = d.max_attempts;
  o.failover_after_attempts = d.failover_after_attempts;
  o.backoff_base_seconds = d.backoff_base_seconds;
  o.backoff_cap_seconds = d.backoff_cap_seconds;
  o.backoff_jitter_percent = d.backoff_jitter_percent;
  o.lease_seconds = d.lease_seconds;
  o.rates[Channel::kTelegram] = {static_cast<double>(config.telegram.messages_per_second),
                                 static_cast<double>(config.telegram.per_chat_messages_per_second)};
  o.rates[Channel::kSms] = {static_cast<double>(config.sms.messages_per_second), 0};
  o.rates[Channel::kSignal] = {static_cast<double>(config.signal.messages_per_second), 0};
  o.rates[Channel::kSlash] = {static_cast<double>(config.slash.messages_per_second), 0};
  o.claim_delay_seconds[Channel::kSlash] = kSlashHoldSeconds;
  return o;
}

}  // namespace noodbel
