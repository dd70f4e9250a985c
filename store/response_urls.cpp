#include "store/response_urls.h"

#include <utility>

#include "store/sqlite.h"
#include "store/store.h"

namespace noodbel::store {
namespace {

// A different URL replaces the stored one unless it is older; the same URL keeps its counts.
constexpr const char* kRemember =
    "INSERT INTO slash_response_urls (user_id, provider, url, received_at, expires_at,"
    " uses_left) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
    " ON CONFLICT (user_id) DO UPDATE SET provider = excluded.provider, url = excluded.url,"
    " received_at = excluded.received_at, expires_at = excluded.expires_at,"
    " uses_left = excluded.uses_left"
    " WHERE excluded.url <> slash_response_urls.url"
    " AND excluded.received_at >= slash_response_urls.received_at";
constexpr const char* kUsable =
    "SELECT provider, url, received_at, expires_at, uses_left FROM slash_response_urls"
    " WHERE user_id = ?1 AND expires_at > ?2 AND uses_left > 0";
constexpr const char* kTakeUse =
    "UPDATE slash_response_urls SET uses_left = uses_left - 1 WHERE user_id = ?1 AND url = ?2";
constexpr const char* kForget =
    "DELETE FROM slash_response_urls WHERE user_id = ?1 AND url = ?2";
constexpr const char* kCountSpent =
    "SELECT COUNT(*) FROM slash_response_urls WHERE expires_at <= ?1 OR uses_left <= 0";
constexpr const char* kDeleteSpent =
    "DELETE FROM slash_response_urls WHERE expires_at <= ?1 OR uses_left <= 0";

}  // namespace

ResponseUrl fresh_response_url(std::string user_id, std::string provider, std::string url,
                               UnixTime received_at) {
  return {std::move(user_id), std::move(provider),  std::move(url),
          received_at,        received_at + kResponseUrlLifetimeSeconds, kResponseUrlUses};
}

void remember_response_url(Database& db, const ResponseUrl& r) {
  db.query(kRemember)
      ->bind_all(r.user_id, r.provider, r.url, r.received_at, r.expires_at, r.uses_left)
      .run();
}

Result<std::optional<ResponseUrl>> take_response_url(Store& store, std::string_view user_id,
                                                     UnixTime now) {
  std::optional<ResponseUrl> taken;
  const Status s = store.with_database([&](Database& db) -> Status {
    Transaction tx(db);
    {
      Query q = db.query(kUsable);
      q->bind_all(user_id, now);
      if (!q->step()) return Ok();
      taken = ResponseUrl{std::string(user_id), q->text(0),  q->text(1),
                          q->int64(2),          q->int64(3), q->integer(4) - 1};
    }
    db.query(kTakeUse)->bind_all(user_id, taken->url).run();
    tx.commit();
    return Ok();
  });
  if (!s.ok()) return s.error();
  return taken;
}

Status forget_response_url(Store& store, std::string_view user_id, std::string_view url) {
  return store.with_database([&](Database& db) -> Status {
    db.query(kForget)->bind_all(user_id, url).run();
    return Ok();
  });
}

std::int64_t purge_response_urls(Database& db, UnixTime now, bool dry_run) {
  if (dry_run) {
    Query q = db.query(kCountSpent);
    q->bind_all(now);
    q->step();
    return q->int64(0);
  }
  db.query(kDeleteSpent)->bind_all(now).run();
  return db.changes();
}

}  // namespace noodbel::store
