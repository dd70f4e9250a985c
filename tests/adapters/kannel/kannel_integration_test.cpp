// Against real Kannel (Debian's kannel and kannel-extras, installed by scripts/install-deps):
// bearerbox, smsbox and fakesmsc on free loopback ports, configured from the shipped
// config/kannel.conf, with Noodbel's own HTTP server and Kannel webhook as the receiver.
// Skipped (with the reason) only when the Kannel programs are not installed.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "adapters/http/client.h"
#include "adapters/http/server.h"
#include "adapters/kannel/kannel_routes.h"
#include "adapters/kannel/kannel_sender.h"
#include "bot/sms_text.h"
#include "support/process.h"
#include "support/paths/source_paths.h"

namespace noodbel {
namespace {

using testing_support::BackgroundProcess;

constexpr const char* kBearerbox = "/usr/sbin/bearerbox";
constexpr const char* kSmsbox = "/usr/sbin/smsbox";
constexpr const char* kFakesmsc = "/usr/lib/kannel/test/fakesmsc";
constexpr const char* kSecret = "kannel-test-secret-0123456789";
constexpr const char* kPhone = "+32470000001";

// config/kannel.conf with (group, key) values replaced (its only active smsc group is the
// fake one) and the get-url pointed at `receiver_base`.
std::string rewrite_conf(const std::string& conf,
                         const std::map<std::pair<std::string, std::string>, std::string>& values,
                         const std::string& receiver_base) {
  std::istringstream in(conf);
  std::ostringstream out;
  std::string line, group;
  const std::regex assignment(R"(^([a-z-]+)\s*=\s*(.*)$)");
  while (std::getline(in, line)) {
    std::smatch m;
    if (std::regex_match(line, m, assignment)) {
      if (m[1] == "group") group = m[2];
      const auto it = values.find({group, m[1]});
      if (it != values.end()) line = m[1].str() + " = " + it->second;
    }
    const std::string shipped = "http://127.0.0.1:8080/webhooks/kannel/CHANGE-ME-WEBHOOK-SECRET";
    if (const auto at = line.find(shipped); at != std::string::npos) {
      line.replace(at, shipped.size(), receiver_base);
    }
    out << line << "\n";
  }
  return out.str();
}

// What Noodbel's Kannel webhook handed on, recorded for the test to poll.
class Recorder {
 public:
  Result<InboundOutcome> deliver(const InboundMessage& m) {
    const std::lock_guard lock(mutex_);
    messages_.push_back(m);
    return InboundOutcome::kHandled;
  }
  void report(const std::string& id, OutboxState state) {
    const std::lock_guard lock(mutex_);
    reports_.emplace_back(id, state);
  }
  std::optional<InboundMessage> message_with(const std::string& text) const {
    const std::lock_guard lock(mutex_);
    for (const InboundMessage& m : messages_) {
      if (m.text == text) return m;
    }
    return std::nullopt;
  }
  bool reported(const std::string& id, OutboxState state) const {
    const std::lock_guard lock(mutex_);
    for (const auto& [i, s] : reports_) {
      if (i == id && s == state) return true;
    }
    return false;
  }

 private:
  mutable std::mutex mutex_;
  std::vector<InboundMessage> messages_;                     // GUARDED_BY(mutex_)
  std::vector<std::pair<std::string, OutboxState>> reports_;  // GUARDED_BY(mutex_)
};

bool kannel_installed() {
  return std::filesystem::exists(kBearerbox) && std::filesystem::exists(kSmsbox) &&
         std::filesystem::exists(kFakesmsc);
}

// bearerbox + smsbox + Noodbel's receiver, shared by the tests of this suite.
struct KannelWorld {
  std::string dir;
  int admin_port = 0, smsbox_port = 0, smsc_port = 0, sendsms_port = 0;
  KannelConfig config;
  ManualClock clock{1'760'000'000};
  Recorder recorder;
  Router router;
  std::unique_ptr<HttpServer> receiver;
  std::unique_ptr<BackgroundProcess> bearerbox;
  std::unique_ptr<BackgroundProcess> smsbox;
  std::unique_ptr<HttpClient> client = make_http_client();
  std::string failure;  // why the world could not start
  std::vector<std::string> dirs;  // removed by stop()

  std::string temp_dir(const std::string& prefix) {
    dirs.push_back(testing_support::make_temp_dir(prefix));
    return dirs.back();
  }

  std::string bearerbox_log() const { return testing_support::read_text_file(dir + "/bearerbox.log"); }

  void start() {
    dir = temp_dir("noodbel-kannel");
    const std::vector<int> ports = testing_support::free_loopback_ports(4);
    admin_port = ports[0];
    smsbox_port = ports[1];
    smsc_port = ports[2];
    sendsms_port = ports[3];

    config.enabled = true;
    config.sendsms_url = "http://127.0.0.1:" + std::to_string(sendsms_port) + "/cgi-bin/sendsms";
    config.username = "noodbel";
    config.password = "change-me-too";  // as shipped in config/kannel.conf
    config.from = "8810";
    config.webhook_secret = kSecret;
    config.allowed_sources = {"127.0.0.1"};
    add_kannel_routes(
        router,
        KannelDeps{config, clock, [this](const InboundMessage& m) { return recorder.deliver(m); },
                   [this](const std::string& id, OutboxState s, UnixTime) -> Status {
                     recorder.report(id, s);
                     return Ok();
                   }});
    HttpServerOptions options;
    options.port = 0;
    receiver = std::make_unique<HttpServer>(
        options, [this](const HttpRequest& r) { return router.handle(r); });
    if (Status s = receiver->start(); !s.ok()) {
      failure = s.error().message;
      return;
    }
    const std::string base = "http://127.0.0.1:" + std::to_string(receiver->port());
    config.dlr_url = base + "/webhooks/kannel";

    const auto q = [](const std::string& s) { return "\"" + s + "\""; };
    const std::string conf = rewrite_conf(
        testing_support::read_text_file(noodbel::testing::source_path("/config/kannel.conf")),
        {{{"core", "admin-port"}, std::to_string(admin_port)},
         {{"core", "smsbox-port"}, std::to_string(smsbox_port)},
         {{"core", "log-file"}, q(dir + "/bearerbox.log")},
         {{"core", "log-level"}, "0"},
         {{"core", "access-log"}, q(dir + "/access.log")},
         {{"core", "store-location"}, q(dir + "/kannel.store")},
         {{"smsc", "port"}, std::to_string(smsc_port)},
         {{"smsbox", "bearerbox-port"}, std::to_string(smsbox_port)},
         {{"smsbox", "sendsms-port"}, std::to_string(sendsms_port)},
         {{"smsbox", "log-file"}, q(dir + "/smsbox.log")},
         {{"smsbox", "log-level"}, "0"},
         {{"smsbox", "access-log"}, q(dir + "/smsbox-access.log")}},
        base + "/webhooks/kannel/" + kSecret);
    std::ofstream(dir + "/kannel.conf") << conf;

    bearerbox = std::make_unique<BackgroundProcess>(
        kBearerbox, std::vector<std::string>{dir + "/kannel.conf"},
        temp_dir("noodbel-bearerbox"));
    if (!testing_support::wait_until([&] { return bearerbox_log().find("smsc_fake: start called") != std::string::npos; })) {
      failure = "bearerbox did not start: " + bearerbox->stderr_text().substr(0, 2000);
      return;
    }
    smsbox = std::make_unique<BackgroundProcess>(
        kSmsbox, std::vector<std::string>{dir + "/kannel.conf"},
        temp_dir("noodbel-smsbox"));
    // Ready once connected to bearerbox, after its set-up. (Not by probing sendsms: a
    // request during smsbox's set-up crashes Kannel 1.4.5 in urltrans_find_username.)
    if (!testing_support::wait_until([&] {
          return testing_support::read_text_file(dir + "/smsbox.log").find("Connected to bearerbox at") != std::string::npos;
        })) {
      failure = "smsbox did not start: " + smsbox->stderr_text().substr(0, 2000);
    }
  }

  void stop() {
    if (smsbox) smsbox->terminate(3000);
    if (bearerbox) bearerbox->terminate(5000);
    if (receiver) receiver->stop();
    smsbox.reset();
    bearerbox.reset();
    receiver.reset();
    std::error_code ignored;
    for (const std::string& d : dirs) std::filesystem::remove_all(d, ignored);
  }
};

// One fakesmsc client: the phone side. Only one can be connected at a time.
class Phone {
 public:
  Phone(KannelWorld& world, std::vector<std::string> args) : world_(world) {
    const std::size_t connected_before = count_connected();
    std::vector<std::string> argv{"-H", "127.0.0.1", "-r", std::to_string(world.smsc_port),
                                  "-i", "0.1"};
    argv.insert(argv.end(), args.begin(), args.end());
    process_ = std::make_unique<BackgroundProcess>(kFakesmsc, argv, world.temp_dir("noodbel-fakesmsc"));
    connected_ = testing_support::wait_until([&] { return count_connected() > connected_before; });
  }
  ~Phone() { process_->terminate(3000); }
  Phone(const Phone&) = delete;
  Phone& operator=(const Phone&) = delete;

  bool connected() const { return connected_; }
  // The messages fakesmsc received ("Got message N: <from to type data>"), as lines.
  std::vector<std::string> received() const {
    std::vector<std::string> lines;
    std::istringstream in(process_->stderr_text() + process_->stdout_text());
    std::string line;
    while (std::getline(in, line)) {
      const auto at = line.find("Got message");
      if (at != std::string::npos) lines.push_back(line.substr(at));
    }
    return lines;
  }

 private:
  std::size_t count_connected() const {
    const std::string log = world_.bearerbox_log();
    std::size_t n = 0;
    for (auto at = log.find("Fakesmsc client connected"); at != std::string::npos;
         at = log.find("Fakesmsc client connected", at + 1)) {
      ++n;
    }
    return n;
  }

  KannelWorld& world_;
  std::unique_ptr<BackgroundProcess> process_;
  bool connected_ = false;
};

// fakesmsc sends nothing and only prints what it receives. (Without a message argument
// it would read messages from stdin, which is /dev/null, and quit at once.)
const std::vector<std::string> kListenOnly{"-m", "0", "+32470000001 8810 text unused"};

class KannelIntegration : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!kannel_installed()) return;
    world_ = std::make_unique<KannelWorld>();
    world_->start();
  }
  static void TearDownTestSuite() {
    if (world_ == nullptr) return;
    world_->stop();
    world_.reset();
  }
  void SetUp() override {
    if (!kannel_installed()) {
      GTEST_SKIP() << "Kannel is not installed (" << kBearerbox << ", " << kFakesmsc
                   << "): run scripts/install-deps (Debian packages kannel, kannel-extras)";
    }
    ASSERT_TRUE(world_->failure.empty()) << world_->failure;
  }

  static OutboxItem item(std::string text) {
    static std::int64_t next_id = 100;
    OutboxItem i;
    i.id = ++next_id;
    i.message = {"F1", Channel::kSms, kPhone, std::move(text), 0, 1};
    return i;
  }

  static SendResult send(const KannelConfig& config, const OutboxItem& i) {
    KannelSender sender(config, *world_->client);
    return sender.send(i);
  }

  static std::unique_ptr<KannelWorld> world_;
};

std::unique_ptr<KannelWorld> KannelIntegration::world_;

TEST_F(KannelIntegration, AGsm7MessageReachesThePhoneAndIsReportedDelivered) {
  Phone phone(*world_, kListenOnly);
  ASSERT_TRUE(phone.connected()) << world_->bearerbox_log().substr(0, 3000);
  const OutboxItem i = item("Noodbel K42 – crisisopvang: 4 jaar, “dringend” €25…");
  const SendResult r = send(world_->config, i);
  ASSERT_EQ(r.kind, SendResult::Kind::kSent) << r.error;
  EXPECT_EQ(r.provider_message_id, "kn:" + std::to_string(i.id));
  const std::string expected = "8810 +32470000001 text Noodbel K42 - crisisopvang: 4 jaar, "
                               "\"dringend\" €25...";
  EXPECT_TRUE(testing_support::wait_until([&] {
    for (const std::string& line : phone.received()) {
      if (line.find(expected) != std::string::npos) return true;
    }
    return false;
  })) << ::testing::PrintToString(phone.received());
  EXPECT_TRUE(testing_support::wait_until([&] { return world_->recorder.reported(r.provider_message_id, OutboxState::kDelivered); }));
}

TEST_F(KannelIntegration, ATextOutsideGsm7GoesOutAsUcs2) {
  Phone phone(*world_, kListenOnly);
  ASSERT_TRUE(phone.connected());
  const std::string text = "Peut-être 👍 ça va";
  const SendResult r = send(world_->config, item(text));
  ASSERT_EQ(r.kind, SendResult::Kind::kSent) << r.error;
  std::string decoded;
  EXPECT_TRUE(testing_support::wait_until([&] {
    for (const std::string& line : phone.received()) {
      const auto at = line.find(" ucs-2 ");
      if (at == std::string::npos) continue;
      std::string data = line.substr(at + 7);
      if (!data.empty() && data.back() == '>') data.pop_back();
      const auto bytes = percent_decode(data, true);
      if (!bytes.ok()) continue;
      const auto utf8 = utf16be_to_utf8(*bytes);
      if (utf8.ok() && *utf8 == text) return true;
      if (utf8.ok()) decoded = *utf8;
    }
    return false;
  })) << "last UCS-2 message decoded as '" << decoded << "' in " << ::testing::PrintToString(phone.received());
}

TEST_F(KannelIntegration, AReplyFromThePhoneReachesTheWebhook) {
  Phone phone(*world_, {"-m", "1", "+32470000001 8810 text ja K42, tot straks"});
  ASSERT_TRUE(phone.connected());
  ASSERT_TRUE(testing_support::wait_until([] { return world_->recorder.message_with("ja K42, tot straks").has_value(); }));
  const InboundMessage m = *world_->recorder.message_with("ja K42, tot straks");
  EXPECT_EQ(m.channel, Channel::kSms);
  EXPECT_EQ(m.address, kPhone);
  EXPECT_EQ(m.provider_id.rfind("kn:", 0), 0u);
  EXPECT_GT(m.provider_id.size(), 10u);  // "kn:" + Kannel's message UUID
}

TEST_F(KannelIntegration, AUcs2ReplyIsDecoded) {
  // "Oui 👍 ça marche" in UTF-16BE, URL-encoded as fakesmsc's "ucs2" type expects.
  Phone phone(*world_, {"-m", "1",
                        "+32470000001 8810 ucs2 %00O%00u%00i%00%20%D8%3D%DC%4D%00%20%00%E7%00a"
                        "%00%20%00m%00a%00r%00c%00h%00e"});
  ASSERT_TRUE(phone.connected());
  EXPECT_TRUE(testing_support::wait_until([] { return world_->recorder.message_with("Oui 👍 ça marche").has_value(); }))
      << testing_support::read_text_file(world_->dir + "/smsbox.log").substr(0, 4000);
}

TEST_F(KannelIntegration, AWrongPasswordIsAPermanentFailure) {
  KannelConfig wrong = world_->config;
  wrong.password = "not-the-password";
  const SendResult r = send(wrong, item("ja"));
  EXPECT_EQ(r.kind, SendResult::Kind::kPermanent);
  EXPECT_THAT(r.error, ::testing::HasSubstr("403"));
}

}  // namespace
}  // namespace noodbel
