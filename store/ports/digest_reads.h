// DigestReads: the port of the daily digest (adapters/web/digest_source, behind the digest
// page and the scheduled digest sender): the raw rows of one period. store::Store implements
// it; tests wrap it (tests/support/store/fault_injecting_store.h). A storage failure is an
// Error, never empty rows that would read as "nothing happened". Thread-safe implementations.
#pragma once

#include "bot/clock.h"
#include "bot/digest.h"
#include "bot/result.h"

namespace noodbel::store {

class DigestReads {
 public:
  virtual ~DigestReads() = default;

  // The raw rows of a digest for [from, to) (store/digest_queries.h), read in one snapshot;
  // changes nothing. A period without activity is ok with empty rows; a storage failure is
  // an Error (kUnavailable when reading later may succeed); called from inside a
  // transaction of the same store, an Internal Error.
  virtual Result<DigestData> digest_data(UnixTime from, UnixTime to) = 0;
};

}  // namespace noodbel::store
