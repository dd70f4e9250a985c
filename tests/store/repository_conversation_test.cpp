// The Repository methods of the family conversation (quoted messages, recent calls,
// cancelling a family's pending messages, rate-limit counters), run against both the
// SQLite store and the in-memory fake so the two stay faithful to each other.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "store/migrations.h"
#include "store/sqlite.h"
#include "store/sqlite_repository.h"
#include "support/memory_repository.h"

namespace noodbel {
namespace {

constexpr UnixTime kT0 = 1'763'974'800;

// A repository under test plus what only the test needs: marking a row sent and
// reading rows back, which the Repository port does not offer.
class Fixture {
 public:
  virtual ~Fixture() = default;
  virtual Repository& repo() = 0;
  virtual void mark_sent(std::int64_t outbox_id, const std::string& provider_id) = 0;
  virtual std::string state_of(std::int64_t outbox_id) = 0;
  virtual std::string last_error_of(std::int64_t outbox_id) = 0;
};

class SqliteFixture final : public Fixture {
 public:
  SqliteFixture() : db_(":memory:") {
    store::apply_migrations(db_);
    tx_ = std::make_unique<store::Transaction>(db_);
    repo_ = std::make_unique<store::SqliteRepository>(db_);
  }
  Repository& repo() override { return *repo_; }
  void mark_sent(std::int64_t id, const std::string& provider_id) override {
    db_.query("UPDATE outbox SET state = 'sent', provider_message_id = ?2 WHERE id = ?1")
        ->bind_all(id, provider_id)
        .run();
  }
  std::string state_of(std::int64_t id) override { return column("state", id); }
  std::string last_error_of(std::int64_t id) override { return column("last_error", id); }

 private:
  std::string column(const std::string& name, std::int64_t id) {
    const std::string sql = "SELECT " + name + " FROM outbox WHERE id = ?1";
    store::Query q = db_.query(sql.c_str());
    q->bind_all(id);
    return q->step() ? q->text(0) : "";
  }
  store::Database db_;
  std::unique_ptr<store::Transaction> tx_;
  std::unique_ptr<store::SqliteRepository> repo_;
};

class MemoryFixture final : public Fixture {
 public:
  Repository& repo() override { return repo_; }
  void mark_sent(std::int64_t id, const std::string& provider_id) override {
    repo_.mark_sent(id, provider_id);
  }
  std::string state_of(std::int64_t id) override {
    const OutboxItem* item = find(id);
    return item ? std::string(to_string(item->state)) : "";
  }
  std::string last_error_of(std::int64_t id) override {
    const OutboxItem* item = find(id);
    return item ? item->last_error : "";
  }

 private:
  const OutboxItem* find(std::int64_t id) const {
    for (const OutboxItem& item : repo_.outbox) {
      if (item.id == id) return &item;
    }
    return nullptr;
  }
  MemoryRepository repo_;
};

Call sample_call(const std::string& code, CallState state = CallState::kOpen) {
  Call c;
  c.code = code;
  c.service = "limburg";
  c.caseworker_id = "C001";
  c.ages_months = {48};
  c.postcode = "3500";
  c.place = "Hasselt";
  c.languages = {Language::kNl};
  c.duration_hours = 24;
  c.needed_from = kT0;
  c.state = state;
  c.created_at = kT0;
  return c;
}

OutboundMessage message_to(const std::string& recipient, Channel channel,
                           std::optional<std::int64_t> call_id = std::nullopt) {
  OutboundMessage m;
  m.recipient_id = recipient;
  m.channel = channel;
  m.address = "+32470000001";
  m.text = "text";
  m.call_id = call_id;
  return m;
}

using Make = std::unique_ptr<Fixture> (*)();

class RepositoryConversation : public ::testing::TestWithParam<Make> {
 protected:
  RepositoryConversation() : fixture_(GetParam()()), repo_(fixture_->repo()) {}
  std::unique_ptr<Fixture> fixture_;
  Repository& repo_;
};

TEST_P(RepositoryConversation, CallOfSentMessageFindsTheCallOfTheQuotedRow) {
  const std::int64_t call = repo_.insert_call(sample_call("K42"));
  const std::int64_t offer = repo_.enqueue(message_to("F1", Channel::kTelegram, call), kT0);
  const std::int64_t ack = repo_.enqueue(message_to("F1", Channel::kTelegram), kT0);
  fixture_->mark_sent(offer, "501");
  fixture_->mark_sent(ack, "502");
  EXPECT_EQ(repo_.call_of_sent_message(Channel::kTelegram, "501"), call);
  EXPECT_EQ(repo_.call_of_sent_message(Channel::kTelegram, "502"), std::nullopt);
  EXPECT_EQ(repo_.call_of_sent_message(Channel::kSms, "501"), std::nullopt);
  EXPECT_EQ(repo_.call_of_sent_message(Channel::kTelegram, "999"), std::nullopt);
}

TEST_P(RepositoryConversation, CallOfSentMessagePrefersTheNewestRowWithThatProviderId) {
  const std::int64_t old_call = repo_.insert_call(sample_call("K42"));
  const std::int64_t new_call = repo_.insert_call(sample_call("B17"));
  fixture_->mark_sent(repo_.enqueue(message_to("F1", Channel::kSignal, old_call), kT0), "7");
  fixture_->mark_sent(repo_.enqueue(message_to("F2", Channel::kSignal, new_call), kT0), "7");
  EXPECT_EQ(repo_.call_of_sent_message(Channel::kSignal, "7"), new_call);
}

TEST_P(RepositoryConversation, RecentCallsForFamilyAreAnyStateSentSinceNewestFirst) {
  const std::int64_t old_call = repo_.insert_call(sample_call("A10", CallState::kMatched));
  const std::int64_t closed = repo_.insert_call(sample_call("B11", CallState::kClosed));
  const std::int64_t open = repo_.insert_call(sample_call("C12"));
  const std::int64_t other = repo_.insert_call(sample_call("D13"));
  repo_.add_recipient({old_call, "F1", 3, 1, kT0 - 3 * 86400});
  repo_.add_recipient({closed, "F1", 3, 1, kT0 + 100});
  repo_.add_recipient({open, "F1", 3, 1, kT0 + 50});
  repo_.add_recipient({other, "F2", 3, 1, kT0 + 60});
  const std::vector<Call> recent = repo_.recent_calls_for_family("F1", kT0 - 2 * 86400);
  ASSERT_EQ(recent.size(), 2u);
  EXPECT_EQ(recent[0].code, "B11");
  EXPECT_EQ(recent[0].state, CallState::kClosed);
  EXPECT_EQ(recent[1].code, "C12");
  EXPECT_TRUE(repo_.recent_calls_for_family("F9", 0).empty());
}

TEST_P(RepositoryConversation, CancelPendingForFailsOnlyThatPersonsPendingRows) {
  const std::int64_t pending = repo_.enqueue(message_to("F1", Channel::kSms), kT0);
  const std::int64_t sent = repo_.enqueue(message_to("F1", Channel::kSms), kT0);
  const std::int64_t other = repo_.enqueue(message_to("F2", Channel::kSms), kT0);
  fixture_->mark_sent(sent, "s1");
  EXPECT_EQ(repo_.cancel_pending_for("F1", "cancelled: family opted out", kT0 + 5), 1);
  EXPECT_EQ(fixture_->state_of(pending), "failed");
  EXPECT_EQ(fixture_->last_error_of(pending), "cancelled: family opted out");
  EXPECT_EQ(fixture_->state_of(sent), "sent");
  EXPECT_EQ(fixture_->state_of(other), "pending");
  EXPECT_EQ(repo_.cancel_pending_for("F1", "again", kT0 + 6), 0);
}

TEST_P(RepositoryConversation, CountMessageCountsPerPersonAndStartsOverInANewWindow) {
  EXPECT_EQ(repo_.count_message("F1", kT0), 1);
  EXPECT_EQ(repo_.count_message("F1", kT0), 2);
  EXPECT_EQ(repo_.count_message("F2", kT0), 1);
  EXPECT_EQ(repo_.count_message("F1", kT0 + 60), 1);
  EXPECT_EQ(repo_.count_message("F1", kT0 + 60), 2);
}

TEST_P(RepositoryConversation, CountUnknownSenderRunsAWindowFromTheFirstMessage) {
  constexpr std::int64_t kDay = 86400;
  EXPECT_EQ(repo_.count_unknown_sender(Channel::kSms, "abc", kT0, kDay), 1);
  EXPECT_EQ(repo_.count_unknown_sender(Channel::kSms, "abc", kT0 + kDay - 1, kDay), 2);
  EXPECT_EQ(repo_.count_unknown_sender(Channel::kTelegram, "abc", kT0 + 10, kDay), 1);
  EXPECT_EQ(repo_.count_unknown_sender(Channel::kSms, "def", kT0 + 10, kDay), 1);
  EXPECT_EQ(repo_.count_unknown_sender(Channel::kSms, "abc", kT0 + kDay, kDay), 1);
  EXPECT_EQ(repo_.count_unknown_sender(Channel::kSms, "abc", kT0 + kDay + 5, kDay), 2);
}

TEST_P(RepositoryConversation, DeliveryStatusesShowTheNewestRowPerRecipientOfThatCall) {
  const std::int64_t call = repo_.insert_call(sample_call("K42"));
  const std::int64_t other = repo_.insert_call(sample_call("B17"));
  const std::int64_t sms = repo_.enqueue(message_to("F2", Channel::kSms, call), kT0);
  fixture_->mark_sent(sms, "s1");
  repo_.enqueue(message_to("F1", Channel::kSms, call), kT0);
  repo_.cancel_pending_for("F1", "permanent: unsubscribed", kT0 + 1);
  repo_.enqueue(message_to("F1", Channel::kTelegram, call), kT0 + 2);  // the failover
  repo_.enqueue(message_to("F3", Channel::kSms, other), kT0);
  repo_.enqueue(message_to("F3", Channel::kSms), kT0);
  const std::vector<DeliveryStatus> statuses = repo_.delivery_statuses(call);
  ASSERT_EQ(statuses.size(), 2u);
  EXPECT_EQ(statuses[0].recipient_id, "F1");
  EXPECT_EQ(statuses[0].channel, Channel::kTelegram);
  EXPECT_EQ(statuses[0].state, OutboxState::kPending);
  EXPECT_EQ(statuses[1].recipient_id, "F2");
  EXPECT_EQ(statuses[1].channel, Channel::kSms);
  EXPECT_EQ(statuses[1].state, OutboxState::kSent);
  EXPECT_TRUE(repo_.delivery_statuses(call + 100).empty());
}

INSTANTIATE_TEST_SUITE_P(
    Sqlite, RepositoryConversation,
    ::testing::Values<Make>([]() -> std::unique_ptr<Fixture> {
      return std::make_unique<SqliteFixture>();
    }));
INSTANTIATE_TEST_SUITE_P(
    Memory, RepositoryConversation,
    ::testing::Values<Make>([]() -> std::unique_ptr<Fixture> {
      return std::make_unique<MemoryFixture>();
    }));

TEST(RepositoryConversationSchema, UnknownSendersHaveNoAddressColumn) {
  store::Database db(":memory:");
  store::apply_migrations(db);
  store::Query q = db.query("SELECT name FROM pragma_table_info('unknown_senders')");
  std::vector<std::string> columns;
  while (q->step()) columns.push_back(q->text(0));
  EXPECT_EQ(columns,
            (std::vector<std::string>{"channel", "address_hash", "window_start", "count"}));
}

}  // namespace
}  // namespace noodbel
