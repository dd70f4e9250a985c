#include "adapters/signal/signal_events.h"

#include <charconv>

#include <nlohmann/json.hpp>

namespace noodbel::signal_cli {
namespace {

using nlohmann::json;

constexpr std::string_view kPrefix = "sig:";

ParsedEvent ignored(std::string why) { return {std::nullopt, std::move(why), false}; }
ParsedEvent malformed(std::string why) { return {std::nullopt, std::move(why), true}; }

std::string text_field(const json& o, const char* key) {
  const auto it = o.find(key);
  return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::optional<std::int64_t> int_field(const json& o, const char* key) {
  const auto it = o.find(key);
  if (it == o.end() || !it->is_number_integer()) return std::nullopt;
  return it->get<std::int64_t>();
}

bool is_e164(std::string_view s) {
  if (s.size() < 8 || s.size() > 16 || s.front() != '+') return false;
  for (std::size_t i = 1; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

// The envelope of {"envelope":..} or {"jsonrpc":..,"method":"receive","params":{..}} or a
// subscription's {"params":{"result":{"envelope":..}}}.
const json* find_envelope(const json& doc) {
  const json* at = &doc;
  if (at->contains("params") && (*at)["params"].is_object()) at = &(*at)["params"];
  if (at->contains("result") && (*at)["result"].is_object()) at = &(*at)["result"];
  if (!at->contains("envelope") || !(*at)["envelope"].is_object()) return nullptr;
  return &(*at)["envelope"];
}

}  // namespace

std::string inbound_provider_id(std::string_view number, std::int64_t timestamp) {
  return std::string(kPrefix) + std::string(number) + ":" + std::to_string(timestamp);
}

std::optional<std::int64_t> timestamp_of_inbound(std::string_view provider_id) {
  if (provider_id.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
  const std::size_t colon = provider_id.rfind(':');
  if (colon < kPrefix.size()) return std::nullopt;
  const std::string_view digits = provider_id.substr(colon + 1);
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc() || end != digits.data() + digits.size() || value <= 0) return std::nullopt;
  return value;
}

ParsedEvent parse_receive_event(std::string_view data, UnixTime now) {
  const json doc = json::parse(data, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) return malformed("not a JSON object");
  if (doc.contains("method") && doc["method"] != "receive") return ignored("not a receive event");
  const json* envelope = find_envelope(doc);
  if (envelope == nullptr) return malformed("no envelope");
  const json& env = *envelope;
  if (env.contains("receiptMessage")) return ignored("receipt");
  if (env.contains("typingMessage")) return ignored("typing");
  if (env.contains("syncMessage")) return ignored("sync");
  if (env.contains("callMessage")) return ignored("call");
  if (env.contains("storyMessage")) return ignored("story");
  const auto dm = env.find("dataMessage");
  if (dm == env.end() || !dm->is_object()) return ignored("no data message");
  if (dm->contains("groupInfo") || dm->contains("groupV2")) return ignored("group message");
  const std::string text = text_field(*dm, "message");
  if (text.empty()) return ignored("no text (reaction, attachment or other)");
  const std::string number = text_field(env, "sourceNumber");
  if (!is_e164(number)) return ignored("sender without a phone number");
  const auto timestamp = int_field(env, "timestamp") ? int_field(env, "timestamp")
                                                      : int_field(*dm, "timestamp");
  if (!timestamp || *timestamp <= 0) return malformed("no timestamp");

  InboundMessage m;
  m.channel = Channel::kSignal;
  m.address = number;
  m.provider_id = inbound_provider_id(number, *timestamp);
  m.text = text;
  m.received_at = now;
  if (const auto q = dm->find("quote"); q != dm->end() && q->is_object()) {
    if (const auto id = int_field(*q, "id"); id && *id > 0) m.reply_to = std::to_string(*id);
  }
  return {std::move(m), {}, false};
}

}  // namespace noodbel::signal_cli
