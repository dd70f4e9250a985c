#include "e2e/channels_support.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <regex>
#include <sstream>
#include <string_view>

#include "support/http_client.h"
#include "support/paths/source_paths.h"

namespace noodbel::testing_support {
namespace {

using nlohmann::json;

constexpr const char* kBearerbox = "/usr/sbin/bearerbox";
constexpr const char* kSmsbox = "/usr/sbin/smsbox";
constexpr const char* kFakesmsc = "/usr/lib/kannel/test/fakesmsc";
std::string emulator_package() {
  return noodbel::testing::source_path("/node_modules/telegram-test-api/package.json");
}

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

// config/kannel.conf with (group, key) values replaced and the shipped get-url base
// replaced by `get_url_base`.
std::string rewrite_conf(const std::map<std::pair<std::string, std::string>, std::string>& values,
                         const std::string& get_url_base) {
  std::istringstream in(read_text_file(noodbel::testing::source_path("/config/kannel.conf")));
  std::ostringstream out;
  std::string line, group;
  const std::regex assignment(R"(^([a-z-]+)\s*=\s*(.*)$)");
  const std::string shipped = "http://127.0.0.1:8080/webhooks/kannel/CHANGE-ME-WEBHOOK-SECRET";
  while (std::getline(in, line)) {
    std::smatch m;
    if (std::regex_match(line, m, assignment)) {
      if (m[1] == "group") group = m[2];
      const auto it = values.find({group, m[1]});
      if (it != values.end()) line = m[1].str() + " = " + it->second;
    }
    if (const auto at = line.find(shipped); at != std::string::npos) {
      line.replace(at, shipped.size(), get_url_base);
    }
    out << line << "\n";
  }
  return out.str();
}

}  // namespace

std::string missing_programs() {
  std::string missing;
  for (const char* program : {kBearerbox, kSmsbox, kFakesmsc}) {
    if (!std::filesystem::exists(program)) missing += std::string(missing.empty() ? "" : ", ") + program;
  }
  if (find_in_path("node").empty()) missing += std::string(missing.empty() ? "" : ", ") + "node";
  if (!std::filesystem::exists(emulator_package())) {
    missing += std::string(missing.empty() ? "" : ", ") + "node_modules/telegram-test-api";
  }
  return missing;
}

// ---- Telegram ----

TelegramEmulator::TelegramEmulator(int port) : port_(port) {
  process_ = std::make_unique<BackgroundProcess>(
      find_in_path("node"),
      std::vector<std::string>{noodbel::testing::source_path("/tests/telegram/emulator.mjs"), std::to_string(port)},
      make_temp_dir("noodbel-e2e-tg"));
  started_ = !process_->wait_for_output("listening", 15'000).empty();
}

std::string TelegramEmulator::log() const { return process_->stdout_text() + process_->stderr_text(); }

std::vector<json> TelegramEmulator::bot_messages(const std::string& token, std::int64_t chat) {
  const HttpReply reply = http_call(port_, "POST", "/getUpdates",
                                    json{{"token", token}, {"chatId", chat}}.dump(),
                                    {{"Content-Type", "application/json"}});
  const json body = json::parse(reply.body, nullptr, false);
  if (body.is_object() && body.contains("result")) {
    for (const json& update : body["result"]) {
      const json& m = update["message"];
      seen_.push_back({{"text", m.value("text", "")},
                       {"reply_markup", m.value("reply_markup", json::object())},
                       {"message_id", update["messageId"]},
                       {"date", update["time"].get<std::int64_t>() / 1000}});
    }
  }
  return seen_;
}

void TelegramEmulator::press(const std::string& token, json callback) {
  callback["botToken"] = token;
  http_call(port_, "POST", "/sendCallback", callback.dump(), {{"Content-Type", "application/json"}});
}

// ---- Kannel ----

KannelGateway::KannelGateway(const std::string& get_url_base) {
  dir_ = temp_dir("noodbel-e2e-kannel");
  const std::vector<int> ports = free_loopback_ports(4);
  admin_port_ = ports[0];
  smsbox_port_ = ports[1];
  smsc_port_ = ports[2];
  sendsms_port_ = ports[3];
  const auto q = [](const std::string& s) { return "\"" + s + "\""; };
  std::ofstream(dir_ + "/kannel.conf")
      << rewrite_conf({{{"core", "admin-port"}, std::to_string(admin_port_)},
                       {{"core", "smsbox-port"}, std::to_string(smsbox_port_)},
                       {{"core", "log-file"}, q(dir_ + "/bearerbox.log")},
                       {{"core", "log-level"}, "0"},
                       {{"core", "access-log"}, q(dir_ + "/access.log")},
                       {{"core", "store-location"}, q(dir_ + "/kannel.store")},
                       {{"smsc", "port"}, std::to_string(smsc_port_)},
                       {{"smsbox", "bearerbox-port"}, std::to_string(smsbox_port_)},
                       {{"smsbox", "sendsms-port"}, std::to_string(sendsms_port_)},
                       {{"smsbox", "log-file"}, q(dir_ + "/smsbox.log")},
                       {{"smsbox", "log-level"}, "0"},
                       {{"smsbox", "access-log"}, q(dir_ + "/smsbox-access.log")},
                       {{"sendsms-user", "password"}, kKannelPassword}},
                      get_url_base);
  bearerbox_ = std::make_unique<BackgroundProcess>(
      kBearerbox, std::vector<std::string>{dir_ + "/kannel.conf"}, temp_dir("noodbel-e2e-bearerbox"));
  if (!wait_until([&] { return bearerbox_log().find("smsc_fake: start called") != std::string::npos; })) {
    failure_ = "bearerbox did not start: " + bearerbox_->stderr_text().substr(0, 2000);
    return;
  }
  smsbox_ = std::make_unique<BackgroundProcess>(
      kSmsbox, std::vector<std::string>{dir_ + "/kannel.conf"}, temp_dir("noodbel-e2e-smsbox"));
  // Ready once connected to bearerbox (a sendsms request during smsbox's set-up crashes
  // Kannel 1.4.5, so it is not probed).
  if (!wait_until([&] { return read_text_file(dir_ + "/smsbox.log").find("Connected to bearerbox at") != std::string::npos; })) {
    failure_ = "smsbox did not start: " + smsbox_->stderr_text().substr(0, 2000);
  }
}

KannelGateway::~KannelGateway() {
  if (smsbox_) smsbox_->terminate(3000);
  if (bearerbox_) bearerbox_->terminate(5000);
  smsbox_.reset();
  bearerbox_.reset();
  std::error_code ignored;
  for (const std::string& d : dirs_) std::filesystem::remove_all(d, ignored);
}

std::string KannelGateway::sendsms_url() const {
  return "http://127.0.0.1:" + std::to_string(sendsms_port_) + "/cgi-bin/sendsms";
}

std::string KannelGateway::bearerbox_log() const { return read_text_file(dir_ + "/bearerbox.log"); }

std::string KannelGateway::temp_dir(const std::string& prefix) {
  dirs_.push_back(make_temp_dir(prefix));
  return dirs_.back();
}

// ---- fakesmsc ----

FakePhone::FakePhone(KannelGateway& kannel, const std::vector<std::string>& args) {
  const std::size_t before = count(kannel.bearerbox_log(), "Fakesmsc client connected");
  std::vector<std::string> argv{"-H", "127.0.0.1", "-r", std::to_string(kannel.smsc_port()), "-i", "0.1"};
  argv.insert(argv.end(), args.begin(), args.end());
  process_ = std::make_unique<BackgroundProcess>(kFakesmsc, argv, kannel.temp_dir("noodbel-e2e-fakesmsc"));
  connected_ = wait_until(
      [&] { return count(kannel.bearerbox_log(), "Fakesmsc client connected") > before; });
}

FakePhone::~FakePhone() { process_->terminate(3000); }

std::vector<std::string> FakePhone::listen_only() {
  // Without a message argument fakesmsc would read stdin (/dev/null) and quit at once.
  return {"-m", "0", "+32470000000 8810 text unused"};
}

std::vector<std::string> FakePhone::sending(const std::string& number, const std::string& text) {
  return {"-m", "1", number + " 8810 text " + text};
}

std::vector<std::string> FakePhone::received() const {
  std::vector<std::string> lines;
  std::istringstream in(process_->stderr_text() + process_->stdout_text());
  std::string line;
  while (std::getline(in, line)) {
    const auto at = line.find("Got message");
    if (at != std::string::npos) lines.push_back(line.substr(at));
  }
  return lines;
}

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// fakesmsc's url-encoding: '+' is a space, %XX a byte.
std::string url_decoded(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out += ' ';
    } else if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 &&
               hex_value(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

struct Part {
  std::string to;
  int reference = -1;  // -1: a message in one part
  int total = 1;
  int sequence = 1;
  std::string text;
};

// "<from to udh UDH data DATA>" or "<from to text TEXT>"; nothing for other lines.
std::optional<Part> part_of(const std::string& line) {
  static const std::regex udh("<\\S+ (\\S+) udh (\\S+) data (.*)>$");
  static const std::regex plain("<\\S+ (\\S+) text (.*)>$");
  std::smatch m;
  if (std::regex_search(line, m, udh)) {
    const std::string header = url_decoded(m[2].str());
    Part p{m[1].str(), -1, 1, 1, url_decoded(m[3].str())};
    // Concatenation header: length 5, IEI 0, length 3, reference, total, sequence.
    if (header.size() >= 6 && header[1] == 0 && header[2] == 3) {
      p.reference = static_cast<unsigned char>(header[3]);
      p.total = static_cast<unsigned char>(header[4]);
      p.sequence = static_cast<unsigned char>(header[5]);
    }
    return p;
  }
  if (std::regex_search(line, m, plain)) return Part{m[1].str(), -1, 1, 1, m[2].str()};
  return std::nullopt;
}

}  // namespace

std::vector<ReceivedSms> decode_sms(const std::vector<std::string>& lines) {
  static const std::regex continued("^Got message \\d+: <(.*)>$");
  std::vector<ReceivedSms> out;
  std::map<std::pair<std::string, int>, std::map<int, std::string>> pending;
  bool last_was_text = false;  // fakesmsc prints each further line of a text on its own
  for (const std::string& line : lines) {
    const std::optional<Part> p = part_of(line);
    std::smatch m;
    if (!p) {
      if (last_was_text && std::regex_search(line, m, continued)) out.back().text += "\n" + m[1].str();
      continue;
    }
    last_was_text = p->reference < 0 && p->total <= 1 && line.find(" text ") != std::string::npos;
    if (p->reference < 0 || p->total <= 1) {
      out.push_back({p->to, p->text});
      continue;
    }
    auto& parts = pending[{p->to, p->reference}];
    parts[p->sequence] = p->text;
    if (static_cast<int>(parts.size()) < p->total) continue;
    std::string joined;
    for (const auto& [sequence, text] : parts) joined += text;
    out.push_back({p->to, joined});
    pending.erase({p->to, p->reference});
  }
  return out;
}

}  // namespace noodbel::testing_support
