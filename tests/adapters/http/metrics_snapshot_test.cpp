// The database gauges and the webhook rejection counter of GET /metrics (metrics.h).
#include <gtest/gtest.h>

#include <string>

#include "adapters/http/metrics.h"

namespace noodbel {
namespace {

store::MetricsSnapshot snapshot() {
  store::MetricsSnapshot s;
  s.calls_by_state = {{"open", 2}, {"matched", 5}};
  s.answers_by_intent = {{"yes", 4}, {"no", 1}, {"maybe", 0}};
  s.outbox_by_channel_state = {{{"sms", "pending"}, 3}, {{"telegram", "delivered"}, 9}};
  s.queue_depth = 3;
  s.oldest_pending_at = 1000;
  s.outbox_leases_expired = 7;
  s.store_commits = 40;
  s.store_writes = 250;
  return s;
}

TEST(RecordStoreSnapshot, SetsEveryDatabaseGauge) {
  MetricsRegistry registry;
  define_noodbel_metrics(registry);
  record_store_snapshot(registry, snapshot(), 1090);
  EXPECT_EQ(registry.value("noodbel_calls", {{"state", "open"}}), 2);
  EXPECT_EQ(registry.value("noodbel_calls", {{"state", "matched"}}), 5);
  EXPECT_EQ(registry.value("noodbel_answers", {{"answer", "yes"}}), 4);
  EXPECT_EQ(registry.value("noodbel_outbox_messages", {{"channel", "sms"}, {"state", "pending"}}),
            3);
  EXPECT_EQ(registry.value("noodbel_dispatch_queue_depth"), 3);
  EXPECT_EQ(registry.value("noodbel_dispatch_oldest_pending_age_seconds"), 90);
  EXPECT_EQ(registry.value("noodbel_outbox_leases_expired_total"), 7);
  EXPECT_EQ(registry.value("noodbel_store_commits_total"), 40);
  EXPECT_EQ(registry.value("noodbel_store_writes_total"), 250);
  const std::string text = registry.render();
  EXPECT_NE(text.find("# TYPE noodbel_store_commits_total counter"), std::string::npos);
  EXPECT_NE(text.find("noodbel_store_writes_total 250"), std::string::npos) << text;
  EXPECT_NE(text.find("# TYPE noodbel_outbox_leases_expired_total counter"), std::string::npos);
  EXPECT_NE(text.find("# TYPE noodbel_calls gauge"), std::string::npos);
  EXPECT_NE(text.find("noodbel_outbox_messages{channel=\"telegram\",state=\"delivered\"} 9"),
            std::string::npos)
      << text;
}

TEST(RecordStoreSnapshot, ReportsZeroAgeWhenNothingIsPending) {
  MetricsRegistry registry;
  record_store_snapshot(registry, snapshot(), 1090);
  store::MetricsSnapshot empty = snapshot();
  empty.oldest_pending_at = 0;
  empty.queue_depth = 0;
  record_store_snapshot(registry, empty, 2000);
  EXPECT_EQ(registry.value("noodbel_dispatch_oldest_pending_age_seconds"), 0);
  EXPECT_EQ(registry.value("noodbel_dispatch_queue_depth"), 0);
}

HttpResponse status(int code) {
  HttpResponse r;
  r.status = code;
  return r;
}

TEST(WebhookRejection, UsesTheRouteReasonElseOneFromTheStatus) {
  HttpResponse signed_wrong = status(403);
  signed_wrong.reject_reason = "bad_signature";
  EXPECT_EQ(webhook_rejection("/webhooks/twilio", signed_wrong), "bad_signature");
  EXPECT_EQ(webhook_rejection("/webhooks/kannel/s3cret", status(403)), "forbidden");
  EXPECT_EQ(webhook_rejection("/slash", status(400)), "malformed");
  EXPECT_EQ(webhook_rejection("/webhooks/telegram", status(413)), "too_large");
  EXPECT_EQ(webhook_rejection("/webhooks/twilio", status(415)), "rejected");
}

TEST(WebhookRejection, IgnoresSuccessServerErrorsAndOtherRoutes) {
  EXPECT_FALSE(webhook_rejection("/webhooks/twilio", status(200)).has_value());
  EXPECT_FALSE(webhook_rejection("/webhooks/twilio", status(503)).has_value());
  EXPECT_FALSE(webhook_rejection("/board/K1", status(403)).has_value());
  EXPECT_FALSE(webhook_rejection("/slashdot", status(403)).has_value());
}

}  // namespace
}  // namespace noodbel
