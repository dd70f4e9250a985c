// A sent SMS outbox row and its state, for the delivery-report tests of the SMS providers
// (Twilio, Kannel) against a real store. Test-only.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "store/store.h"
#include "support/store/must.h"

namespace noodbel::testing_support {

// Enqueues a text to family F1 (+32470000001), claims it and marks it sent as `provider_id`.
inline std::int64_t sent_sms_row(store::Store& store, const std::string& provider_id,
                                 UnixTime now) {
  std::int64_t id = 0;
  EXPECT_TRUE(
      store
          .transaction([&](Repository& repo) -> Status {
            id = repo.enqueue({"F1", Channel::kSms, "+32470000001", "hallo", 5, {}, {}}, now);
            return Ok();
          })
          .ok());
  EXPECT_EQ(must(store.claim_outbox(Channel::kSms, now, 10)).size(), 1u);
  EXPECT_TRUE(store.mark_sent(id, provider_id, now).ok());
  return id;
}

// The state of F1's row `id`; a missing row fails the test.
inline OutboxState sms_row_state(store::Store& store, std::int64_t id) {
  for (const OutboxItem& item : must(store.outbox_for("F1", 10))) {
    if (item.id == id) return item.state;
  }
  ADD_FAILURE() << "no row " << id;
  return OutboxState::kPending;
}

}  // namespace noodbel::testing_support
