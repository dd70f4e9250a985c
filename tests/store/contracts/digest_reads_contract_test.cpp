// The rules of DigestReads (store/ports/digest_reads.h), checked on every implementation:
// what a period's rows hold, what falls outside it, and that reading is no fallback.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "store/contracts/store_implementations.h"
#include "store/ports/digest_reads.h"

namespace noodbel::contracts {
namespace {

using ::noodbel::testing_support::must;

template <typename Impl>
class DigestReadsContract : public StorePortContract<store::DigestReads, Impl> {
 protected:
  static constexpr UnixTime kFrom = StorePortContract<store::DigestReads, Impl>::kT0;
  static constexpr UnixTime kTo = kFrom + 24 * 3600;

  void run(const std::function<void(Repository&)>& fn) {
    EXPECT_TRUE(this->store()
                    .transaction([&](Repository& repo) -> Status {
                      fn(repo);
                      return Ok();
                    })
                    .ok());
  }
  std::int64_t call_at(const std::string& code, UnixTime created,
                       CallState state = CallState::kOpen) {
    std::int64_t id = 0;
    run([&](Repository& repo) { id = repo.insert_call(sample_call(code, state, created)); });
    return id;
  }
  DigestData read() { return must(this->port().digest_data(kFrom, kTo)); }
};
TYPED_TEST_SUITE(DigestReadsContract, StoreImplementations, ImplementationNames);

TYPED_TEST(DigestReadsContract, AnEmptyDatabaseGivesEmptyRowsNotAnError) {
  const DigestData d = this->read();
  EXPECT_TRUE(d.calls.empty());
  EXPECT_TRUE(d.families.empty());
  EXPECT_TRUE(d.departures.empty());
  EXPECT_TRUE(d.messages.empty());
}

TYPED_TEST(DigestReadsContract, ACallOfThePeriodComesWithItsRecipientsAndAnswers) {
  this->run([](Repository& repo) {
    repo.upsert_family(sample_family("F1", "+32470000001"));
    repo.upsert_family(sample_family("F2", "+32470000002"));
  });
  const std::int64_t id = this->call_at("K1", this->kFrom + 60);
  this->run([&](Repository& repo) {
    repo.add_recipient({id, "F1", 3.0, 1, this->kFrom + 60});
    repo.add_recipient({id, "F2", 4.0, 1, this->kFrom + 60});
    repo.upsert_response({id, "F1", Answer::kYes, "", this->kFrom + 300, {}, {}, {}});
    repo.upsert_response({id, "F2", Answer::kNo, "", this->kFrom + 400, {}, {}, {}});
  });
  const DigestData d = this->read();
  ASSERT_EQ(d.calls.size(), 1u);
  EXPECT_EQ(d.calls[0].id, id);
  EXPECT_EQ(d.calls[0].service, "limburg");
  EXPECT_EQ(d.calls[0].created_at, this->kFrom + 60);
  EXPECT_EQ(d.calls[0].recipients, 2);
  EXPECT_EQ(d.calls[0].yes, 1);
  EXPECT_EQ(d.calls[0].no, 1);
  EXPECT_EQ(d.calls[0].first_yes_at, this->kFrom + 300);
  EXPECT_EQ(d.families.size(), 2u);
}

TYPED_TEST(DigestReadsContract, CallsOpenedAfterThePeriodOrClosedBeforeItAreLeftOut) {
  this->call_at("K-LATE", this->kTo);
  const std::int64_t old = this->call_at("K-OLD", this->kFrom - 7200);
  this->run([&](Repository& repo) {
    Call c = *repo.call_by_id(old);
    c.state = CallState::kCancelled;
    c.closed_at = this->kFrom - 3600;
    repo.update_call(c);
  });
  const std::int64_t still_open = this->call_at("K-OPEN", this->kFrom - 7200);
  const DigestData d = this->read();
  ASSERT_EQ(d.calls.size(), 1u);
  EXPECT_EQ(d.calls[0].id, still_open);
}

TYPED_TEST(DigestReadsContract, OutboxRowsAndOptOutsAreReadOnlyInsideThePeriod) {
  this->enqueue("F1", Channel::kSms, this->kFrom - 1);
  this->enqueue("F1", Channel::kSms, this->kFrom);
  this->enqueue("F1", Channel::kTelegram, this->kFrom + 30);
  this->enqueue("F1", Channel::kSms, this->kTo);
  this->run([&](Repository& repo) {
    repo.audit({this->kFrom - 1, "F0", "family.stop", ""});
    repo.audit({this->kFrom + 90, "F1", "family.stop", ""});
  });
  const DigestData d = this->read();
  int messages = 0;
  for (const DigestMessageCount& m : d.messages) messages += m.count;
  EXPECT_EQ(messages, 2);
  ASSERT_EQ(d.departures.size(), 1u);
  EXPECT_EQ(d.departures[0].family_id, "F1");
  EXPECT_EQ(d.departures[0].at, this->kFrom + 90);
}

TYPED_TEST(DigestReadsContract, ReadingChangesNothing) {
  this->enqueue("F1", Channel::kSms, this->kFrom + 10);
  this->call_at("K1", this->kFrom + 60);
  const std::int64_t calls = must(this->store().count_calls(CallState::kOpen));
  const std::size_t audit = must(this->store().audit_log(100)).size();
  (void)this->read();
  (void)this->read();
  EXPECT_EQ(must(this->store().count_calls(CallState::kOpen)), calls);
  EXPECT_EQ(must(this->store().audit_log(100)).size(), audit);
  EXPECT_EQ(must(this->store().outbox_counts()).pending, 1);
}

TYPED_TEST(DigestReadsContract, ReadingFromInsideATransactionIsAnInternalError) {
  Result<DigestData> inner = Error::Unavailable("not run");
  const Status outer = this->store().transaction([&](Repository&) -> Status {
    inner = this->port().digest_data(this->kFrom, this->kTo);
    return Ok();
  });
  EXPECT_TRUE(outer.ok());
  ASSERT_FALSE(inner.ok());
  EXPECT_EQ(inner.error().kind, ErrorKind::kInternal);
}

}  // namespace
}  // namespace noodbel::contracts
