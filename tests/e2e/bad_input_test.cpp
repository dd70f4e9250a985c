// Bad input on every public endpoint of a real `noodbel serve` (telegram webhook with its
// secret, twilio, kannel, slash and the sandbox all enabled; provider base URLs point at
// an unused loopback port): malformed bodies, wrong or missing signatures and secrets,
// replayed ids, unknown senders, bodies over the limit and invalid UTF-8 get the status
// each provider expects, the service never crashes, and the database (read-only from the
// test) shows nothing stored for refused requests and nothing stored twice.
#include <sqlite3.h>

#include <ctime>
#include <memory>
#include <regex>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "adapters/slash/slash_auth.h"
#include "adapters/twilio/twilio_signature.h"
#include "e2e/e2e_support.h"
#include "support/http_client.h"
#include "support/paths/source_paths.h"

namespace noodbel::testing_support {
namespace {

using nlohmann::json;
using Headers = std::map<std::string, std::string>;

constexpr const char* kTelegramSecret = "ee4bade013de44ba1bc83f9546d55a19";
constexpr const char* kTwilioToken = "caa75f164451ee6f1de03585f6e40fc9";
constexpr const char* kTwilioAccount = "AC0123456789abcdef0123456789abcdef";
constexpr const char* kTwilioUrl = "https://noodbel.example.be/webhooks/twilio";
constexpr const char* kKannelSecret = "0af795006a6fbb53f51fa76accb66de7";
constexpr const char* kSlackSecret = "cfd86f34765b74c2e9c538706776da83";
constexpr const char* kMattermostToken = "q8wz3kd5tnr2vb7xhm4pyc9fgj";
constexpr std::size_t kBodyLimit = 64 * 1024;  // [http] body_limit_bytes default
constexpr std::size_t kTextLimit = 16 * 1024;  // kMaxInboundSmsBytes (adapters/sms/sms_common.h)
const std::string kBadUtf8 = "ja \xC3\x28 \xFF";

std::string config_extra() {
  return std::string(
             "[telegram]\nenabled = true\n"
             "token = \"7301946285:Kvf7lxDiIieehGB25QUeHi6JE8XW-yayenQ8N\"\n"
             "api_base_url = \"http://127.0.0.1:9\"\nmode = \"webhook\"\n"
             "webhook_secret = \"") +
         kTelegramSecret +
         "\"\n"
         "public_url = \"http://127.0.0.1:8443\"\nbot_username = \"noodbel_test_bot\"\n"
         "[twilio]\nenabled = true\naccount_sid = \"" +
         kTwilioAccount +
         "\"\n"
         "auth_token = \"" +
         kTwilioToken +
         "\"\nfrom = \"+32460000000\"\n"
         "api_base_url = \"http://127.0.0.1:9\"\npublic_url = \"" +
         kTwilioUrl +
         "\"\n"
         "[kannel]\nenabled = true\nsendsms_url = \"http://127.0.0.1:9/cgi-bin/sendsms\"\n"
         "username = \"noodbel\"\npassword = \"secretpw\"\n"
         "webhook_secret = \"" +
         kKannelSecret +
         "\"\n"
         "[sms]\nprovider = \"kannel\"\n"
         "[slash]\nsigning_secret = \"" +
         kSlackSecret +
         "\"\n"
         "mattermost_token = \"" +
         kMattermostToken +
         "\"\n"
         "[slash.users]\nU012ABC = \"C001\"\nU0GHOST = \"C999\"\n";
}


// Read-only views of the service's database while it runs.
class Db {
 public:
  explicit Db(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
      ADD_FAILURE() << "cannot open " << path << " read-only";
    }
    sqlite3_busy_timeout(db_, 5000);
  }
  ~Db() { sqlite3_close(db_); }
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  // The single integer `sql` returns (-1 on error).
  std::int64_t number(const std::string& sql, const std::string& arg = "") {
    sqlite3_stmt* stmt = nullptr;
    std::int64_t n = -1;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK) {
      if (!arg.empty()) sqlite3_bind_text(stmt, 1, arg.c_str(), -1, SQLITE_TRANSIENT);
      if (sqlite3_step(stmt) == SQLITE_ROW) n = sqlite3_column_int64(stmt, 0);
    } else {
      ADD_FAILURE() << sqlite3_errmsg(db_) << ": " << sql;
    }
    sqlite3_finalize(stmt);
    return n;
  }

 private:
  sqlite3* db_ = nullptr;
};

// What a refused request must not change.
struct Stored {
  std::int64_t inbox = 0;
  std::int64_t outbox = 0;
  std::int64_t responses = 0;
  std::int64_t contacts = 0;
  bool operator==(const Stored&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Stored& s) {
  return os << "{inbox " << s.inbox << ", outbox " << s.outbox << ", responses " << s.responses
            << ", contacts " << s.contacts << "}";
}

class BadInput : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    env_ = new E2eEnv(make_e2e_env("bad-input", config_extra()));
    load_demo_data(*env_);
    server_ = new BackgroundProcess(
        noodbel::testing::noodbel_binary(), std::vector<std::string>{"serve", "--config", env_->config}, env_->dir);
    const std::string out = server_->wait_for_output("sandbox: http://", 30000);
    std::smatch m;
    if (std::regex_search(out, m, std::regex("127\\.0\\.0\\.1:(\\d+)"))) port_ = std::stoi(m[1]);
  }

  static void TearDownTestSuite() {
    if (server_ != nullptr) {
      EXPECT_EQ(server_->terminate(10000), 0) << server_->stderr_text();
      delete server_;
      server_ = nullptr;
    }
    delete env_;
    env_ = nullptr;
  }

  void SetUp() override {
    ASSERT_GT(port_, 0) << "serve did not start: " << server_->stderr_text();
    db_ = std::make_unique<Db>(env_->db);
  }

  void TearDown() override {
    // Whatever came before, the service is still up.
    EXPECT_EQ(http_call(port_, "GET", "/healthz").status, 200) << server_->stderr_text();
  }

  Stored stored() {
    return {db_->number("SELECT count(*) FROM inbox"), db_->number("SELECT count(*) FROM outbox"),
            db_->number("SELECT count(*) FROM responses"),
            db_->number("SELECT count(*) FROM family_contacts")};
  }
  std::int64_t inbox_rows(const std::string& provider_id) {
    return db_->number("SELECT count(*) FROM inbox WHERE provider_id = ?1", provider_id);
  }

  // --- requests as each provider sends them ---
  HttpReply telegram(const std::string& body, std::optional<std::string> secret = kTelegramSecret) {
    Headers h{{"Content-Type", "application/json"}};
    if (secret) h["X-Telegram-Bot-Api-Secret-Token"] = *secret;
    return http_call(port_, "POST", "/webhooks/telegram", body, h);
  }
  static std::string telegram_update(std::int64_t update_id, std::int64_t chat,
                                     const std::string& text) {
    return json{{"update_id", update_id},
                {"message",
                 {{"message_id", update_id},
                  {"date", 1763974800},
                  {"chat", {{"id", chat}, {"type", "private"}}},
                  {"from", {{"id", chat}, {"is_bot", false}, {"first_name", "X"}}},
                  {"text", text}}}}
        .dump();
  }

  HttpReply twilio(const std::vector<std::pair<std::string, std::string>>& fields,
                   std::optional<std::string> signature = std::nullopt) {
    FormFields params;
    for (const auto& [k, v] : fields) params.emplace(k, v);
    Headers h{{"Content-Type", "application/x-www-form-urlencoded"},
              {"X-Twilio-Signature", signature.value_or(
                                         twilio_signature(kTwilioToken, kTwilioUrl, params))}};
    return http_call(port_, "POST", "/webhooks/twilio", form_encode(fields), h);
  }
  static std::vector<std::pair<std::string, std::string>> sms(const std::string& sid,
                                                              const std::string& from,
                                                              const std::string& body) {
    return {{"AccountSid", kTwilioAccount}, {"MessageSid", sid}, {"From", from},
            {"To", "+32460000000"}, {"Body", body}};
  }

  HttpReply kannel(const std::string& query, const std::string& secret = kKannelSecret) {
    return http_call(port_, "GET", "/webhooks/kannel/" + secret + "?" + query);
  }

  HttpReply slack(const std::string& body, std::optional<std::string> signature = std::nullopt,
                  std::int64_t timestamp = std::time(nullptr),
                  const std::string& type = "application/x-www-form-urlencoded") {
    const std::string ts = std::to_string(timestamp);
    return http_call(port_, "POST", "/slash", body,
                     {{"Content-Type", type},
                      {"X-Slack-Request-Timestamp", ts},
                      {"X-Slack-Signature", signature.value_or(slack_signature(kSlackSecret, ts, body))}});
  }

  HttpReply sandbox(const std::string& body, const std::string& type = "application/json") {
    return http_call(port_, "POST", "/sandbox/api/send", body, {{"Content-Type", type}});
  }

  static E2eEnv* env_;
  static BackgroundProcess* server_;
  static int port_;
  std::unique_ptr<Db> db_;
};

E2eEnv* BadInput::env_ = nullptr;
BackgroundProcess* BadInput::server_ = nullptr;
int BadInput::port_ = 0;

// --- Telegram ---

TEST_F(BadInput, TelegramWithoutOrWithAWrongSecretIs403AndStoresNothing) {
  const Stored before = stored();
  EXPECT_EQ(telegram(telegram_update(9001, 300000001, "hallo"), std::nullopt).status, 403);
  EXPECT_EQ(telegram(telegram_update(9001, 300000001, "hallo"), "wrong-secret-wrong-secret").status,
            403);
  EXPECT_EQ(telegram(telegram_update(9001, 300000001, "hallo"), "").status, 403);
  EXPECT_EQ(stored(), before);
  EXPECT_EQ(inbox_rows("tg:9001"), 0);
}

TEST_F(BadInput, TelegramUnreadableUpdatesGetTheIgnored200AndStoreNothing) {
  const Stored before = stored();
  for (const std::string& body :
       {std::string("{not json"), std::string("[]"), std::string("\"text\""), std::string(""),
        std::string(R"({"update_id": "seven", "message": {}})"),
        std::string(R"({"update_id": 9002, "message": {"chat": 5}})"),
        std::string(R"({"update_id": 9003, "poll": {"id": "1"}})"),
        std::string(R"({"update_id": 1e400, "message": {}})"),
        std::string(R"({"update_id": 9009, "callback_query": {"id": "1", "data": 5}})"),
        std::string(R"({"update_id": 9010, "edited_message": {"text": "x"}})"),
        std::string(30000, '[') + std::string(30000, ']'),
        std::string(R"({"update_id": 9004, "message": {"message_id": 9004, "date": 1763974800,)"
                    R"( "chat": {"id": 300000001, "type": "private"}, "text": ")") +
            kBadUtf8 + "\"}}"}) {
    EXPECT_EQ(telegram(body).status, 200) << body;
  }
  EXPECT_EQ(stored(), before);
}

TEST_F(BadInput, TelegramBodyOverTheLimitIs413AndStoresNothing) {
  const Stored before = stored();
  EXPECT_EQ(telegram(telegram_update(9005, 300000001, std::string(kBodyLimit, 'a'))).status, 413);
  EXPECT_EQ(stored(), before);
}

TEST_F(BadInput, TelegramReplayedUpdateIsHandledOnce) {
  const Stored before = stored();
  const std::string update = telegram_update(9006, 300000006, "wie is dit?");  // unknown chat
  EXPECT_EQ(telegram(update).status, 200);
  const Stored once = stored();
  EXPECT_EQ(once.inbox, before.inbox + 1);
  EXPECT_EQ(once.outbox, before.outbox + 1);  // the one unknown-sender reply
  EXPECT_EQ(telegram(update).status, 200);
  EXPECT_EQ(stored(), once);
  EXPECT_EQ(inbox_rows("tg:9006"), 1);
}

TEST_F(BadInput, TelegramStartWithAWrongCodeChangesNoContactAndARightOneLinks) {
  const Stored before = stored();
  EXPECT_EQ(telegram(telegram_update(9007, 300000007, "/start ZZZZZZZZ")).status, 200);
  EXPECT_EQ(stored().contacts, before.contacts);
  const RunResult issued = noodbel(*env_, {"families", "link", "F0001"});
  ASSERT_EQ(issued.exit_code, 0) << issued.err;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(issued.out, m, std::regex("start=([A-Z0-9]{8})"))) << issued.out;
  EXPECT_EQ(telegram(telegram_update(9008, 300000007, "/start " + m[1].str())).status, 200);
  EXPECT_EQ(db_->number("SELECT position FROM family_contacts WHERE family_id = 'F0001' AND "
                        "channel = 'telegram' AND address = ?1",
                        "300000007"),
            0);
  EXPECT_EQ(stored().contacts, before.contacts + 1);
}

// --- Twilio ---

TEST_F(BadInput, TwilioWithoutOrWithAWrongSignatureIs403AndStoresNothing) {
  const Stored before = stored();
  const auto fields = sms("SM00000000000000000000000000000001", "+32470000001", "ja");
  EXPECT_EQ(twilio(fields, "").status, 403);
  EXPECT_EQ(twilio(fields, "bm90IHRoZSBzaWduYXR1cmU=").status, 403);
  const HttpReply unsigned_request =
      http_call(port_, "POST", "/webhooks/twilio", form_encode(fields),
                {{"Content-Type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(unsigned_request.status, 403);
  auto other_account = fields;
  other_account[0].second = "AC99999999999999999999999999999999";
  EXPECT_EQ(twilio(other_account).status, 403);
  EXPECT_EQ(stored(), before);
}

TEST_F(BadInput, TwilioMalformedOrInvalidBodiesAre4xxAndStoreNothing) {
  const Stored before = stored();
  EXPECT_EQ(http_call(port_, "POST", "/webhooks/twilio", "Body=ja",
                      {{"Content-Type", "application/json"}})
                .status,
            415);
  EXPECT_EQ(http_call(port_, "POST", "/webhooks/twilio", "Body=%zz&From=%",
                      {{"Content-Type", "application/x-www-form-urlencoded"},
                       {"X-Twilio-Signature", "x"}})
                .status,
            400);
  EXPECT_EQ(twilio({{"AccountSid", kTwilioAccount}, {"From", "+32470000001"}, {"Body", "ja"}})
                .status,
            400);  // no MessageSid
  EXPECT_EQ(twilio(sms("SM00000000000000000000000000000002", "+32470000001", kBadUtf8)).status,
            400);
  EXPECT_EQ(twilio(sms("SM00000000000000000000000000000003", "+32470000001",
                       std::string(kTextLimit + 1, 'a')))
                .status,
            413);
  EXPECT_EQ(twilio(sms("SM00000000000000000000000000000004", "+32470000001",
                       std::string(kBodyLimit, 'a')))
                .status,
            413);
  EXPECT_EQ(stored(), before);
}

TEST_F(BadInput, TwilioReplayedMessageSidAndUnknownNumbersAreHandledOnce) {
  const Stored before = stored();
  const auto unknown = sms("SM00000000000000000000000000000010", "+32471999999", "hallo");
  const HttpReply first = twilio(unknown);
  EXPECT_EQ(first.status, 200);
  EXPECT_NE(first.body.find("<Response>"), std::string::npos) << first.body;
  const Stored once = stored();
  EXPECT_EQ(once.inbox, before.inbox + 1);
  EXPECT_EQ(twilio(unknown).status, 200);
  EXPECT_EQ(stored(), once);
  EXPECT_EQ(inbox_rows("tw:SM00000000000000000000000000000010"), 1);
  // A sender that is not a phone number: the ignored TwiML answer, nothing stored.
  EXPECT_EQ(twilio(sms("SM00000000000000000000000000000011", "not-a-number", "hallo")).status, 200);
  EXPECT_EQ(stored(), once);
}

// --- Kannel ---

TEST_F(BadInput, KannelWithAWrongOrMissingSecretIs403AndStoresNothing) {
  const Stored before = stored();
  const std::string q = "type=mo&from=%2B32471999998&text=hallo&id=k-1";
  EXPECT_EQ(kannel(q, "wrong-secret").status, 403);
  EXPECT_EQ(http_call(port_, "GET", "/webhooks/kannel?" + q).status, 403);
  EXPECT_EQ(http_call(port_, "POST", "/webhooks/kannel/nope", q,
                      {{"Content-Type", "application/x-www-form-urlencoded"}})
                .status,
            403);
  EXPECT_EQ(stored(), before);
}

TEST_F(BadInput, KannelMalformedFieldsAreRefusedAndStoreNothing) {
  const Stored before = stored();
  EXPECT_EQ(kannel("type=mo&text=hallo&id=k-2").status, 400);                       // no from
  EXPECT_EQ(kannel("type=mo&from=%2B32471999998&text=hallo").status, 400);          // no id
  EXPECT_EQ(kannel("type=xx&from=%2B32471999998&text=hallo&id=k-3").status, 400);   // type
  EXPECT_EQ(kannel("type=dlr&status=1&id=bogus").status, 400);                      // our id?
  EXPECT_EQ(kannel("type=dlr&status=abc&id=kn:1").status, 400);
  EXPECT_EQ(kannel("type=mo&from=%2B32471999998&text=%00%61%00&coding=2&id=k-7").status,
            400);  // UCS-2 with an odd number of bytes
  EXPECT_EQ(kannel("type=mo&from=%2B32471999998&text=hallo&charset=KLINGON&id=k-8").status, 400);
  EXPECT_EQ(kannel("type=mo&from=%2B32471999998&text=%C3%28%FF&charset=UTF-8&id=k-4").status,
            400);  // invalid UTF-8
  EXPECT_EQ(http_call(port_, "POST",
                      std::string("/webhooks/kannel/") + kKannelSecret +
                          "?type=mo&from=%2B32471999998&id=k-5",
                      std::string(kTextLimit + 1, 'a'), {{"Content-Type", "text/plain"}})
                .status,
            413);
  EXPECT_EQ(http_call(port_, "POST", std::string("/webhooks/kannel/") + kKannelSecret,
                      "from=%zz", {{"Content-Type", "application/x-www-form-urlencoded"}})
                .status,
            400);
  EXPECT_EQ(http_call(port_, "POST",
                      std::string("/webhooks/kannel/") + kKannelSecret +
                          "?type=mo&from=%2B32471999998&id=k-6",
                      std::string(kBodyLimit + 1, 'a'), {{"Content-Type", "text/plain"}})
                .status,
            413);
  EXPECT_EQ(stored(), before);
}

TEST_F(BadInput, KannelReplayedIdAndUnknownNumbersAreHandledOnce) {
  const Stored before = stored();
  const std::string q = "type=mo&from=%2B32471999997&to=1234&text=hallo&id=k-10";
  EXPECT_EQ(kannel(q).status, 200);
  const Stored once = stored();
  EXPECT_EQ(once.inbox, before.inbox + 1);
  EXPECT_EQ(kannel(q).status, 200);
  EXPECT_EQ(stored(), once);
  EXPECT_EQ(inbox_rows("kn:k-10"), 1);
  EXPECT_EQ(kannel("type=mo&from=not-a-number&text=hallo&id=k-11").status, 200);  // ignored
  EXPECT_EQ(kannel("type=dlr&status=1&id=kn:987654").status, 200);  // unknown report: ignored
  EXPECT_EQ(stored(), once);
}

// --- /slash ---

TEST_F(BadInput, SlashWithoutOrWithAWrongSignatureIs403AndStoresNothing) {
  const Stored before = stored();
  const std::string body = form_encode({{"user_id", "U012ABC"}, {"command", "/oproepen"}});
  EXPECT_EQ(http_call(port_, "POST", "/slash", body,
                      {{"Content-Type", "application/x-www-form-urlencoded"}})
                .status,
            403);
  EXPECT_EQ(slack(body, "v0=0000000000000000000000000000000000000000000000000000000000000000")
                .status,
            403);
  EXPECT_EQ(slack(body, std::nullopt, std::time(nullptr) - 3600).status, 403);  // stale
  EXPECT_EQ(http_call(port_, "POST", "/slash",
                      form_encode({{"token", "wrong-token-wrong-token"}, {"user_id", "U012ABC"},
                                   {"command", "/oproepen"}}),
                      {{"Content-Type", "application/x-www-form-urlencoded"}})
                .status,
            403);  // Mattermost with a wrong token
  EXPECT_EQ(stored(), before);
}

TEST_F(BadInput, SlashUnknownUsersAreRefusedAndStoreNothing) {
  const Stored before = stored();
  EXPECT_EQ(slack(form_encode({{"user_id", "U0NOBODY"}, {"command", "/oproepen"}})).status, 403);
  EXPECT_EQ(slack(form_encode({{"user_id", "U0GHOST"}, {"command", "/oproepen"}})).status, 403);
  EXPECT_EQ(stored(), before);
}

TEST_F(BadInput, SlashMalformedBodiesAreRefusedAndStoreNothing) {
  const Stored before = stored();
  EXPECT_EQ(slack("user_id=%zz&command=%2Foproepen").status, 400);
  EXPECT_EQ(slack(form_encode({{"user_id", "U012ABC"}})).status, 400);  // no command
  EXPECT_EQ(slack(form_encode({{"user_id", "U012ABC"}, {"command", "/oproepen"},
                               {"text", kBadUtf8}}))
                .status,
            400);
  EXPECT_EQ(slack(R"({"user_id": "U012ABC"})", std::nullopt, std::time(nullptr),
                  "application/json")
                .status,
            415);
  EXPECT_EQ(slack(form_encode({{"user_id", "U012ABC"}, {"command", "/crisis"},
                               {"text", std::string(kBodyLimit, 'a')}}))
                .status,
            413);
  EXPECT_EQ(stored(), before);
}

TEST_F(BadInput, SlashReplayedRequestIsHandledOnce) {
  const std::string body = form_encode({{"user_id", "U012ABC"}, {"command", "/oproepen"}});
  const std::int64_t ts = std::time(nullptr);
  const std::string signature = slack_signature(kSlackSecret, std::to_string(ts), body);
  const Stored before = stored();
  const HttpReply first = slack(body, signature, ts);
  EXPECT_EQ(first.status, 200) << first.body;
  const Stored once = stored();
  EXPECT_EQ(once.inbox, before.inbox + 1);
  const HttpReply again = slack(body, signature, ts);
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(again.body, "");
  EXPECT_EQ(stored(), once);
}

// --- sandbox ---

TEST_F(BadInput, SandboxMalformedOrInvalidMessagesAreRefusedAndStoreNothing) {
  const Stored before = stored();
  EXPECT_EQ(sandbox("{not json").status, 400);
  EXPECT_EQ(sandbox("[1, 2]").status, 400);
  EXPECT_EQ(sandbox(std::string(30000, '[') + std::string(30000, ']')).status, 400);
  EXPECT_EQ(sandbox(R"({"from": 7, "text": "ja"})").status, 400);
  EXPECT_EQ(sandbox(R"({"from": "F0001"})").status, 400);
  EXPECT_EQ(sandbox(R"({"from": "F0001", "text": "   "})").status, 400);
  EXPECT_EQ(sandbox("{\"from\": \"F0001\", \"text\": \"" + kBadUtf8 + "\"}").status, 400);
  EXPECT_EQ(sandbox(json{{"from", "F0001"}, {"text", std::string(3000, 'a')}}.dump()).status, 400);
  EXPECT_EQ(sandbox(json{{"from", "F0001"}, {"text", std::string(kBodyLimit, 'a')}}.dump()).status,
            413);
  EXPECT_EQ(sandbox(R"({"from": "F9999", "text": "ja"})").status, 404);
  EXPECT_EQ(sandbox("from=F0001&text=ja", "application/x-www-form-urlencoded").status, 415);
  EXPECT_EQ(stored(), before);
}

// --- the server itself ---

TEST_F(BadInput, GarbageHttpGetsA400AndTheServiceStaysUp) {
  const std::string reply = http_raw(port_, "NOT A REQUEST\r\n\r\n");
  EXPECT_NE(reply.find(" 400 "), std::string::npos) << reply;
  const std::string huge_header =
      http_raw(port_, "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(20000, 'a') +
                          "\r\n\r\n");
  EXPECT_TRUE(huge_header.empty() || huge_header.find(" 431 ") != std::string::npos ||
              huge_header.find(" 400 ") != std::string::npos)
      << huge_header.substr(0, 200);
}

}  // namespace
}  // namespace noodbel::testing_support
