#include "adapters/http/metrics.h"

#include <stdexcept>

#include <gtest/gtest.h>

namespace noodbel {
namespace {

TEST(MetricsRegistry, RendersHelpTypeAndLabelledCounters) {
  MetricsRegistry m;
  m.define_counter("noodbel_http_requests_total", "HTTP requests served.");
  m.inc("noodbel_http_requests_total", {{"route", "/healthz"}, {"status", "200"}});
  m.inc("noodbel_http_requests_total", {{"status", "200"}, {"route", "/healthz"}});
  m.inc("noodbel_http_requests_total", {{"route", "/metrics"}, {"status", "200"}}, 3);
  EXPECT_EQ(m.render(),
            "# HELP noodbel_http_requests_total HTTP requests served.\n"
            "# TYPE noodbel_http_requests_total counter\n"
            "noodbel_http_requests_total{route=\"/healthz\",status=\"200\"} 2\n"
            "noodbel_http_requests_total{route=\"/metrics\",status=\"200\"} 3\n");
}

TEST(MetricsRegistry, EscapesLabelValuesAndHelpText) {
  MetricsRegistry m;
  m.define_counter("c_total", "line one\nback\\slash \"quoted\"");
  m.inc("c_total", {{"v", "a\"b\\c\nd"}});
  EXPECT_EQ(m.render(),
            "# HELP c_total line one\\nback\\\\slash \"quoted\"\n"
            "# TYPE c_total counter\n"
            "c_total{v=\"a\\\"b\\\\c\\nd\"} 1\n");
}

TEST(MetricsRegistry, GaugesAreSetOrComputedAtScrapeTime) {
  MetricsRegistry m;
  double pending = 4;
  m.define_gauge("noodbel_outbox_pending", "Pending.", [&pending] { return pending; });
  m.define_gauge("temperature", "Set by hand.");
  m.set("temperature", {}, 1.5);
  pending = 7;
  const std::string out = m.render();
  EXPECT_NE(out.find("# TYPE noodbel_outbox_pending gauge\nnoodbel_outbox_pending 7\n"),
            std::string::npos);
  EXPECT_NE(out.find("temperature 1.5\n"), std::string::npos);
  // Sorted by metric name.
  EXPECT_LT(out.find("noodbel_outbox_pending"), out.find("temperature"));
}

TEST(MetricsRegistry, UndefinedNameGetsAGenericHelpAndInvalidNamesAreIgnored) {
  MetricsRegistry m;
  m.inc("noodbel_messages_in_total", {{"channel", "sms"}});
  m.inc("9bad-name");
  m.inc("good_total", {{"bad-label", "x"}});
  const std::string out = m.render();
  EXPECT_NE(out.find("# HELP noodbel_messages_in_total "), std::string::npos);
  EXPECT_NE(out.find("noodbel_messages_in_total{channel=\"sms\"} 1\n"), std::string::npos);
  EXPECT_EQ(out.find("9bad"), std::string::npos);
  EXPECT_EQ(out.find("bad-label"), std::string::npos);
  EXPECT_EQ(m.value("noodbel_messages_in_total", {{"channel", "sms"}}), 1);
}

TEST(MetricsRegistry, ThrowingGaugeCallbackDoesNotBreakTheScrape) {
  MetricsRegistry m;
  m.define_gauge("broken", "Throws.", []() -> double { throw std::runtime_error("db down"); });
  m.inc("fine_total");
  const std::string out = m.render();
  EXPECT_NE(out.find("fine_total 1\n"), std::string::npos);
  EXPECT_NE(out.find("# TYPE broken gauge\n"), std::string::npos);
}

TEST(DefineNoodbelMetrics, DeclaresTheServeMetrics) {
  MetricsRegistry m;
  define_noodbel_metrics(m);
  const std::string out = m.render();
  for (const char* name : {"noodbel_http_requests_total counter", "noodbel_messages_in_total counter",
                           "noodbel_messages_out_total counter", "noodbel_open_calls gauge",
                           "noodbel_outbox_pending gauge"}) {
    EXPECT_NE(out.find(std::string("# TYPE ") + name), std::string::npos) << name;
  }
}

}  // namespace
}  // namespace noodbel
