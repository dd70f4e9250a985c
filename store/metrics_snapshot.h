// The figures the operations side reads from the database: outbox counts and the one
// read snapshot behind GET /metrics (store/metrics_queries.cpp). Plain values; any thread.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>

#include "bot/clock.h"

namespace noodbel::store {

struct OutboxCounts {
  std::int64_t pending = 0;
  std::int64_t sending = 0;
  std::int64_t sent = 0;
  std::int64_t delivered = 0;
  std::int64_t failed = 0;
  UnixTime oldest_pending_at = 0;  // 0 when none pending
};

// Keys are the stored names: calls by state ("open", ...), answers by intent ("yes", ...),
// outbox rows by (channel, state). Every known state and intent is present (0 when none).
struct MetricsSnapshot {
  std::map<std::string, std::int64_t> calls_by_state;
  std::map<std::string, std::int64_t> answers_by_intent;
  std::map<std::pair<std::string, std::string>, std::int64_t> outbox_by_channel_state;
  std::int64_t queue_depth = 0;    // pending + sending outbox rows
  UnixTime oldest_pending_at = 0;  // 0 when none pending
  // Claimed rows whose lease expired and went back to pending since the store was opened
  // (OutboxQueue::release_expired_leases); kept in memory, not read from the database.
  std::int64_t outbox_leases_expired = 0;
  // Group commits since the store was opened, and the writes they committed: fewer commits
  // than writes means concurrent writes shared a COMMIT (kept in memory).
  std::int64_t store_commits = 0;
  std::int64_t store_writes = 0;
};

}  // namespace noodbel::store
