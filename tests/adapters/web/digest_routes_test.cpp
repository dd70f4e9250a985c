// GET /digest/{date}: the signed HTML digest page and its refusals, through the Router
// with real SignedLinks, the shipped templates and page skeleton, and a Store file.
#include "adapters/web/digest_routes.h"

#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "adapters/config/config.h"
#include "adapters/http/security_headers_support.h"
#include "bot/postcodes.h"
#include "bot/templates.h"
#include "store/store.h"
#include "store/temp_db.h"
#include "support/paths/source_paths.h"
#include "support/shipped_data.h"
#include "support/store/fault_injecting_store.h"
#include "support/store/wall_clock.h"

namespace noodbel {
namespace {

using store::testing_support::TempDbPath;

constexpr UnixTime kNov23At0900 = 1'795'420'800;  // 2026-11-23 09:00 Europe/Brussels
constexpr std::int64_t kDay = 24 * 3600;

std::string read_source(const std::string& path) {
  std::ifstream in(noodbel::testing::source_dir() + "/" + path);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

class DigestRoutesTest : public ::testing::Test {
 protected:
  DigestRoutesTest()
      : postcodes_(test_data::shipped_postcodes()),
        templates_(test_data::shipped_templates()),
        store_(store::Store::open(path_.db(), ::noodbel::testing_support::wall_clock()).value()),
        links_("https://noodbel.test", std::string(40, 'k'), 12, 7) {
    config_.core.services = default_services();
    source_ = std::make_unique<DigestSource>(config_.digest, config_.core, postcodes_, *store_,
                                             std::map<std::string, std::string>{},
                                             read_source("templates/web/digest.html"));
    add_digest_routes(router_, DigestRouteDeps{config_.core, templates_, *source_, links_, clock_,
                                               [this](std::string_view reason) {
                                                 refusals_.emplace_back(reason);
                                               }});
  }

  // GETs a URL as the browser would send it (scheme and host dropped).
  HttpResponse get(const std::string& url) { return get_from(router_, url); }
  HttpResponse get_from(const Router& router, const std::string& url) {
    const std::string target = url.substr(url.find("/digest/"));
    const auto parsed = parse_target(target);
    EXPECT_TRUE(parsed.ok()) << target;
    HttpRequest r;
    r.method = "GET";
    r.target = target;
    r.path = parsed->path;
    r.query = parsed->query;
    return router.handle(r);
  }

  TempDbPath path_;
  Config config_;
  Postcodes postcodes_;
  Templates templates_;
  std::unique_ptr<store::Store> store_;
  SignedLinks links_;
  ManualClock clock_{kNov23At0900};
  std::unique_ptr<DigestSource> source_;
  Router router_;
  std::vector<std::string> refusals_;
};

TEST_F(DigestRoutesTest, ASignedLinkOpensTheHtmlDigestOfItsServiceWithCharts) {
  const HttpResponse r = get(links_.digest_url("2026-11-23", "limburg", clock_.now()));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.content_type.find("text/html"), std::string::npos);
  EXPECT_NE(r.body.find("<svg"), std::string::npos);
  EXPECT_NE(r.body.find("Pleegzorg Limburg"), std::string::npos);
  EXPECT_EQ(r.body.find("Pleegzorg Provincie Antwerpen"), std::string::npos);
  EXPECT_EQ(r.header("Cache-Control"), std::optional<std::string>("private, no-store"));
  EXPECT_TRUE(refusals_.empty());
}

TEST_F(DigestRoutesTest, ALinkWithoutServiceOpensTheFlandersWideDigestOfEveryService) {
  const HttpResponse r = get(links_.digest_url("2026-11-23", "", clock_.now()));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.body.find("Pleegzorg Limburg"), std::string::npos);
  EXPECT_NE(r.body.find("Pleegzorg Provincie Antwerpen"), std::string::npos);
}

TEST_F(DigestRoutesTest, AForgedTokenGetsA403PageThatSaysTheLinkIsNotValid) {
  std::string url = links_.digest_url("2026-11-23", "limburg", clock_.now());
  url.back() = url.back() == 'A' ? 'B' : 'A';
  const HttpResponse r = get(url);
  EXPECT_EQ(r.status, 403);
  EXPECT_NE(r.body.find("niet geldig"), std::string::npos) << r.body;
  EXPECT_EQ(r.body.find("<svg"), std::string::npos);
  EXPECT_EQ(refusals_, std::vector<std::string>{"bad_signature"});
}

TEST_F(DigestRoutesTest, ALinkForAnotherServiceOrDateIsRefused) {
  const std::string url = links_.digest_url("2026-11-23", "limburg", clock_.now());
  std::string other_service = url;
  other_service.replace(other_service.find("limburg"), 7, "antwerpen");
  EXPECT_EQ(get(other_service).status, 403);
  std::string other_date = url;
  other_date.replace(other_date.find("2026-11-23"), 10, "2026-11-22");
  EXPECT_EQ(get(other_date).status, 403);
}

TEST_F(DigestRoutesTest, AnExpiredLinkGetsA403PageThatSaysItExpired) {
  const std::string url = links_.digest_url("2026-11-23", "limburg", clock_.now());
  clock_.advance(7 * kDay);
  const HttpResponse r = get(url);
  EXPECT_EQ(r.status, 403);
  EXPECT_NE(r.body.find("verlopen"), std::string::npos) << r.body;
  EXPECT_EQ(refusals_, std::vector<std::string>{"expired"});
}

TEST_F(DigestRoutesTest, AMissingTokenGetsA403) {
  const HttpResponse r = get("/digest/2026-11-23?service=limburg");
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(refusals_, std::vector<std::string>{"malformed"});
}

TEST_F(DigestRoutesTest, ABadDateGetsA400PageShowingTheExpectedFormat) {
  for (const char* date : {"2026-02-30", "23-11-2026", "today"}) {
    const HttpResponse r = get(std::string("/digest/") + date + "?service=limburg&t=x");
    EXPECT_EQ(r.status, 400) << date;
    EXPECT_NE(r.body.find("JJJJ-MM-DD"), std::string::npos) << r.body;
  }
}

TEST_F(DigestRoutesTest, AValidLinkForAServiceThatIsNoLongerConfiguredGets404) {
  const HttpResponse r = get(links_.digest_url("2026-11-23", "brugge", clock_.now()));
  EXPECT_EQ(r.status, 404);
  EXPECT_NE(r.body.find("brugge"), std::string::npos);
  EXPECT_NE(r.body.find("oost-vlaanderen"), std::string::npos) << "lists the known services";
}

TEST_F(DigestRoutesTest, EveryRouteAnswersWithTheFullSecurityHeaderSet) {
  const auto query_of = [](const std::string& url) { return url.substr(url.find('?') + 1); };
  const std::pair<std::string, std::string> visits[] = {
      {"2026-11-23", query_of(links_.digest_url("2026-11-23", "limburg", clock_.now()))},
      {"2026-11-23", query_of(links_.digest_url("2026-11-23", "brugge", clock_.now()))},
      {"2026-11-23", "service=limburg&t=forged"},
      {"23-11-2026", ""}};
  for (const auto& [date, query] : visits) {
    EXPECT_EQ(
        noodbel::testing::security_header_problems_on_every_route(router_, {{"date", date}}, query),
        std::vector<std::string>{});
  }
}

TEST_F(DigestRoutesTest, TheDigestAllowsItsInlineStyleAndDataIconButNoScript) {
  const HttpResponse r = get(links_.digest_url("2026-11-23", "limburg", clock_.now()));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.header("Content-Security-Policy"),
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'");
  EXPECT_EQ(r.body.find("<script"), std::string::npos) << "the policy allows no script";
}

TEST_F(DigestRoutesTest, WhenTheFiguresCannotBeReadTheVisitorGetsA503PageNotAnEmptyDigest) {
  testing_support::FaultInjectingStore reads(*store_);
  const DigestSource failing(config_.digest, config_.core, postcodes_, reads, {},
                             read_source("templates/web/digest.html"));
  Router router;
  add_digest_routes(router, DigestRouteDeps{config_.core, templates_, failing, links_, clock_, {}});
  const std::string url = links_.digest_url("2026-11-23", "limburg", clock_.now());
  reads.set_plan({.fail_always = true, .disk_full = true});
  const HttpResponse r = get_from(router, url);
  EXPECT_EQ(r.status, 503);
  EXPECT_NE(r.body.find("kon nu niet gemaakt worden"), std::string::npos) << r.body;
  EXPECT_EQ(r.body.find("<svg"), std::string::npos) << "no charts of empty figures";
  EXPECT_EQ(r.body.find("Pleegzorg Limburg"), std::string::npos);
  EXPECT_EQ(r.header("Cache-Control"), std::optional<std::string>("no-store"));
  EXPECT_EQ(reads.failures(), 1);
  reads.clear();
  EXPECT_EQ(get_from(router, url).status, 200) << "the same link works once the store answers";
}

TEST_F(DigestRoutesTest, ErrorPagesEscapeWhatTheVisitorTyped) {
  const HttpResponse r = get("/digest/%3Cscript%3E?t=x");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.body.find("<script>"), std::string::npos);
  EXPECT_NE(r.body.find("&lt;script&gt;"), std::string::npos);
}

}  // namespace
}  // namespace noodbel
