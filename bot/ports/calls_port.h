// CallsPort: crisis calls and the families each call was sent to (its recipients).
// One role of the unit of work (bot/repository.h); callers get it from a Repository.
// Not thread-safe; throws only on storage failure, like every port of a Repository.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "bot/types.h"

namespace noodbel {

class CallsPort {
 public:
  virtual ~CallsPort() = default;

  // True when an open call has this code, or a call closed less than `reuse_after` seconds
  // before `now` (or without a closed_at) has it; false for an unknown code.
  virtual bool code_in_use(std::string_view code, UnixTime now, std::int64_t reuse_after) = 0;
  // Stores a new call with every field (call.id is ignored) and returns its new id: positive,
  // larger than every id handed out before.
  virtual std::int64_t insert_call(const Call& call) = 0;
  // Stores state, closed_at, matched_family, closed_by, chosen_family, chosen_at, chosen_by,
  // expires_at and urgent of the call with call.id; every other field stays as inserted.
  // An unknown id changes nothing. Implementations that keep a history (the SQLite store's
  // call_events) record a state change there, by closed_by (else "system" for expiry, else
  // the call's caseworker).
  virtual void update_call(const Call& call) = 0;
  // The call with this id; nothing when unknown.
  virtual std::optional<Call> call_by_id(std::int64_t id) = 0;
  // The newest call (created_at, then id) with this code, in any state (codes are reused
  // after a while); nothing when unknown.
  virtual std::optional<Call> call_by_code(std::string_view code) = 0;
  // Calls in state open, oldest first (created_at, then id).
  virtual std::vector<Call> open_calls() = 0;

  // Records that the call (which exists) was sent to a family. A family already recorded
  // for this call keeps its first wave, distance and sent_at: a second add changes nothing.
  virtual void add_recipient(const Recipient& r) = 0;
  // The families a call was sent to, ordered by wave, distance, then family id; empty for
  // an unknown call.
  virtual std::vector<Recipient> recipients(std::int64_t call_id) = 0;
  // Open calls this family was sent, newest first (created_at, then id).
  virtual std::vector<Call> open_calls_for_family(std::string_view family_id) = 0;
  // Calls in any state this family was sent at or after `since`, newest sent first (sent_at,
  // then call id).
  virtual std::vector<Call> recent_calls_for_family(std::string_view family_id,
                                                    UnixTime since) = 0;
  // How many calls in state matched have this family as matched_family with closed_at at or
  // after `since`; 0 when none.
  virtual int placements_since(std::string_view family_id, UnixTime since) = 0;
};

}  // namespace noodbel
