// The rules of OutboxPort (bot/ports/outbox_port.h), checked on every implementation.
// Rows are moved on from pending as the dispatcher would, through the harness
// (implementations.h): the port itself only queues, cancels and reads.
#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bot/ports/outbox_port.h"
#include "store/contracts/implementations.h"
#include "store/contracts/sample_rows.h"

namespace noodbel::contracts {
namespace {

template <typename Impl>
class OutboxPortContract : public PortContract<OutboxPort, Impl> {
 protected:
  OutboxState state_of(std::int64_t id) { return this->impl().outbox_row(id)->state; }
};
TYPED_TEST_SUITE(OutboxPortContract, Implementations, ImplementationNames);

TYPED_TEST(OutboxPortContract, AQueuedMessageIsAPendingRowWithEveryField) {
  const std::int64_t call = this->a_call();
  OutboundMessage m = message_to("F1", Channel::kSignal, call);
  m.priority = 0;
  m.reply_to = "1700000000000";
  const std::int64_t id = this->port().enqueue(m, kT0);
  const std::optional<OutboxItem> row = this->impl().outbox_row(id);
  ASSERT_TRUE(row.has_value());
  EXPECT_EQ(row->message.recipient_id, "F1");
  EXPECT_EQ(row->message.channel, Channel::kSignal);
  EXPECT_EQ(row->message.address, m.address);
  EXPECT_EQ(row->message.text, m.text);
  EXPECT_EQ(row->message.priority, 0);
  EXPECT_EQ(row->message.call_id, call);
  EXPECT_EQ(row->message.reply_to, m.reply_to);
  EXPECT_EQ(row->state, OutboxState::kPending);
  EXPECT_EQ(row->attempts, 0);
  EXPECT_EQ(row->next_attempt_at, kT0);
  EXPECT_EQ(row->created_at, kT0);
  EXPECT_EQ(row->last_error, "");
}

TYPED_TEST(OutboxPortContract, TheSameMessageQueuedTwiceIsTwoRowsWithGrowingIds) {
  const OutboundMessage m = message_to("F1", Channel::kSms);
  const std::int64_t first = this->port().enqueue(m, kT0);
  const std::int64_t second = this->port().enqueue(m, kT0);
  EXPECT_GT(first, 0);
  EXPECT_GT(second, first);
  EXPECT_FALSE(this->impl().outbox_row(second)->message.call_id.has_value());
  EXPECT_FALSE(this->impl().outbox_row(second)->message.reply_to.has_value());
}

TYPED_TEST(OutboxPortContract, CallOfSentMessageFindsTheCallOfTheQuotedRow) {
  const std::int64_t call = this->a_call();
  const std::int64_t offer = this->port().enqueue(message_to("F1", Channel::kTelegram, call), kT0);
  const std::int64_t ack = this->port().enqueue(message_to("F1", Channel::kTelegram), kT0);
  this->impl().mark_sent(offer, "501", kT0 + 1);
  this->impl().mark_sent(ack, "502", kT0 + 1);
  EXPECT_EQ(this->port().call_of_sent_message(Channel::kTelegram, "501"), call);
  EXPECT_EQ(this->port().call_of_sent_message(Channel::kTelegram, "502"), std::nullopt);
  EXPECT_EQ(this->port().call_of_sent_message(Channel::kSms, "501"), std::nullopt);
  EXPECT_EQ(this->port().call_of_sent_message(Channel::kTelegram, "999"), std::nullopt);
}

TYPED_TEST(OutboxPortContract, CallOfSentMessagePrefersTheNewestRowWithThatProviderId) {
  const std::int64_t old_call = this->a_call("K42");
  const std::int64_t new_call = this->a_call("B17");
  const std::int64_t old_row = this->port().enqueue(message_to("F1", Channel::kSignal, old_call), kT0);
  const std::int64_t new_row = this->port().enqueue(message_to("F2", Channel::kSignal, new_call), kT0);
  this->impl().mark_sent(new_row, "7", kT0 + 1);
  this->impl().mark_sent(old_row, "7", kT0 + 2);
  EXPECT_EQ(this->port().call_of_sent_message(Channel::kSignal, "7"), new_call);
}

TYPED_TEST(OutboxPortContract, CancelPendingForFailsOnlyThatPersonsPendingRows) {
  const std::int64_t pending = this->port().enqueue(message_to("F1", Channel::kSms), kT0);
  const std::int64_t later = this->port().enqueue(message_to("F1", Channel::kTelegram), kT0);
  const std::int64_t sent = this->port().enqueue(message_to("F1", Channel::kSms), kT0);
  const std::int64_t other = this->port().enqueue(message_to("F2", Channel::kSms), kT0);
  this->impl().mark_sent(sent, "s1", kT0 + 1);
  EXPECT_EQ(this->port().cancel_pending_for("F1", "cancelled: family opted out", kT0 + 5), 2);
  EXPECT_EQ(this->state_of(pending), OutboxState::kFailed);
  EXPECT_EQ(this->state_of(later), OutboxState::kFailed);
  EXPECT_EQ(this->impl().outbox_row(pending)->last_error, "cancelled: family opted out");
  EXPECT_EQ(this->state_of(sent), OutboxState::kSent);
  EXPECT_EQ(this->impl().outbox_row(sent)->last_error, "");
  EXPECT_EQ(this->state_of(other), OutboxState::kPending);
  EXPECT_EQ(this->port().cancel_pending_for("F1", "again", kT0 + 6), 0);
  EXPECT_EQ(this->impl().outbox_row(pending)->last_error, "cancelled: family opted out");
  EXPECT_EQ(this->port().cancel_pending_for("F9", "nobody", kT0 + 6), 0);
}

TYPED_TEST(OutboxPortContract, DeliveredRecipientsAreThoseWithADeliveredRowAboutTheCallOnce) {
  const std::int64_t call = this->a_call("K42");
  const std::int64_t other = this->a_call("B17");
  const auto delivered = [&](const std::string& to, std::int64_t about) {
    const std::int64_t id = this->port().enqueue(message_to(to, Channel::kSms, about), kT0);
    this->impl().mark_sent(id, "p" + std::to_string(id), kT0 + 1);
    this->impl().mark_delivered(id);
  };
  delivered("F3", call);
  delivered("F1", call);
  delivered("F1", call);
  delivered("F4", other);
  const std::int64_t sent = this->port().enqueue(message_to("F2", Channel::kSms, call), kT0);
  this->impl().mark_sent(sent, "s2", kT0 + 1);
  this->port().enqueue(message_to("F5", Channel::kSms, call), kT0);
  EXPECT_EQ(this->port().delivered_recipients(call), (std::vector<std::string>{"F1", "F3"}));
  EXPECT_TRUE(this->port().delivered_recipients(call + other + 100).empty());
}

TYPED_TEST(OutboxPortContract, DeliveryStatusesShowTheNewestRowPerRecipientOfThatCall) {
  const std::int64_t call = this->a_call("K42");
  const std::int64_t other = this->a_call("B17");
  const std::int64_t sms = this->port().enqueue(message_to("F2", Channel::kSms, call), kT0);
  this->impl().mark_sent(sms, "s1", kT0 + 3);
  this->port().enqueue(message_to("F1", Channel::kSms, call), kT0);
  this->port().cancel_pending_for("F1", "permanent: unsubscribed", kT0 + 1);
  this->port().enqueue(message_to("F1", Channel::kTelegram, call), kT0 + 2);  // the failover
  this->port().enqueue(message_to("F3", Channel::kSms, other), kT0);
  this->port().enqueue(message_to("F3", Channel::kSms), kT0);
  const std::vector<DeliveryStatus> statuses = this->port().delivery_statuses(call);
  ASSERT_EQ(statuses.size(), 2u);
  EXPECT_EQ(statuses[0].recipient_id, "F1");
  EXPECT_EQ(statuses[0].channel, Channel::kTelegram);
  EXPECT_EQ(statuses[0].state, OutboxState::kPending);
  EXPECT_EQ(statuses[0].at, kT0 + 2);  // queued
  EXPECT_EQ(statuses[1].recipient_id, "F2");
  EXPECT_EQ(statuses[1].channel, Channel::kSms);
  EXPECT_EQ(statuses[1].state, OutboxState::kSent);
  EXPECT_EQ(statuses[1].at, kT0 + 3);  // sent
  EXPECT_TRUE(this->port().delivery_statuses(call + other + 100).empty());
}

TYPED_TEST(OutboxPortContract, ACancelledRowReportsItsErrorAndWhenItFailed) {
  const std::int64_t call = this->a_call();
  this->port().enqueue(message_to("F1", Channel::kSms, call), kT0);
  this->port().cancel_pending_for("F1", "cancelled: family opted out", kT0 + 30);
  const std::vector<DeliveryStatus> statuses = this->port().delivery_statuses(call);
  ASSERT_EQ(statuses.size(), 1u);
  EXPECT_EQ(statuses[0].state, OutboxState::kFailed);
  EXPECT_EQ(statuses[0].last_error, "cancelled: family opted out");
  EXPECT_EQ(statuses[0].at, kT0 + 30);
}

}  // namespace
}  // namespace noodbel::contracts
