// DeliveryReports: the port of the SMS webhooks (Twilio, Kannel) for a provider's delivery
// report. store::Store implements it. Thread-safe implementations.
#pragma once

#include <string>

#include "bot/clock.h"
#include "bot/result.h"
#include "bot/types.h"

namespace noodbel::store {

class DeliveryReports {
 public:
  virtual ~DeliveryReports() = default;

  // The report for the row the provider knows as provider_message_id: a `sent` row becomes
  // kDelivered or kFailed (failed_at = now); other rows and replays change nothing and are
  // ok. A report for an id not recorded yet is kept (in memory, the newest 1,024) and
  // applied by OutboxQueue::mark_sent. A state other than kDelivered / kFailed is an
  // Invalid Error; a storage failure is an Error and records nothing.
  virtual Status mark_delivery(const std::string& provider_message_id, OutboxState state,
                               UnixTime now) = 0;
};

}  // namespace noodbel::store
