// Digest queries: the read-only SQL collecting a digest's raw rows (bot/digest.h) for a
// time range, in one read transaction. For store/ only (Store::digest_data calls it);
// not thread-safe, like its Database. Throws StoreError on storage failure.
#pragma once

#include "bot/digest.h"
#include "store/sqlite.h"

namespace noodbel::store {

// Calls opened before range.end and not closed before range.start (with their answers
// received before range.end), every family, opt-outs in the range and the outbox rows
// created in the range counted per minute. Changes nothing.
DigestData read_digest_data(Database& db, const TimeSpan& range);

}  // namespace noodbel::store
