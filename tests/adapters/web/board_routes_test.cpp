// GET /board/{code} and /board/{code}/events through the Router, with real SignedLinks,
// the shipped templates and page skeleton, and an in-memory repository.
#include "adapters/web/board_routes.h"
#include "adapters/web/web_page.h"

#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "adapters/http/security_headers_support.h"
#include "support/memory_repository.h"
#include "support/paths/source_paths.h"
#include "support/sample_call.h"
#include "support/shipped_data.h"

namespace noodbel {
namespace {

constexpr UnixTime kNow = 1763974800;  // 2025-11-24 10:00 Europe/Brussels
constexpr GeoPoint kGent{51.05, 3.71667};

Templates load_templates() {
  return test_data::shipped_templates();
}

Family family(const std::string& id, const std::string& phone) {
  Family f;
  f.id = id;
  f.display_name = "Gezin " + id;
  f.home = kGent;
  f.languages = {Language::kNl};
  f.contacts = {{Channel::kSms, phone}};
  return f;
}

// Collects pushed frames; the test plays the server.
class FakeSink final : public EventSink {
 public:
  bool push(std::string frame) override {
    const std::lock_guard lock(mu_);
    if (!open_) return false;
    frames_.push_back(std::move(frame));
    return true;
  }
  bool is_open() const override {
    const std::lock_guard lock(mu_);
    return open_;
  }
  void close() override {
    const std::lock_guard lock(mu_);
    open_ = false;
  }
  std::vector<std::string> frames() const {
    const std::lock_guard lock(mu_);
    return frames_;
  }

 private:
  mutable std::mutex mu_;
  bool open_ = true;
  std::vector<std::string> frames_;
};

class BoardRoutesTest : public ::testing::Test {
 protected:
  BoardRoutesTest()
      : templates_(load_templates()),
        clock_(kNow),
        links_("https://noodbel.test", std::string(40, 'k'), 12, 7) {
    Result<std::string> page = load_web_page(noodbel::testing::source_dir(), "board.html");
    if (!page) throw std::runtime_error(page.error().message);
    Caseworker cw{"C001", "oost-vlaanderen", "An", {}, Role::kCaseworker, Language::kEn};
    repo_.upsert_caseworker(cw);
    repo_.upsert_family(family("F1", "+32470000001"));
    repo_.upsert_family(family("F2", "+32470000002"));
    repo_.upsert_family(family("F3", "+32470000003"));
    Call call = testing::sample_call_k42(kNow);
    call.note = "Rustig kind <b>";
    call_id_ = repo_.insert_call(call);
    first_call_ = call;
    first_call_.id = call_id_;
    for (const char* id : {"F1", "F2", "F3"}) repo_.add_recipient({call_id_, id, 5, 1, kNow});
    repo_.upsert_response({call_id_, "F1", Answer::kYes, "", kNow + 60, "ja", {}, {}});
    repo_.upsert_response({call_id_, "F2", Answer::kNo, "", kNow + 60, "nee", {}, {}});
    repo_.enqueue({"F3", Channel::kSms, "+32470000003", "offer", 0, call_id_}, kNow);
    add_board_routes(router_, BoardDeps{config_, templates_, clock_,
                                        [this](const std::function<Status(Repository&)>& fn) {
                                          return fn(repo_);
                                        },
                                        links_, events_, metrics_, std::move(page).value()});
  }

  HttpResponse get(const std::string& target) {
    const auto parsed = parse_target(target);
    EXPECT_TRUE(parsed.ok()) << target;
    HttpRequest r;
    r.method = "GET";
    r.target = target;
    r.path = parsed->path;
    r.query = parsed->query;
    return router_.handle(r);
  }
  // A link to the call the code leads to now (or to a call never stored, for a code without one).
  std::string token(const std::string& code = "K42", UnixTime at = kNow,
                    const std::string& caseworker = "C001") {
    Call call;
    call.code = code;
    if (const std::optional<Call> stored = repo_.call_by_code(code)) call = *stored;
    const std::string url = links_.board_url(call, caseworker, at);
    return url.substr(url.find("?t=") + 3);
  }
  double rejections(const std::string& reason) {
    return metrics_.value("noodbel_web_link_rejections_total", {{"reason", reason}});
  }

  CoreConfig config_;
  Templates templates_;
  ManualClock clock_;
  SignedLinks links_;
  MemoryRepository repo_;
  BoardEvents events_;
  MetricsRegistry metrics_;
  Router router_;
  std::int64_t call_id_ = 0;
  Call first_call_;

  // A later call that got the same code K42 (codes are reused after code_reuse_days).
  void reuse_code_for_a_later_call() {
    Call later = first_call_;
    later.id = 0;
    later.created_at = kNow + 3600;
    later.note = "Ander kind";
    repo_.insert_call(later);
  }
};

TEST_F(BoardRoutesTest, ValidLinkShowsTheRankedBoardInTheCaseworkersLanguage) {
  const HttpResponse r = get("/board/K42?t=" + token());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(r.header("Cache-Control"), "no-store");
  EXPECT_NE(r.body.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_NE(r.body.find("Noodbel - board K42"), std::string::npos);
  EXPECT_NE(r.body.find("The call as the families saw it"), std::string::npos);
  EXPECT_NE(r.body.find("in Gent"), std::string::npos);
  EXPECT_NE(r.body.find("Rustig kind &lt;b&gt;"), std::string::npos);  // escaped
  EXPECT_EQ(r.body.find("Rustig kind <b>"), std::string::npos);
  EXPECT_NE(r.body.find("data-family=\"F1\"><td class=\"rank\">1</td>"), std::string::npos);
  EXPECT_NE(r.body.find("5 km +"), std::string::npos);  // a factor with its points
  EXPECT_NE(r.body.find("No answer yet (1)"), std::string::npos);
  EXPECT_NE(r.body.find("SMS: queued"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("/board/K42/events?t="), std::string::npos);
  EXPECT_EQ(r.body.find("{{"), std::string::npos);
}

TEST_F(BoardRoutesTest, ContactDetailsShowOnlyForTheChosenFamily) {
  EXPECT_EQ(get("/board/K42?t=" + token()).body.find("+32470000001"), std::string::npos);
  Call call = *repo_.call_by_id(call_id_);
  call.state = CallState::kMatched;
  call.matched_family = "F1";
  repo_.update_call(call);
  const HttpResponse r = get("/board/K42?t=" + token());
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("Matched family"), std::string::npos);
  EXPECT_NE(r.body.find("href=\"tel:+32470000001\""), std::string::npos) << r.body;
  EXPECT_EQ(r.body.find("+32470000002"), std::string::npos);
  EXPECT_EQ(r.body.find("+32470000003"), std::string::npos);
}

TEST_F(BoardRoutesTest, ContactDetailsOfTheChosenFamilyOnlyForTheCallsOwnService) {
  repo_.upsert_caseworker({"C002", "antwerpen", "Bo", {}, Role::kCaseworker, Language::kEn});
  repo_.upsert_caseworker({"S001", "oost-vlaanderen", "Sam", {}, Role::kSupervisor, Language::kEn});
  Call call = *repo_.call_by_id(call_id_);
  call.chosen_family = "F1";
  repo_.update_call(call);

  const HttpResponse own = get("/board/K42?t=" + token("K42", kNow, "S001"));
  ASSERT_EQ(own.status, 200);
  EXPECT_NE(own.body.find("Chosen, not confirmed yet"), std::string::npos) << own.body;
  EXPECT_NE(own.body.find("href=\"tel:+32470000001\""), std::string::npos) << own.body;
  EXPECT_NE(own.body.find("/confirm K42"), std::string::npos);

  const HttpResponse other = get("/board/K42?t=" + token("K42", kNow, "C002"));
  ASSERT_EQ(other.status, 200);
  EXPECT_NE(other.body.find("<span class=\"name\">Gezin F1</span>"), std::string::npos);
  EXPECT_NE(other.body.find("Contact details only for the call&#39;s own service."),
            std::string::npos)
      << other.body;
  EXPECT_EQ(other.body.find("tel:"), std::string::npos);
  EXPECT_EQ(other.body.find("470000001"), std::string::npos);
  EXPECT_EQ(other.body.find("470 00 00 01"), std::string::npos);

  // The live stream follows the same rule.
  auto sink = std::make_shared<FakeSink>();
  get("/board/K42/events?t=" + token("K42", kNow, "C002")).event_stream(sink);
  events_.run_pending();
  ASSERT_EQ(sink->frames().size(), 2u);
  EXPECT_NE(sink->frames()[1].find("Gezin F1"), std::string::npos);
  EXPECT_EQ(sink->frames()[1].find("470000001"), std::string::npos);
  auto own_sink = std::make_shared<FakeSink>();
  get("/board/K42/events?t=" + token()).event_stream(own_sink);
  events_.run_pending();
  ASSERT_EQ(own_sink->frames().size(), 2u);
  EXPECT_NE(own_sink->frames()[1].find("tel:+32470000001"), std::string::npos);
}

TEST_F(BoardRoutesTest, AnUnknownCaseworkerSeesNoContactDetails) {
  Call call = *repo_.call_by_id(call_id_);
  call.chosen_family = "F1";
  repo_.update_call(call);
  const HttpResponse r = get("/board/K42?t=" + token("K42", kNow, "C404"));
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.body.find("470000001"), std::string::npos);
  EXPECT_NE(r.body.find("Contactgegevens alleen"), std::string::npos) << r.body;
}

TEST_F(BoardRoutesTest, ExpiredLinkGets403PageSayingSoAndHowToGetANewOne) {
  const std::string t = token("K42", kNow - 13 * 3600);
  const HttpResponse r = get("/board/K42?t=" + t);
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(r.content_type, "text/html; charset=utf-8");
  EXPECT_NE(r.body.find("Deze link is verlopen"), std::string::npos);
  EXPECT_NE(r.body.find("stuur /bord K42"), std::string::npos);
  EXPECT_EQ(r.body.find("data-family"), std::string::npos);
  EXPECT_EQ(rejections("expired"), 1);
}

TEST_F(BoardRoutesTest, TamperedMissingOrForeignTokensGet403AndAreCountedByReason) {
  std::string tampered = token();
  tampered.back() = tampered.back() == 'A' ? 'B' : 'A';
  EXPECT_EQ(get("/board/K42?t=" + tampered).status, 403);
  EXPECT_EQ(get("/board/K42?t=" + token("K43")).status, 403);  // a link of another call
  const HttpResponse missing = get("/board/K42");
  EXPECT_EQ(missing.status, 403);
  EXPECT_NE(missing.body.find("Deze link is ongeldig"), std::string::npos);
  EXPECT_EQ(rejections("bad_signature"), 2);
  EXPECT_EQ(rejections("malformed"), 1);
  EXPECT_EQ(repo_.audits("board.view").size(), 0u);  // nothing stored either way
}

// A token is checked against the call its code leads to; without one nothing can be checked.
TEST_F(BoardRoutesTest, UnknownCodeGets403LikeAnInvalidLinkAndIsCountedAsAnUnknownCall) {
  const HttpResponse r = get("/board/Z99?t=" + token("Z99"));
  EXPECT_EQ(r.status, 403);
  EXPECT_NE(r.body.find("Deze link is ongeldig"), std::string::npos);
  EXPECT_EQ(rejections("unknown_call"), 1);
  EXPECT_EQ(get("/board/Z99/events?t=" + token("Z99")).status, 403);
  EXPECT_EQ(rejections("unknown_call"), 2);
}

// Issue 13: a link that is still valid must not open a later, unrelated call that reuses
// the code; the later call's own link does.
TEST_F(BoardRoutesTest, ALinkOfAnEarlierCallDoesNotOpenALaterCallWithTheSameCode) {
  const std::string old_link = token();
  reuse_code_for_a_later_call();
  clock_.set(kNow + 3600 + 60);
  const HttpResponse r = get("/board/K42?t=" + old_link);
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(r.body.find("Ander kind"), std::string::npos);
  EXPECT_EQ(rejections("bad_signature"), 1);
  EXPECT_EQ(get("/board/K42/events?t=" + old_link).status, 403);
  const HttpResponse own = get("/board/K42?t=" + token("K42", kNow + 3600 + 60));
  ASSERT_EQ(own.status, 200) << own.body;
  EXPECT_NE(own.body.find("Ander kind"), std::string::npos);
}

TEST_F(BoardRoutesTest, EveryRouteAnswersWithTheFullSecurityHeaderSet) {
  const std::pair<std::string, std::string> visits[] = {
      {"K42", "t=" + token()}, {"Z99", "t=" + token("Z99")}, {"K42", "t=forged"}, {"K42", ""}};
  for (const auto& [code, query] : visits) {
    EXPECT_EQ(
        noodbel::testing::security_header_problems_on_every_route(router_, {{"code", code}}, query),
        std::vector<std::string>{});
  }
}

TEST_F(BoardRoutesTest, TheBoardKeepsItsContentSecurityPolicyAndForbidsFraming) {
  for (const std::string& target : {"/board/K42?t=" + token(), std::string("/board/K42?t=x")}) {
    EXPECT_EQ(get(target).header("Content-Security-Policy"),
              "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
              "connect-src 'self'; img-src data:; frame-ancestors 'none'")
        << target;
  }
}

TEST_F(BoardRoutesTest, ALongWaitingListShowsTheFirstHundredAndCountsTheRest) {
  for (int i = 0; i < 104; ++i) {
    const std::string id = "G" + std::to_string(1000 + i);
    repo_.upsert_family(family(id, "+3247100" + std::to_string(1000 + i)));
    repo_.add_recipient({call_id_, id, 20, 2, kNow + 900});
  }
  const HttpResponse r = get("/board/K42?t=" + token());
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("No answer yet (105)"), std::string::npos);
  EXPECT_NE(r.body.find("... and 5 more."), std::string::npos);
  EXPECT_NE(r.body.find("data-family=\"G1098\""), std::string::npos);
  EXPECT_EQ(r.body.find("data-family=\"G1099\""), std::string::npos);
}

TEST_F(BoardRoutesTest, EventsRefuseABadTokenWith403) {
  const HttpResponse r = get("/board/K42/events?t=nope");
  EXPECT_EQ(r.status, 403);
  EXPECT_FALSE(r.event_stream);
  EXPECT_EQ(rejections("malformed"), 1);
}

TEST_F(BoardRoutesTest, EventsPushTheBoardOnceAndAgainOnlyWhenItChanged) {
  const HttpResponse r = get("/board/K42/events?t=" + token());
  ASSERT_EQ(r.status, 200);
  ASSERT_TRUE(r.event_stream);
  auto sink = std::make_shared<FakeSink>();
  r.event_stream(sink);
  events_.run_pending();
  ASSERT_EQ(sink->frames().size(), 2u);  // retry advice, then the board
  EXPECT_EQ(sink->frames()[1].rfind("event: board\ndata: <section id=\"board\"", 0), 0u);
  events_.notify();  // nothing changed
  events_.run_pending();
  EXPECT_EQ(sink->frames().size(), 2u);
  repo_.upsert_response({call_id_, "F3", Answer::kMaybe, "pas vanaf 18u", kNow + 120, "", {}, {}});
  events_.notify();
  events_.run_pending();
  ASSERT_EQ(sink->frames().size(), 3u);
  EXPECT_NE(sink->frames()[2].find("data-family=\"F3\""), std::string::npos);
  EXPECT_NE(sink->frames()[2].find("pas vanaf 18u"), std::string::npos);
}

TEST_F(BoardRoutesTest, EventsEndWhenTheCodeNowLeadsToALaterCall) {
  const HttpResponse r = get("/board/K42/events?t=" + token());
  auto sink = std::make_shared<FakeSink>();
  r.event_stream(sink);
  events_.run_pending();
  ASSERT_EQ(sink->frames().size(), 2u);
  reuse_code_for_a_later_call();
  events_.notify();
  events_.run_pending();
  EXPECT_EQ(sink->frames().back().rfind("event: expired\n", 0), 0u);
  for (const std::string& frame : sink->frames()) {
    EXPECT_EQ(frame.find("Ander kind"), std::string::npos);
  }
  EXPECT_FALSE(sink->is_open());
  EXPECT_EQ(events_.subscribers(), 0u);
}

TEST_F(BoardRoutesTest, EventsEndWhenTheLinkExpiresOrTheClientLeft) {
  const HttpResponse r = get("/board/K42/events?t=" + token());
  auto sink = std::make_shared<FakeSink>();
  r.event_stream(sink);
  events_.run_pending();
  clock_.set(kNow + 12 * 3600);
  events_.notify();
  events_.run_pending();
  EXPECT_EQ(sink->frames().back().rfind("event: expired\n", 0), 0u);
  EXPECT_FALSE(sink->is_open());
  EXPECT_EQ(events_.subscribers(), 0u);

  clock_.set(kNow);
  auto gone = std::make_shared<FakeSink>();
  get("/board/K42/events?t=" + token()).event_stream(gone);
  gone->close();
  events_.run_pending();
  EXPECT_EQ(events_.subscribers(), 0u);
}

}  // namespace
}  // namespace noodbel
