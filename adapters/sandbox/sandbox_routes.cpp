#include "adapters/sandbox/sandbox_routes.h"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <memory>
#include <random>
#include <utility>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "adapters/http/security_headers.h"
#include "bot/text/ascii.h"
#include "bot/text/logfmt_value.h"
#include "bot/text_normalize.h"

namespace noodbel {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxMessagesPerPoll = 500;

// Shared by the route handlers (std::function needs copyable captures).
struct SandboxState {
  SandboxState(SandboxChannel& c, SandboxDeps d) : channel(c), deps(std::move(d)) {}
  SandboxChannel& channel;
  const SandboxDeps deps;
  // Provider ids must stay unique across restarts: the inbox dedupes on them.
  const std::uint64_t nonce = std::random_device{}() * 0x100000000ULL ^ std::random_device{}();
  std::atomic<std::uint64_t> counter{0};
};

std::string unknown_person(std::string_view id) {
  return fmt::format(
      "unknown sandbox person '{}': pick one of the listed families or caseworkers", id);
}

bool blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  });
}

HttpResponse with_page_headers(HttpResponse r) {
  r.with_header("Cache-Control", "no-store");
  return with_page_policy(r, PagePolicy::kSandbox);
}

json to_json(const SandboxMessage& m) {
  return {{"seq", m.seq}, {"person_id", m.person_id}, {"direction", m.direction},
          {"text", m.text}, {"at", m.at}};
}

HttpResponse people(const SandboxState& s) {
  json list = json::array();
  for (const SandboxPerson& p : s.deps.people()) {
    list.push_back({{"id", p.id}, {"kind", p.kind}, {"label", p.label}, {"detail", p.detail}});
  }
  return HttpResponse::json(200, {{"people", std::move(list)}}).with_header("Cache-Control", "no-store");
}

HttpResponse messages(const SandboxState& s, const HttpRequest& request) {
  std::int64_t since = 0;
  if (const auto raw = request.query_param("since"); raw && !raw->empty()) {
    const auto [end, ec] = std::from_chars(raw->data(), raw->data() + raw->size(), since);
    if (ec != std::errc() || end != raw->data() + raw->size() || since < 0) {
      return HttpResponse::error_json(
          400, fmt::format("'since' must be a non-negative whole number, got '{}'", *raw));
    }
  }
  // A page that knows more messages than the log has: the server restarted; start over.
  const bool reset = since > s.channel.last_seq();
  if (reset) since = 0;
  json list = json::array();
  std::int64_t next = since;
  for (const SandboxMessage& m : s.channel.messages_since(since, kMaxMessagesPerPoll)) {
    list.push_back(to_json(m));
    next = m.seq;
  }
  return HttpResponse::json(200, {{"messages", std::move(list)}, {"next", next}, {"reset", reset}})
      .with_header("Cache-Control", "no-store");
}

HttpResponse status_to_response(const Error& e, std::string_view from) {
  switch (e.kind) {
    case ErrorKind::kNotFound:
      return HttpResponse::error_json(404, unknown_person(from));
    case ErrorKind::kInvalidInput:
      return HttpResponse::error_json(400, e.message);
    case ErrorKind::kForbidden:
      return HttpResponse::error_json(403, e.message);
    case ErrorKind::kConflict:
      return HttpResponse::error_json(409, e.message);
    case ErrorKind::kUnavailable:
      return HttpResponse::error_json(503, e.message + "; try again in a moment");
    case ErrorKind::kInternal:
      break;
  }
  spdlog::error("event=sandbox.deliver_failed from={} error={}", logfmt_value(from),
                logfmt_value(e.message));
  return HttpResponse::error_json(500, "internal error while handling the message; it has been logged");
}

// Reads {"from": "...", "text": "..."}; the error says which field is wrong and how.
Result<std::pair<std::string, std::string>> parse_send(const HttpRequest& request) {
  const json body = json::parse(request.body, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded() || !body.is_object()) {
    return Error::Invalid(
        R"(body must be a JSON object like {"from": "F0001", "text": "ja"})");
  }
  const auto from = body.find("from");
  const auto text = body.find("text");
  if (from == body.end() || !from->is_string() || from->get_ref<const std::string&>().empty()) {
    return Error::Invalid(
        R"("from" must be a non-empty string: the id of a listed family or caseworker, e.g. "F0001")");
  }
  if (text == body.end() || !text->is_string() || blank(text->get_ref<const std::string&>())) {
    return Error::Invalid(R"("text" must be a non-empty string: the message to send, e.g. "ja")");
  }
  const std::string& t = text->get_ref<const std::string&>();
  if (t.size() > kSandboxMaxTextBytes) {
    return Error::Invalid(fmt::format("\"text\" is {} bytes long; the limit is {} bytes",
                                      t.size(), kSandboxMaxTextBytes));
  }
  if (!is_valid_utf8(t) || !is_valid_utf8(from->get_ref<const std::string&>())) {
    return Error::Invalid("\"from\" and \"text\" must be valid UTF-8");
  }
  return std::pair{from->get<std::string>(), t};
}

HttpResponse send(SandboxState& s, const HttpRequest& request) {
  const auto type = request.header("content-type");
  if (!type || lower_ascii(*type).rfind("application/json", 0) != 0) {
    return HttpResponse::error_json(415, "send the message as JSON with Content-Type: application/json");
  }
  auto parsed = parse_send(request);
  if (!parsed.ok()) return HttpResponse::error_json(400, parsed.error().message);
  auto [from, text] = std::move(parsed).value();

  const std::vector<SandboxPerson> known = s.deps.people();
  const bool listed = std::any_of(known.begin(), known.end(),
                                  [&id = from](const SandboxPerson& p) { return p.id == id; });
  if (!listed) return HttpResponse::error_json(404, unknown_person(from));

  InboundMessage message;
  message.channel = Channel::kSandbox;
  message.address = from;
  message.provider_id = fmt::format("sb-{:016x}-{}", s.nonce, ++s.counter);
  message.text = std::move(text);
  message.received_at = s.deps.clock.now();

  // Logged first so the page shows the message before the bot's answer to it.
  const std::int64_t seq = s.channel.record_inbound(message);
  const Status delivered = s.deps.deliver(message);
  if (!delivered.ok()) {
    s.channel.erase(seq);
    return status_to_response(delivered.error(), from);
  }
  spdlog::info("event=sandbox.accepted id={} from={}", message.provider_id, logfmt_value(from));
  spdlog::debug("event=sandbox.text id={} text={}", message.provider_id,
                logfmt_value(message.text));
  // The seq lets the page find the bot's answer: the next "out" message to `from`.
  return HttpResponse::json(202, {{"ok", true}, {"seq", seq}});
}

}  // namespace

void add_sandbox_routes(Router& router, SandboxChannel& channel, SandboxDeps deps) {
  auto state = std::make_shared<SandboxState>(channel, std::move(deps));
  router.add("GET", "/sandbox", [state](const HttpRequest&, const PathParams&) {
    return with_page_headers(HttpResponse::html(200, state->deps.page_html));
  });
  router.add("GET", "/sandbox/api/people",
             [state](const HttpRequest&, const PathParams&) { return people(*state); });
  router.add("GET", "/sandbox/api/messages", [state](const HttpRequest& r, const PathParams&) {
    return messages(*state, r);
  });
  router.add("POST", "/sandbox/api/send",
             [state](const HttpRequest& r, const PathParams&) { return send(*state, r); });
}

}  // namespace noodbel
