// The implementations of the adapter-facing store ports (store/ports/) every store port
// contract runs against: the SQLite Store, and the FaultInjectingStore with no fault
// planned (a test double is an implementation too). A new implementation is one harness
// class here and one entry in StoreImplementations. Test-only; one harness per test.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "store/contracts/implementations.h"  // ImplementationNames
#include "store/store.h"
#include "support/store/fault_injecting_store.h"
#include "support/store/memory_store.h"
#include "support/store/must.h"

namespace noodbel::contracts {

// store::Store on a migrated in-memory database.
class StoreImplementation {
 public:
  static constexpr const char* kName = "Store";
  store::Store& ports() { return *store_; }
  store::Store& store() { return *store_; }

 private:
  std::unique_ptr<store::Store> store_ = testing_support::open_memory_store();
};

// The fault-injecting test double over a Store, with no fault planned.
class FaultFreeImplementation {
 public:
  static constexpr const char* kName = "FaultInjectingStore";
  testing_support::FaultInjectingStore& ports() { return faults_; }
  store::Store& store() { return inner_.store(); }

 private:
  StoreImplementation inner_;
  testing_support::FaultInjectingStore faults_{inner_.store()};
};

using StoreImplementations = ::testing::Types<StoreImplementation, FaultFreeImplementation>;

// The fixture of every store port contract: the port under test (port()), and the Store
// underneath to arrange and read back what the port does not (store(), enqueue(), row()).
template <typename Port, typename Impl>
class StorePortContract : public ::testing::Test {
 protected:
  static constexpr UnixTime kT0 = 1'760'000'000;

  Port& port() { return impl_.ports(); }
  store::Store& store() { return impl_.store(); }

  std::int64_t enqueue(const std::string& recipient, Channel channel = Channel::kSms,
                       UnixTime at = kT0, int priority = 5) {
    const OutboundMessage m{
        recipient, channel, "addr-" + recipient, "text for " + recipient, priority, {}, {}};
    std::int64_t id = 0;
    EXPECT_TRUE(store()
                    .transaction([&](Repository& repo) -> Status {
                      id = repo.enqueue(m, at);
                      return Ok();
                    })
                    .ok());
    return id;
  }
  // The outbox row `id` (of any recipient enqueue() made), read back through the Store.
  std::optional<OutboxItem> row(std::int64_t id, const std::string& recipient) {
    for (const OutboxItem& item : testing_support::must(store().outbox_for(recipient, 100))) {
      if (item.id == id) return item;
    }
    return std::nullopt;
  }
  OutboxState state_of(std::int64_t id, const std::string& recipient) {
    const std::optional<OutboxItem> r = row(id, recipient);
    EXPECT_TRUE(r.has_value()) << "no outbox row " << id;
    return r ? r->state : OutboxState::kPending;
  }

 private:
  Impl impl_;
};

}  // namespace noodbel::contracts
