// The rules of DeliveryReports (store/ports/delivery_reports.h), checked on every
// implementation.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "store/contracts/store_implementations.h"
#include "store/ports/delivery_reports.h"
#include "store/ports/outbox_queue.h"

namespace noodbel::contracts {
namespace {

template <typename Impl>
class DeliveryReportsContract : public StorePortContract<store::DeliveryReports, Impl> {
 protected:
  std::int64_t sent(const std::string& provider_id) {
    const std::int64_t id = this->enqueue("F1");
    EXPECT_EQ(
        testing_support::must(this->store().claim_outbox(Channel::kSms, this->kT0, 10)).size(), 1u);
    EXPECT_TRUE(this->store().mark_sent(id, provider_id, this->kT0).ok());
    return id;
  }
};
TYPED_TEST_SUITE(DeliveryReportsContract, StoreImplementations, ImplementationNames);

TYPED_TEST(DeliveryReportsContract, ADeliveredReportMovesTheSentRowAndAReplayIsHarmless) {
  const std::int64_t id = this->sent("tw:SM1");
  EXPECT_TRUE(this->port().mark_delivery("tw:SM1", OutboxState::kDelivered, this->kT0 + 1).ok());
  EXPECT_TRUE(this->port().mark_delivery("tw:SM1", OutboxState::kFailed, this->kT0 + 2).ok());
  EXPECT_EQ(this->state_of(id, "F1"), OutboxState::kDelivered);
}

TYPED_TEST(DeliveryReportsContract, AFailedReportMarksTheRowFailed) {
  const std::int64_t id = this->sent("kn:7");
  EXPECT_TRUE(this->port().mark_delivery("kn:7", OutboxState::kFailed, this->kT0 + 1).ok());
  EXPECT_EQ(this->state_of(id, "F1"), OutboxState::kFailed);
}

TYPED_TEST(DeliveryReportsContract, AnEarlyReportIsAppliedWhenTheSendIsRecorded) {
  EXPECT_TRUE(this->port().mark_delivery("kn:9", OutboxState::kDelivered, this->kT0).ok());
  const std::int64_t id = this->sent("kn:9");
  EXPECT_EQ(this->state_of(id, "F1"), OutboxState::kDelivered);
}

TYPED_TEST(DeliveryReportsContract, AnEarlyReportIsAppliedWhenTheSendIsRecordedWithTheNextClaim) {
  using Outcome = store::OutboxQueue::Outcome;
  EXPECT_TRUE(this->port().mark_delivery("kn:11", OutboxState::kFailed, this->kT0).ok());
  const std::int64_t id = this->enqueue("F1");
  ASSERT_EQ(testing_support::must(this->store().claim_outbox(Channel::kSms, this->kT0, 10)).size(),
            1u);
  const std::vector<Outcome> sent = {{Outcome::Kind::kSent, id, this->kT0, "kn:11", {}}};
  ASSERT_TRUE(this->store().record_and_claim(sent, Channel::kSms, this->kT0, 10).ok());
  EXPECT_EQ(this->state_of(id, "F1"), OutboxState::kFailed);
}

TYPED_TEST(DeliveryReportsContract, AStateOtherThanDeliveredOrFailedIsInvalidAndChangesNothing) {
  const std::int64_t id = this->sent("tw:SM2");
  const Status s = this->port().mark_delivery("tw:SM2", OutboxState::kPending, this->kT0);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(this->state_of(id, "F1"), OutboxState::kSent);
}

}  // namespace
}  // namespace noodbel::contracts
