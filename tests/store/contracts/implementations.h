// The Repository implementations every port contract (tests/store/contracts/) runs against,
// each with the few hooks a contract needs beyond the ports: moving an outbox row on as the
// dispatcher would, and reading back rows no port reads (outbox rows, the audit log).
// A new implementation is one harness class here and one entry in Implementations.
// Test-only; a harness owns its storage and lives for one test.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "bot/repository.h"
#include "store/contracts/sample_rows.h"
#include "store/migrations.h"
#include "store/sqlite.h"
#include "store/sqlite_repository.h"
#include "support/memory_repository.h"
#include "support/store/wall_clock.h"

namespace noodbel::contracts {

// The in-memory fake of the core tests (tests/support/memory_repository.h).
class MemoryImplementation {
 public:
  static constexpr const char* kName = "Memory";
  Repository& repo() { return repo_; }

  void mark_sent(std::int64_t id, const std::string& provider_id, UnixTime at) {
    repo_.mark_sent(id, provider_id, at);
  }
  void mark_delivered(std::int64_t id) {
    for (OutboxItem& item : repo_.outbox) {
      if (item.id == id) item.state = OutboxState::kDelivered;
    }
  }
  std::optional<OutboxItem> outbox_row(std::int64_t id) const {
    for (const OutboxItem& item : repo_.outbox) {
      if (item.id == id) return item;
    }
    return std::nullopt;
  }
  std::vector<AuditEntry> audit_log() const { return repo_.audit_log; }

 private:
  MemoryRepository repo_;
};

// The production store: SqliteRepository on a migrated in-memory database, inside one
// open transaction (as Store::transaction runs it).
class SqliteImplementation {
 public:
  static constexpr const char* kName = "Sqlite";
  SqliteImplementation() : db_(":memory:") {
    store::apply_migrations(db_);
    tx_ = std::make_unique<store::Transaction>(db_);
    repo_ =
        std::make_unique<store::SqliteRepository>(db_, ::noodbel::testing_support::wall_clock());
  }
  Repository& repo() { return *repo_; }

  void mark_sent(std::int64_t id, const std::string& provider_id, UnixTime at) {
    db_.query("UPDATE outbox SET state = 'sent', provider_message_id = ?2, sent_at = ?3"
              " WHERE id = ?1")
        ->bind_all(id, provider_id, at)
        .run();
  }
  void mark_delivered(std::int64_t id) {
    db_.query("UPDATE outbox SET state = 'delivered' WHERE id = ?1")->bind_all(id).run();
  }
  std::optional<OutboxItem> outbox_row(std::int64_t id) {
    store::Query q = db_.query(
        "SELECT recipient_id, channel, address, text, priority, call_id, reply_to, state,"
        " attempts, next_attempt_at, created_at, last_error FROM outbox WHERE id = ?1");
    q->bind_all(id);
    if (!q->step()) return std::nullopt;
    OutboxItem item;
    item.id = id;
    item.message = {q->text(0), channel_from_string(q->text(1)), q->text(2), q->text(3),
                    q->integer(4), q->optional_int64(5), q->optional_text(6)};
    item.state = outbox_state_from_string(q->text(7)).value_or(OutboxState::kPending);
    item.attempts = q->integer(8);
    item.next_attempt_at = q->int64(9);
    item.created_at = q->int64(10);
    item.last_error = q->text(11);
    return item;
  }
  std::vector<AuditEntry> audit_log() {
    store::Query q = db_.query("SELECT at, actor, action, detail FROM audit_log ORDER BY id");
    std::vector<AuditEntry> out;
    while (q->step()) out.push_back({q->int64(0), q->text(1), q->text(2), q->text(3)});
    return out;
  }

 private:
  store::Database db_;
  std::unique_ptr<store::Transaction> tx_;
  std::unique_ptr<store::SqliteRepository> repo_;
};

using Implementations = ::testing::Types<MemoryImplementation, SqliteImplementation>;

// Names the typed tests by implementation ("PeoplePortContract/Sqlite.…").
struct ImplementationNames {
  template <typename Impl>
  static std::string GetName(int) {
    return Impl::kName;
  }
};

// The fixture of every port contract: a fresh implementation per test, seen through the
// port under test (port()), with the whole unit of work (repo()) to arrange the rest.
// A suite is `template <typename Impl> using XPortContract = PortContract<XPort, Impl>;`.
template <typename Port, typename Impl>
class PortContract : public ::testing::Test {
 protected:
  Port& port() { return impl_.repo(); }
  Repository& repo() { return impl_.repo(); }
  Impl& impl() { return impl_; }
  // A stored open call (what answers, choices, notices and outbox rows are about).
  std::int64_t a_call(const std::string& code = "K42") {
    return repo().insert_call(sample_call(code));
  }

 private:
  Impl impl_;
};

}  // namespace noodbel::contracts
