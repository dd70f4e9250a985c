// GET /healthz and GET /metrics (ops_routes.h) over a store that works, then fails
// (tests/support/store/fault_injecting_store.h): an outage is a clear 503, never zeros.
#include "adapters/http/ops_routes.h"

#include <memory>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "store/store.h"
#include "support/store/fault_injecting_store.h"
#include "support/store/memory_store.h"

namespace noodbel {
namespace {

using nlohmann::json;
using testing_support::FaultInjectingStore;

constexpr UnixTime kNow = 1'760'000'000;

class OpsRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    define_noodbel_metrics(metrics_);
    add_ops_routes(router_, OpsDeps{*faults_, metrics_, clock_});
    OutboundMessage m{"F0001", Channel::kSms, "+32470000001", "hallo", 5, {}, {}};
    ASSERT_TRUE(store_
                    ->transaction([&](Repository& repo) -> Status {
                      repo.enqueue(m, kNow - 30);
                      return Ok();
                    })
                    .ok());
  }

  HttpResponse get(const std::string& path) {
    HttpRequest r;
    r.method = "GET";
    r.path = path;
    r.target = path;
    return router_.handle(r);
  }

  ManualClock clock_{kNow};
  std::unique_ptr<store::Store> store_ = testing_support::open_memory_store();
  std::unique_ptr<FaultInjectingStore> faults_ = std::make_unique<FaultInjectingStore>(*store_);
  MetricsRegistry metrics_;
  Router router_;
};

TEST(OpsRoutes, MetricsRefusedByTheAccessRuleAre403WithTheReasonAndNoFigures) {
  ManualClock clock{kNow};
  const auto store = testing_support::open_memory_store();
  MetricsRegistry metrics;
  define_noodbel_metrics(metrics);
  Router router;
  OpsDeps deps{*store, metrics, clock};
  deps.metrics_refusal = [](const HttpRequest& r) -> std::optional<std::string> {
    if (r.remote_address == "127.0.0.1") return std::nullopt;
    return std::string("not from ") + r.remote_address;
  };
  add_ops_routes(router, deps);
  HttpRequest r;
  r.method = "GET";
  r.path = r.target = "/metrics";
  r.remote_address = "10.0.0.5";
  const HttpResponse refused = router.handle(r);
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(refused.body, "not from 10.0.0.5\n");
  EXPECT_EQ(refused.body.find("noodbel_"), std::string::npos);
  r.remote_address = "127.0.0.1";
  EXPECT_EQ(router.handle(r).status, 200);
}

TEST_F(OpsRoutesTest, MetricsReportTheDatabaseFiguresWhileTheStoreAnswers) {
  const HttpResponse r = get("/metrics");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, "text/plain; version=0.0.4; charset=utf-8");
  EXPECT_NE(r.body.find("\nnoodbel_outbox_pending 1\n"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("\nnoodbel_open_calls 0\n"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("\nnoodbel_dispatch_oldest_pending_age_seconds 30\n"), std::string::npos)
      << r.body;
}

TEST_F(OpsRoutesTest, MetricsDuringAnOutageAre503WithoutFiguresAndComeBackAfter) {
  faults_->set_plan({.fail_next = 1, .disk_full = true});
  const HttpResponse r = get("/metrics");
  EXPECT_EQ(r.status, 503);
  EXPECT_EQ(r.body.find("noodbel_outbox_pending"), std::string::npos) << "no zeros: " << r.body;
  EXPECT_NE(r.body.find("database unavailable"), std::string::npos) << r.body;
  EXPECT_EQ(get("/metrics").status, 200);
}

TEST_F(OpsRoutesTest, HealthIsOkWhileTheStoreAnswersAnd503DuringAnOutage) {
  const HttpResponse ok = get("/healthz");
  EXPECT_EQ(ok.status, 200);
  EXPECT_EQ(json::parse(ok.body)["database"], "ok");
  EXPECT_EQ(json::parse(ok.body)["signal"], "disabled");
  faults_->set_plan({.fail_always = true});
  const HttpResponse down = get("/healthz");
  EXPECT_EQ(down.status, 503);
  EXPECT_EQ(json::parse(down.body)["status"], "degraded");
  EXPECT_EQ(json::parse(down.body)["database"], "unavailable");
  faults_->clear();
  EXPECT_EQ(get("/healthz").status, 200);
}

TEST_F(OpsRoutesTest, AStoreFailingOnlyOnWritesStillReportsHealthAndMetrics) {
  faults_->set_plan({.fail_always = true, .writes_only = true});
  EXPECT_EQ(get("/healthz").status, 200);
  EXPECT_EQ(get("/metrics").status, 200);
}

TEST_F(OpsRoutesTest, ReadyzIs503WithTheReasonWhileWritesFailAndHealthzStaysLive) {
  const HttpResponse ok = get("/readyz");
  EXPECT_EQ(ok.status, 200);
  EXPECT_EQ(json::parse(ok.body), (json{{"status", "ready"}}));
  EXPECT_EQ(metrics_.value("noodbel_ready"), 1);
  faults_->set_plan({.fail_always = true, .writes_only = true, .disk_full = true});
  const HttpResponse down = get("/readyz");
  EXPECT_EQ(down.status, 503);
  const json body = json::parse(down.body);
  EXPECT_EQ(body["status"], "not_ready");
  EXPECT_EQ(body["reason"], "write_failed");
  EXPECT_NE(body["detail"].get<std::string>().find("database or disk is full"), std::string::npos)
      << down.body;
  EXPECT_EQ(metrics_.value("noodbel_ready"), 0);
  EXPECT_EQ(metrics_.value("noodbel_readiness", {{"reason", "write_failed"}}), 1);
  EXPECT_EQ(get("/healthz").status, 200) << "liveness: the process answers, no restart needed";
  faults_->clear();
  EXPECT_EQ(get("/readyz").status, 200);
  EXPECT_EQ(metrics_.value("noodbel_ready"), 1);
}

}  // namespace
}  // namespace noodbel
