#include "store/sqlite_repository.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "store/contracts/sample_rows.h"
#include "store/migrations.h"
#include "store/sqlite.h"
#include "support/store/wall_clock.h"

namespace noodbel::store {
namespace {

Family sample_family(const std::string& id) {
  Family f;
  f.id = id;
  f.service = "oost-vlaanderen";
  f.display_name = "Familie " + id;
  f.contacts = {{Channel::kTelegram, "123456789"}, {Channel::kSms, "+32470" + id.substr(1)}};
  f.postcode = "9000";
  f.home = {51.05, 3.72};
  f.max_distance_km = 40;
  f.min_age_months = 0;
  f.max_age_months = 72;
  f.max_children = 2;
  f.languages = {Language::kNl, Language::kFr};
  f.availability = {{4, 1080, 1440}, {0, 0, 480}};
  f.paused_until = std::nullopt;
  f.opted_in = true;
  f.preferred_language = Language::kFr;
  return f;
}

Caseworker sample_caseworker(const std::string& id) {
  Caseworker c;
  c.id = id;
  c.service = "limburg";
  c.name = "Consulent " + id;
  c.contacts = {{Channel::kSignal, "+32470999" + id.substr(1)}, {Channel::kSlash, "U" + id}};
  c.role = Role::kSupervisor;
  c.language = Language::kEn;
  return c;
}

// The contracts' sample call, urgent and with a wave size (columns added by migrations).
Call sample_call(const std::string& code, UnixTime created_at) {
  Call c = contracts::sample_call(code, CallState::kOpen, created_at);
  c.urgent = true;
  c.wave_size = 5;
  return c;
}

using contracts::expect_same_call;
using contracts::expect_same_family;

class SqliteRepositoryTest : public ::testing::Test {
 protected:
  SqliteRepositoryTest() : db_(":memory:") {
    apply_migrations(db_);
    tx_ = std::make_unique<Transaction>(db_);
    repo_ = std::make_unique<SqliteRepository>(db_, ::noodbel::testing_support::wall_clock());
  }

  std::int64_t count(const char* sql) {
    Query q = db_.query(sql);
    q->step();
    return q->int64(0);
  }

  Database db_;
  std::unique_ptr<Transaction> tx_;
  std::unique_ptr<SqliteRepository> repo_;
};

TEST(SqliteRepository, RefusesADatabaseWithoutAnOpenTransaction) {
  Database db(":memory:");
  EXPECT_THROW((SqliteRepository{db, ::noodbel::testing_support::wall_clock()}), StoreError);
}

TEST_F(SqliteRepositoryTest, FamilyRoundTripsWithContactOrderAndAvailability) {
  const Family f = sample_family("F0012");
  repo_->upsert_family(f);
  const auto back = repo_->family("F0012");
  ASSERT_TRUE(back.has_value());
  expect_same_family(*back, f);
  EXPECT_EQ(back->contacts.front().channel, Channel::kTelegram);
}

TEST_F(SqliteRepositoryTest, FamilyPausedUntilAndOptOutRoundTrip) {
  Family f = sample_family("F0001");
  f.paused_until = 1'800'000'000;
  f.opted_in = false;
  f.availability.clear();
  f.languages.clear();
  repo_->upsert_family(f);
  const auto back = repo_->family("F0001");
  ASSERT_TRUE(back.has_value());
  expect_same_family(*back, f);
}

TEST_F(SqliteRepositoryTest, UpsertFamilyReplacesContactsAndAvailability) {
  Family f = sample_family("F0001");
  repo_->upsert_family(f);
  f.contacts = {{Channel::kSignal, "+32470000001"}};
  f.availability = {{6, 600, 720}};
  f.display_name = "Renamed";
  f.paused_until = 42;
  repo_->upsert_family(f);
  const auto back = repo_->family("F0001");
  ASSERT_TRUE(back.has_value());
  expect_same_family(*back, f);
  EXPECT_EQ(count("SELECT COUNT(*) FROM family_contacts"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM family_availability"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM families"), 1);
}

TEST_F(SqliteRepositoryTest, UnknownFamilyIsEmpty) {
  EXPECT_FALSE(repo_->family("F9999").has_value());
  EXPECT_FALSE(repo_->caseworker("C999").has_value());
}

TEST_F(SqliteRepositoryTest, FamiliesAreOrderedByIdWithTheirOwnContacts) {
  Family b = sample_family("F0002");
  b.contacts = {{Channel::kSms, "+32470000002"}};
  b.availability = {};
  repo_->upsert_family(b);
  repo_->upsert_family(sample_family("F0001"));
  repo_->upsert_family(sample_family("F0003"));
  const auto all = repo_->families();
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].id, "F0001");
  EXPECT_EQ(all[1].id, "F0002");
  EXPECT_EQ(all[2].id, "F0003");
  expect_same_family(all[0], sample_family("F0001"));
  expect_same_family(all[1], b);
  expect_same_family(all[2], sample_family("F0003"));
}

TEST_F(SqliteRepositoryTest, CaseworkerRoundTripsAndContactsAreReplaced) {
  Caseworker c = sample_caseworker("C002");
  repo_->upsert_caseworker(c);
  repo_->upsert_caseworker(sample_caseworker("C001"));
  auto back = repo_->caseworker("C002");
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->service, c.service);
  EXPECT_EQ(back->name, c.name);
  EXPECT_EQ(back->contacts, c.contacts);
  EXPECT_EQ(back->role, Role::kSupervisor);
  EXPECT_EQ(back->language, Language::kEn);

  c.contacts = {{Channel::kTelegram, "555"}};
  c.role = Role::kCaseworker;
  repo_->upsert_caseworker(c);
  back = repo_->caseworker("C002");
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->contacts, c.contacts);
  EXPECT_EQ(back->role, Role::kCaseworker);

  const auto all = repo_->caseworkers();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].id, "C001");
  EXPECT_EQ(all[0].contacts, sample_caseworker("C001").contacts);
  EXPECT_EQ(all[1].id, "C002");
}

TEST_F(SqliteRepositoryTest, SenderByContactFindsFamiliesAndCaseworkersPerChannel) {
  repo_->upsert_family(sample_family("F0007"));  // sms +324700007, telegram 123456789
  repo_->upsert_caseworker(sample_caseworker("C001"));  // signal +32470999001, slash UC001

  const Sender sms = repo_->sender_by_contact(Channel::kSms, "+324700007");
  EXPECT_EQ(sms.kind, Sender::Kind::kFamily);
  EXPECT_EQ(sms.id, "F0007");
  const Sender telegram = repo_->sender_by_contact(Channel::kTelegram, "123456789");
  EXPECT_EQ(telegram.kind, Sender::Kind::kFamily);
  EXPECT_EQ(telegram.id, "F0007");
  const Sender signal = repo_->sender_by_contact(Channel::kSignal, "+32470999001");
  EXPECT_EQ(signal.kind, Sender::Kind::kCaseworker);
  EXPECT_EQ(signal.id, "C001");
  const Sender slash = repo_->sender_by_contact(Channel::kSlash, "UC001");
  EXPECT_EQ(slash.kind, Sender::Kind::kCaseworker);
}

TEST_F(SqliteRepositoryTest, SenderByContactNeedsTheSameChannel) {
  repo_->upsert_family(sample_family("F0007"));
  const Sender wrong_channel = repo_->sender_by_contact(Channel::kSignal, "+324700007");
  EXPECT_EQ(wrong_channel.kind, Sender::Kind::kUnknown);
  EXPECT_EQ(wrong_channel.id, "");
  EXPECT_EQ(repo_->sender_by_contact(Channel::kSms, "+32499999999").kind,
            Sender::Kind::kUnknown);
}

TEST_F(SqliteRepositoryTest, SandboxAddressIsThePersonId) {
  repo_->upsert_family(sample_family("F0007"));
  repo_->upsert_caseworker(sample_caseworker("C001"));
  const Sender family = repo_->sender_by_contact(Channel::kSandbox, "F0007");
  EXPECT_EQ(family.kind, Sender::Kind::kFamily);
  EXPECT_EQ(family.id, "F0007");
  const Sender caseworker = repo_->sender_by_contact(Channel::kSandbox, "C001");
  EXPECT_EQ(caseworker.kind, Sender::Kind::kCaseworker);
  EXPECT_EQ(caseworker.id, "C001");
  EXPECT_EQ(repo_->sender_by_contact(Channel::kSandbox, "F9999").kind, Sender::Kind::kUnknown);
}

// SQL never reads the time: families and call events are stamped by the repository's Clock.
TEST(SqliteRepositoryClock, StampsFamiliesAndOpenCallEventsWithTheClocksTime) {
  Database db(":memory:");
  apply_migrations(db);
  Transaction tx(db);
  ManualClock clock(1'000);
  SqliteRepository repo(db, clock);
  repo.upsert_family(sample_family("F1"));
  clock.set(2'000);
  repo.upsert_family(sample_family("F1"));
  Query family = db.query("SELECT created_at, updated_at FROM families WHERE id = 'F1'");
  ASSERT_TRUE(family->step());
  EXPECT_EQ(family->int64(0), 1'000) << "created once";
  EXPECT_EQ(family->int64(1), 2'000) << "updated by the second upsert";
  Call c = sample_call("K42", 500);
  c.id = repo.insert_call(c);
  c.state = CallState::kMatched;  // a state change without closed_at
  clock.set(3'000);
  repo.update_call(c);
  Query event = db.query("SELECT at FROM call_events");
  ASSERT_TRUE(event->step());
  EXPECT_EQ(event->int64(0), 3'000);
}

TEST_F(SqliteRepositoryTest, CallRoundTrips) {
  const Call c = sample_call("K42", 1000);
  const std::int64_t id = repo_->insert_call(c);
  EXPECT_GT(id, 0);
  const auto back = repo_->call_by_id(id);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->id, id);
  expect_same_call(*back, c);
  EXPECT_FALSE(repo_->call_by_id(id + 100).has_value());
  EXPECT_FALSE(repo_->call_by_code("K99").has_value());
}

TEST_F(SqliteRepositoryTest, UpdateCallChangesStateAndRecordsAnEvent) {
  Call c = sample_call("K42", 1000);
  c.id = repo_->insert_call(c);
  c.state = CallState::kMatched;
  c.closed_at = 2000;
  c.matched_family = "F0007";
  repo_->update_call(c);
  const auto back = repo_->call_by_id(c.id);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->state, CallState::kMatched);
  EXPECT_EQ(back->closed_at, 2000);
  EXPECT_EQ(back->matched_family, "F0007");

  Query q = db_.query("SELECT call_id, at, actor, from_state, to_state FROM call_events");
  ASSERT_TRUE(q->step());
  EXPECT_EQ(q->int64(0), c.id);
  EXPECT_EQ(q->int64(1), 2000);
  EXPECT_EQ(q->text(2), "C001");
  EXPECT_EQ(q->text(3), "open");
  EXPECT_EQ(q->text(4), "matched");
  EXPECT_FALSE(q->step());
}

TEST_F(SqliteRepositoryTest, UpdateCallWithoutStateChangeRecordsNoEvent) {
  Call c = sample_call("K42", 1000);
  c.id = repo_->insert_call(c);
  repo_->update_call(c);
  EXPECT_EQ(count("SELECT COUNT(*) FROM call_events"), 0);
}

TEST_F(SqliteRepositoryTest, ExpiredCallEventIsBySystem) {
  Call c = sample_call("K42", 1000);
  c.id = repo_->insert_call(c);
  c.state = CallState::kExpired;
  c.closed_at = 5000;
  repo_->update_call(c);
  Query q = db_.query("SELECT actor FROM call_events");
  ASSERT_TRUE(q->step());
  EXPECT_EQ(q->text(0), "system");
}

TEST_F(SqliteRepositoryTest, CallByCodeReturnsTheNewest) {
  Call old = sample_call("K42", 1000);
  old.state = CallState::kClosed;
  old.closed_at = 1500;
  repo_->insert_call(old);
  const std::int64_t newest = repo_->insert_call(sample_call("K42", 9000));
  const auto back = repo_->call_by_code("K42");
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->id, newest);
}

TEST_F(SqliteRepositoryTest, OpenCallsAreOrderedByCreationAndExcludeClosed) {
  const std::int64_t later = repo_->insert_call(sample_call("K2", 2000));
  const std::int64_t earlier = repo_->insert_call(sample_call("K1", 1000));
  Call closed = sample_call("K3", 500);
  closed.state = CallState::kCancelled;
  closed.closed_at = 600;
  repo_->insert_call(closed);
  const auto open = repo_->open_calls();
  ASSERT_EQ(open.size(), 2u);
  EXPECT_EQ(open[0].id, earlier);
  EXPECT_EQ(open[1].id, later);
}

TEST_F(SqliteRepositoryTest, CodeInUseWhileOpenAndWithinTheReuseWindow) {
  constexpr std::int64_t kDay = 24 * 3600;
  Call c = sample_call("K42", 1000);
  c.id = repo_->insert_call(c);
  EXPECT_TRUE(repo_->code_in_use("K42", 100 * kDay, kDay));  // open: always in use
  EXPECT_FALSE(repo_->code_in_use("K43", 100 * kDay, kDay));

  c.state = CallState::kClosed;
  c.closed_at = 10 * kDay;
  repo_->update_call(c);
  EXPECT_TRUE(repo_->code_in_use("K42", 10 * kDay + kDay - 1, kDay));
  EXPECT_FALSE(repo_->code_in_use("K42", 10 * kDay + kDay, kDay));
  EXPECT_FALSE(repo_->code_in_use("K42", 20 * kDay, kDay));
}

TEST_F(SqliteRepositoryTest, RecipientsAreOrderedByWaveThenDistance) {
  const std::int64_t id = repo_->insert_call(sample_call("K42", 1000));
  repo_->add_recipient({id, "F3", 2.0, 2, 1200});
  repo_->add_recipient({id, "F1", 9.5, 1, 1000});
  repo_->add_recipient({id, "F2", 1.5, 1, 1000});
  const auto all = repo_->recipients(id);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].family_id, "F2");
  EXPECT_EQ(all[1].family_id, "F1");
  EXPECT_EQ(all[2].family_id, "F3");
  EXPECT_EQ(all[2].call_id, id);
  EXPECT_DOUBLE_EQ(all[2].distance_km, 2.0);
  EXPECT_EQ(all[2].wave, 2);
  EXPECT_EQ(all[2].sent_at, 1200);
  EXPECT_TRUE(repo_->recipients(id + 1).empty());
}

TEST_F(SqliteRepositoryTest, AddingARecipientTwiceKeepsTheFirstWave) {
  const std::int64_t id = repo_->insert_call(sample_call("K42", 1000));
  repo_->add_recipient({id, "F1", 3.0, 1, 1000});
  repo_->add_recipient({id, "F1", 3.0, 2, 5000});
  const auto all = repo_->recipients(id);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].wave, 1);
  EXPECT_EQ(all[0].sent_at, 1000);
}

TEST_F(SqliteRepositoryTest, OpenCallsForFamilyAreTheOpenOnesSentToItNewestFirst) {
  const std::int64_t older = repo_->insert_call(sample_call("K1", 1000));
  const std::int64_t newer = repo_->insert_call(sample_call("K2", 2000));
  const std::int64_t not_sent = repo_->insert_call(sample_call("K3", 3000));
  Call closed = sample_call("K4", 4000);
  closed.id = repo_->insert_call(closed);
  for (const std::int64_t id : {older, newer, closed.id}) {
    repo_->add_recipient({id, "F0001", 1.0, 1, 1000});
  }
  repo_->add_recipient({not_sent, "F0002", 1.0, 1, 3000});
  closed.state = CallState::kClosed;
  closed.closed_at = 4500;
  repo_->update_call(closed);

  const auto calls = repo_->open_calls_for_family("F0001");
  ASSERT_EQ(calls.size(), 2u);
  EXPECT_EQ(calls[0].id, newer);
  EXPECT_EQ(calls[1].id, older);
  EXPECT_TRUE(repo_->open_calls_for_family("F0404").empty());
}

TEST_F(SqliteRepositoryTest, SecondResponseReplacesTheFirst) {
  const std::int64_t id = repo_->insert_call(sample_call("K42", 1000));
  repo_->upsert_response({id, "F1", Answer::kMaybe, "pas vanaf 18u", 1100, {}, {}, {}});
  repo_->upsert_response({id, "F2", Answer::kNo, "", 1050, {}, {}, {}});
  repo_->upsert_response({id, "F1", Answer::kYes, "", 1200, {}, {}, {}});
  const auto all = repo_->responses(id);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].family_id, "F2");
  EXPECT_EQ(all[0].answer, Answer::kNo);
  EXPECT_EQ(all[1].family_id, "F1");
  EXPECT_EQ(all[1].answer, Answer::kYes);
  EXPECT_EQ(all[1].note, "");
  EXPECT_EQ(all[1].answered_at, 1200);
  EXPECT_EQ(all[1].call_id, id);
}

TEST_F(SqliteRepositoryTest, RememberInboundDeduplicatesPerChannel) {
  InboundMessage m{Channel::kTelegram, "123", "update-1", "ja", 1000, std::nullopt};
  EXPECT_TRUE(repo_->remember_inbound(m));
  EXPECT_FALSE(repo_->remember_inbound(m));
  m.channel = Channel::kSms;  // same provider id on another channel is another message
  EXPECT_TRUE(repo_->remember_inbound(m));
  EXPECT_EQ(count("SELECT COUNT(*) FROM inbox"), 2);
}

TEST_F(SqliteRepositoryTest, EnqueueStoresAPendingRowDueNow) {
  const OutboundMessage m{"F1", Channel::kSms, "+32470000001", "Noodoproep K42", 0, 7};
  const std::int64_t first = repo_->enqueue(m, 1000);
  const std::int64_t second = repo_->enqueue({"C1", Channel::kSignal, "+32", "x", 5, {}}, 1001);
  EXPECT_GT(second, first);
  Query q = db_.query(
      "SELECT recipient_id, channel, address, text, priority, call_id, state, attempts,"
      " next_attempt_at, created_at FROM outbox WHERE id = ?1");
  q->bind_all(first);
  ASSERT_TRUE(q->step());
  EXPECT_EQ(q->text(0), "F1");
  EXPECT_EQ(q->text(1), "sms");
  EXPECT_EQ(q->text(2), "+32470000001");
  EXPECT_EQ(q->text(3), "Noodoproep K42");
  EXPECT_EQ(q->integer(4), 0);
  EXPECT_EQ(q->optional_int64(5), 7);
  EXPECT_EQ(q->text(6), "pending");
  EXPECT_EQ(q->integer(7), 0);
  EXPECT_EQ(q->int64(8), 1000);
  EXPECT_EQ(q->int64(9), 1000);
}

TEST_F(SqliteRepositoryTest, AuditAppendsARow) {
  repo_->audit({1000, "C001", "call.open", "K42"});
  Query q = db_.query("SELECT at, actor, action, detail FROM audit_log");
  ASSERT_TRUE(q->step());
  EXPECT_EQ(q->int64(0), 1000);
  EXPECT_EQ(q->text(1), "C001");
  EXPECT_EQ(q->text(2), "call.open");
  EXPECT_EQ(q->text(3), "K42");
}

// ---- calls for caseworkers (migration 2) ----

TEST_F(SqliteRepositoryTest, ACallWithoutAWaveSizeReadsBackWithout) {
  Call c = sample_call("K42", 1000);
  c.wave_size = std::nullopt;
  const auto back = repo_->call_by_id(repo_->insert_call(c));
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->wave_size, std::nullopt);
  EXPECT_EQ(back->closed_by, std::nullopt);
}

TEST_F(SqliteRepositoryTest, TheCaseworkerWhoEndsACallIsStoredAndIsTheEventActor) {
  Call c = sample_call("K42", 1000);
  c.id = repo_->insert_call(c);
  c.state = CallState::kCancelled;
  c.closed_at = 3000;
  c.closed_by = "C007";  // a colleague of the service, not the call's caseworker C001
  repo_->update_call(c);
  EXPECT_EQ(repo_->call_by_id(c.id)->closed_by, "C007");
  Query q = db_.query("SELECT at, actor, from_state, to_state FROM call_events");
  ASSERT_TRUE(q->step());
  EXPECT_EQ(q->int64(0), 3000);
  EXPECT_EQ(q->text(1), "C007");
  EXPECT_EQ(q->text(2), "open");
  EXPECT_EQ(q->text(3), "cancelled");
}

TEST_F(SqliteRepositoryTest, AWaveSizeBelowOneIsRefusedByTheSchema) {
  Call c = sample_call("K42", 1000);
  c.wave_size = 0;
  EXPECT_THROW(repo_->insert_call(c), StoreError);
}

TEST_F(SqliteRepositoryTest, PlacementsSinceCountsOnlyMatchedCallsOfTheFamilySinceTheTime) {
  auto add = [&](const std::string& code, CallState state, const char* family, UnixTime at) {
    Call c = sample_call(code, at - 100);
    c.id = repo_->insert_call(c);
    c.state = state;
    c.closed_at = at;
    c.matched_family = family ? std::optional<std::string>(family) : std::nullopt;
    repo_->update_call(c);
  };
  add("K1", CallState::kMatched, "F1", 1000);  // too long ago
  add("K2", CallState::kMatched, "F1", 5000);
  add("K3", CallState::kMatched, "F1", 6000);
  add("K4", CallState::kMatched, "F2", 6000);  // another family
  add("K5", CallState::kClosed, nullptr, 6000);
  EXPECT_EQ(repo_->placements_since("F1", 5000), 2);
  EXPECT_EQ(repo_->placements_since("F1", 0), 3);
  EXPECT_EQ(repo_->placements_since("F2", 5000), 1);
  EXPECT_EQ(repo_->placements_since("F9", 0), 0);
}

TEST_F(SqliteRepositoryTest, DeliveredRecipientsAreThoseWithADeliveredRowAboutTheCall) {
  OutboundMessage m{"F1", Channel::kSms, "+32470000001", "Noodoproep K42", 0, 7};
  const std::int64_t f1_offer = repo_->enqueue(m, 1000);
  const std::int64_t f1_notice = repo_->enqueue(m, 1100);
  m.recipient_id = "F2";
  repo_->enqueue(m, 1000);  // still pending
  m.recipient_id = "F3";
  m.call_id = 8;  // another call
  const std::int64_t other = repo_->enqueue(m, 1000);
  for (const std::int64_t id : {f1_offer, f1_notice, other}) {
    db_.query("UPDATE outbox SET state = 'delivered' WHERE id = ?1")->bind_all(id).run();
  }
  EXPECT_EQ(repo_->delivered_recipients(7), std::vector<std::string>{"F1"});
  EXPECT_EQ(repo_->delivered_recipients(8), std::vector<std::string>{"F3"});
  EXPECT_TRUE(repo_->delivered_recipients(9).empty());
}

// What only the SQLite schema adds to the ports' rules (the rules themselves are checked on
// every implementation by tests/store/contracts/).

TEST(SqliteLinkCodes, AreDeletedWithTheirFamilyAndNeedAFullHash) {
  Database db(":memory:");
  apply_migrations(db);
  Transaction tx(db);
  SqliteRepository repo(db, ::noodbel::testing_support::wall_clock());
  repo.upsert_family(sample_family("F1"));
  const std::string hash(64, 'a');
  repo.create_link_code({hash, "F1", 1000, 2000, std::nullopt});
  EXPECT_THROW(repo.create_link_code({"short", "F1", 1000, 2000, std::nullopt}), StoreError);
  EXPECT_THROW(repo.create_link_code({std::string(64, 'e'), "F9", 1000, 2000, std::nullopt}),
               StoreError);  // no family F9
  db.exec("DELETE FROM families WHERE id = 'F1'");
  EXPECT_FALSE(repo.link_code(hash).has_value());
}

TEST(RepositoryDigestRunsSchema, AMalformedDateIsRefusedByTheTable) {
  Database db(":memory:");
  apply_migrations(db);
  Transaction tx(db);
  SqliteRepository repo(db, ::noodbel::testing_support::wall_clock());
  EXPECT_THROW(repo.record_digest_run("2026-1-2", "limburg", 1000), StoreError);
}

TEST(RepositoryConversationSchema, UnknownSendersHaveNoAddressColumn) {
  Database db(":memory:");
  apply_migrations(db);
  Query q = db.query("SELECT name FROM pragma_table_info('unknown_senders')");
  std::vector<std::string> columns;
  while (q->step()) columns.push_back(q->text(0));
  EXPECT_EQ(columns,
            (std::vector<std::string>{"channel", "address_hash", "window_start", "count"}));
}

}  // namespace
}  // namespace noodbel::store
