// Config: every setting of a running Noodbel, as plain values with safe defaults.
// Loaded from TOML by adapters/config/load_config.h; the core only reads it.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bot/types.h"

namespace noodbel {

// What happens outside office hours: a crisis coordinator matches during `staffed` hours,
// or matching waits for the next working day. Calls are always published at once.
enum class AfterHours { kStaffed, kNextWorkingDay };

// Default schedules (Europe/Brussels): office Monday-Friday 09:00-17:00; staffed
// Monday-Friday 17:00-21:00 and Saturday-Sunday 09:00-21:00.
std::vector<WeeklyWindow> default_office_hours();
std::vector<WeeklyWindow> default_staffed_hours();

struct ServiceConfig {
  std::string id;    // "oost-vlaanderen"
  std::string name;  // "Pleegzorg Oost-Vlaanderen"
  // Weekly windows in Brussels time; a Belgian public holiday counts as a Sunday.
  std::vector<WeeklyWindow> office_hours = default_office_hours();
  AfterHours after_hours = AfterHours::kStaffed;
  std::vector<WeeklyWindow> staffed_hours = default_staffed_hours();  // used when kStaffed
  // Per-service overrides of CallsConfig (unset: the [calls] value).
  std::optional<int> wave_size = std::nullopt;
  std::optional<int> wave_interval_minutes = std::nullopt;
  std::optional<int> stop_after_yes = std::nullopt;
};

struct HttpConfig {
  std::string address = "127.0.0.1";
  int port = 8080;
  std::size_t body_limit_bytes = 64 * 1024;
  int read_timeout_seconds = 10;
  int max_connections = 512;
};

struct CallsConfig {
  int wave_size = 10;                 // families per wave
  int wave_interval_minutes = 15;     // between waves
  int stop_after_yes = 3;             // stop widening after this many yes-answers
  int expiry_hours = 24;
  int code_reuse_days = 7;            // a code is not reused within this many days of closing
  // The caseworker hears of the first yes or maybe at once; later answers are gathered
  // into one update at most this often per call.
  int answers_notice_minutes = 5;
  int confirm_reminder_minutes = 20;  // a chosen family not confirmed: remind this often
  int expiry_warning_minutes = 60;    // tell the caseworker this long before a call expires
};

struct SandboxConfig {
  bool enabled = false;
};

// Weights of the ranked board (points; each factor scores 0..1, 1 best). The score is
// the weighted sum minus maybe_penalty for a maybe-answer; the default maximum is 100.
struct BoardConfig {
  double weight_distance = 35;           // nearer is better (0 km: 1, 50 km or more: 0)
  double weight_language = 15;           // speaks one of the call's languages
  double weight_fit = 15;                // ages in range and children fill the capacity
  double weight_availability = 15;       // share of the expected duration available
  double weight_answer_time = 10;        // quick answer after the call was sent
  double weight_recent_placements = 10;  // fewer crisis placements in the last 90 days
  double maybe_penalty = 20;
  // Taken off a yes or maybe whose condition conflicts with the call ("1 nacht" on a
  // 3-day call, "vanaf 18u" on an urgent one), times the conflict (0..1).
  double conflict_penalty = 30;
};

// Caseworker slash-commands on POST /slash (Slack and Mattermost formats).
struct SlashConfig {
  std::string signing_secret;    // Slack app signing secret; empty: Slack requests refused
  std::string mattermost_token;  // Mattermost command token; empty: Mattermost refused
  // Slack/Mattermost user id -> caseworker id. Authoritative over slash: contacts.
  std::map<std::string, std::string, std::less<>> users;
  // Pushes (notices the bot sends on its own) to slash users: the user's last response_url
  // while valid, else an incoming-webhook URL (a secret) of the caseworker, else of the
  // caseworker's service. https only (http on loopback for tests).
  std::map<std::string, std::string, std::less<>> webhooks;             // service id -> URL
  std::map<std::string, std::string, std::less<>> caseworker_webhooks;  // caseworker id -> URL
  int messages_per_second = 1;  // all slash pushes together (Slack: ~1 per second per webhook)
};

// The supervisors' daily digest (bot/digest.h).
struct DigestConfig {
  bool enabled = true;              // false: `serve` sends no daily digest (the page still works)
  int minute_of_day = 7 * 60 + 30;  // digest time, Brussels local time ("07:30")
  int coverage_min_families = 3;    // fewer families within 30 km tonight is a coverage gap
};

// The scheduler of `noodbel serve`: waves, expiry, notices to caseworkers, the digest and
// retention run every `tick_seconds`.
struct SchedulerConfig {
  int tick_seconds = 30;
};

struct LogConfig {
  std::string level = "info";  // trace, debug, info, warn, error
};

// The Telegram Bot API channel (adapters/telegram/). webhook: Telegram POSTs updates to
// public_url + "/webhooks/telegram"; polling: Noodbel calls getUpdates (no public HTTPS).
enum class TelegramMode { kWebhook, kPolling };

struct TelegramConfig {
  bool enabled = false;
  std::string token;  // from @BotFather; NOODBEL_TELEGRAM_TOKEN overrides
  std::string api_base_url = "https://api.telegram.org";
  TelegramMode mode = TelegramMode::kWebhook;
  std::string webhook_secret;  // X-Telegram-Bot-Api-Secret-Token; NOODBEL_TELEGRAM_WEBHOOK_SECRET
  std::string public_url;      // webhook mode: "https://noodbel.example.be" (behind the proxy)
  int messages_per_second = 25;           // Telegram's overall limit is about 30/s
  int per_chat_messages_per_second = 1;   // and about 1/s in one chat
  int poll_timeout_seconds = 25;          // polling mode: getUpdates long-poll timeout
  std::string bot_username;  // "noodbel_bot", for https://t.me/<bot_username>?start=CODE links
};

// SMS through Twilio's REST API (adapters/twilio/). Twilio POSTs incoming messages and
// status callbacks to public_url, signed with the auth token (X-Twilio-Signature).
struct TwilioConfig {
  bool enabled = false;
  std::string account_sid;            // "AC" + 32 hex
  std::string auth_token;             // NOODBEL_TWILIO_AUTH_TOKEN overrides
  std::string from;                   // sender number or id; set this or the next one
  std::string messaging_service_sid;  // "MG" + 32 hex
  std::string api_base_url = "https://api.twilio.com";
  std::string public_url;       // the URL Twilio calls: "https://noodbel.example.be/webhooks/twilio"
  std::string status_callback;  // StatusCallback of sent messages; empty: public_url
};

// SMS through a self-hosted Kannel gateway (adapters/kannel/): smsbox's sendsms
// interface out; its sms-service and delivery reports call /webhooks/kannel/{secret}.
struct KannelConfig {
  bool enabled = false;
  std::string sendsms_url = "http://127.0.0.1:13013/cgi-bin/sendsms";
  std::string username;        // a sendsms-user of smsbox
  std::string password;        // NOODBEL_KANNEL_PASSWORD overrides
  std::string from;            // sender number or id; empty: smsbox's default
  std::string dlr_url;         // "http://127.0.0.1:8080/webhooks/kannel"; empty: no reports
  std::string webhook_secret;  // the {secret} path segment; NOODBEL_KANNEL_SECRET overrides
  std::vector<std::string> allowed_sources = {"127.0.0.1", "::1"};  // IPs Kannel calls from
};

// Which provider sends Channel::kSms, and how fast.
enum class SmsProvider { kNone, kTwilio, kKannel };

struct SmsConfig {
  // Default: the one of [twilio] and [kannel] that is enabled. kNone: SMS rows wait.
  SmsProvider provider = SmsProvider::kNone;
  int messages_per_second = 5;
};

// Signal through a signal-cli daemon in HTTP mode (adapters/signal/), run next to Noodbel:
// `signal-cli -a ACCOUNT daemon --http 127.0.0.1:8081`. Plain HTTP on loopback only.
struct SignalConfig {
  bool enabled = false;
  std::string account;                            // the bot's own number, E.164 ("+3247...")
  std::string rpc_url = "http://127.0.0.1:8081";  // base URL of the daemon's HTTP endpoint
  int messages_per_second = 1;                    // conservative: Signal rate-limits new bots
  int reconnect_min_seconds = 1;                  // event stream reconnect backoff, doubling
  int reconnect_max_seconds = 60;                 // up to this
};

// Data retention (store/retention.h): notes and message texts of calls closed more than
// `days` ago, and any outbox text older than that, are erased; counts are kept.
struct RetentionConfig {
  int days = 30;
};

// The outbox dispatcher (adapters/dispatch/): retries with backoff, and failover to the
// person's next contact. Send rates come from [telegram], [sms] and [signal].
struct DispatchConfig {
  int failover_after_attempts = 3;  // temporary failures before the next contact gets it
  int max_attempts = 8;             // without a next contact, then a temporary failure is final
  int backoff_base_seconds = 5;     // first retry delay, doubled per attempt
  int backoff_cap_seconds = 900;    // longest retry delay
  int backoff_jitter_percent = 20;  // a retry comes up to this share earlier, spread per row
};

// Signed web links (bot/links.h): the live board and the HTML digest.
struct WebConfig {
  std::string public_url;   // "https://noodbel.example.be"; empty: http://{http.address}:{port}
  std::string secret;       // HMAC key, >= 32 chars; NOODBEL_WEB_SECRET overrides; empty:
                            // a random key per start (links die at restart, logged)
  int board_link_hours = 12;  // a board link is valid this long
  int digest_link_days = 7;   // a digest link is valid this long
};

struct Config {
  std::string source;  // the file it came from, or "(built-in defaults)"
  std::string db_path = "var/noodbel.db";
  std::string data_dir;  // holds templates/ and config/be-postcodes.csv; default: build's
  Language default_language = Language::kNl;
  std::vector<ServiceConfig> services;  // default: the five provincial services
  HttpConfig http;
  CallsConfig calls;
  SandboxConfig sandbox;
  BoardConfig board;
  SlashConfig slash;
  LogConfig log;
  SchedulerConfig scheduler;
  TelegramConfig telegram;
  DigestConfig digest;
  TwilioConfig twilio;
  KannelConfig kannel;
  SmsConfig sms;
  WebConfig web;
  RetentionConfig retention;
  SignalConfig signal;
  DispatchConfig dispatch;

  std::string templates_dir() const { return data_dir + "/templates"; }
  std::string postcodes_path() const { return data_dir + "/config/be-postcodes.csv"; }
};

// The five provincial pleegzorg services.
std::vector<ServiceConfig> default_services();

// The service with this id, or nullptr.
const ServiceConfig* find_service(const Config& config, std::string_view id);
// config.calls with the service's own overrides applied (config.calls for an unknown id).
CallsConfig calls_for_service(const Config& config, std::string_view id);

}  // namespace noodbel
