#include "adapters/kannel/kannel_routes.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <memory>
#include <optional>
#include <utility>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "adapters/crypto/secrets.h"
#include "adapters/kannel/kannel_sender.h"
#include "adapters/kannel/kannel_text.h"
#include "adapters/sms/sms_common.h"
#include "bot/phone.h"
#include "bot/text/ascii.h"
#include "bot/text/logfmt_value.h"

namespace noodbel {
namespace {

constexpr std::string_view kFormType = "application/x-www-form-urlencoded";
constexpr std::size_t kMaxIdLength = 128;

HttpResponse ok() { return HttpResponse::text(200, ""); }

// `reject`: the label of noodbel_webhook_rejections_total; unset: derived from the status.
HttpResponse refused(const HttpRequest& request, int status, std::string_view reason,
                     const char* reject = nullptr) {
  spdlog::warn("event=kannel.refused status={} remote={} reason={}", status,
               logfmt_value(request.remote_address), logfmt_value(reason));
  HttpResponse r = HttpResponse::error_json(status, reason);
  if (reject != nullptr) r.reject_reason = reject;
  return r;
}

std::optional<std::string> field(const FormFields& fields, std::string_view name) {
  const auto it = fields.lower_bound(std::string(name));  // the first of equal keys
  if (it == fields.end() || it->first != name) return std::nullopt;
  return it->second;
}

bool printable_id(std::string_view id) {
  return !id.empty() && id.size() <= kMaxIdLength &&
         std::all_of(id.begin(), id.end(), [](char c) {
           return std::isgraph(static_cast<unsigned char>(c)) != 0;
         });
}

// Kannel's %d: 1 delivered, 2 failed, 16 rejected by the SMSC -> a final state;
// 4 buffered and 8 accepted by the SMSC -> nothing yet.
std::optional<OutboxState> dlr_state(int status) {
  if ((status & 1) != 0) return OutboxState::kDelivered;
  if ((status & (2 | 16)) != 0) return OutboxState::kFailed;
  return std::nullopt;
}

HttpResponse deliver_failed(const Error& e) {
  if (e.kind == ErrorKind::kUnavailable) {
    return HttpResponse::error_json(503, e.message + "; Kannel may retry (http-request-retry)");
  }
  spdlog::error("event=kannel.deliver_failed error={}", logfmt_value(e.message));
  return HttpResponse::error_json(500,
                                  "internal error while handling the message; it has been logged");
}

HttpResponse delivery_report(const KannelDeps& deps, const HttpRequest& request,
                             const FormFields& fields) {
  const std::string id = field(fields, "id").value_or("");
  if (id.rfind(kKannelIdPrefix, 0) != 0 || !printable_id(id)) {
    return refused(request, 400, "delivery report without a valid id: the dlr-url must end in "
                                 "&id=kn:<number>, as Noodbel sends it");
  }
  const std::string raw = field(fields, "status").value_or("");
  int status = 0;
  const auto [end, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), status);
  if (raw.empty() || ec != std::errc() || end != raw.data() + raw.size() || status < 0) {
    return refused(request, 400,
                   fmt::format("delivery report status must be a number (Kannel's %d), got '{}'",
                               raw.substr(0, 20)));
  }
  const std::optional<OutboxState> state = dlr_state(status);
  spdlog::info("event=kannel.dlr id={} status={}", logfmt_value(id), status);
  if (!state) return ok();
  if (const Status s = deps.mark_delivery(id, *state, deps.clock.now()); !s.ok()) {
    return deliver_failed(s.error());
  }
  return ok();
}

// The raw text and how it is encoded: from the query (get-url, %b) or, for a post-url,
// the body with the charset of its Content-Type and coding from X-Kannel-Coding.
struct RawText {
  std::string bytes;
  std::string coding;
  std::string charset;
};

RawText raw_text(const HttpRequest& request, const FormFields& fields, bool body_is_text) {
  RawText t{field(fields, "text").value_or(""), field(fields, "coding").value_or(""),
            field(fields, "charset").value_or("")};
  if (!body_is_text) return t;
  t.bytes = request.body;
  if (t.coding.empty()) t.coding = request.header("x-kannel-coding").value_or("");
  if (const auto type = request.header("content-type")) {
    if (std::string cs = content_type_charset(*type); !cs.empty()) t.charset = std::move(cs);
  }
  return t;
}

HttpResponse incoming(const KannelDeps& deps, const HttpRequest& request,
                      const FormFields& fields, bool body_is_text) {
  const std::optional<std::string> from = field(fields, "from");
  if (!from || from->empty()) {
    return refused(request, 400, "incoming message without from: add from=%p to the get-url");
  }
  const std::string id = field(fields, "id").value_or("");
  if (!printable_id(id)) {
    return refused(request, 400,
                   "incoming message without a valid id: add id=%I to the get-url so that a "
                   "message Kannel sends twice is handled once");
  }
  const RawText raw = raw_text(request, fields, body_is_text);
  if (raw.bytes.size() > kMaxInboundSmsBytes) {
    return refused(request, 413, fmt::format("text is {} bytes; at most {} are accepted",
                                             raw.bytes.size(), kMaxInboundSmsBytes));
  }
  Result<std::string> text = decode_kannel_text(raw.bytes, raw.coding, raw.charset);
  if (!text.ok()) return refused(request, 400, text.error().message);
  const Result<std::string> number = sms_sender_number(*from);
  if (!number.ok()) {
    spdlog::info("event=kannel.ignored id={} reason=\"sender is not a phone number\"",
                 logfmt_value(id));
    return ok();
  }
  const bool blank = std::all_of(text->begin(), text->end(), [](char c) {
    return std::isspace(static_cast<unsigned char>(c)) != 0;
  });
  if (blank) {
    spdlog::info("event=kannel.ignored id={} from={} reason=\"no text\"", logfmt_value(id),
                 mask_phone(*number));
    return ok();
  }
  InboundMessage message;
  message.channel = Channel::kSms;
  message.address = *number;
  message.provider_id = std::string(kKannelIdPrefix) + id;
  message.text = std::move(text).value();
  message.received_at = deps.clock.now();
  const Result<InboundOutcome> outcome = deps.deliver(message);
  if (!outcome.ok()) return deliver_failed(outcome.error());
  spdlog::info("event=kannel.accepted id={} from={}", logfmt_value(message.provider_id),
               mask_phone(*number));
  return ok();
}

HttpResponse handle(const KannelDeps& deps, const HttpRequest& request, const PathParams& params) {
  if (!kannel_source_allowed(request.remote_address, deps.config.allowed_sources)) {
    return refused(request, 403, "source address not allowed: add it to kannel.allowed_sources",
                   "source_not_allowed");
  }
  const auto secret = params.find("secret");
  if (deps.config.webhook_secret.empty() || secret == params.end() ||
      !secrets_equal(secret->second, deps.config.webhook_secret)) {
    return refused(request, 403, "wrong secret in the URL: it must be kannel.webhook_secret",
                   "bad_secret");
  }
  FormFields fields = request.query;
  bool body_is_text = false;
  if (request.method == "POST") {
    const std::string type = lower_ascii(request.header("content-type").value_or(""));
    if (type.rfind(kFormType, 0) == 0) {
      Result<FormFields> form = parse_form(request.body);
      if (!form.ok()) return refused(request, 400, "malformed form body: " + form.error().message);
      fields.merge(*form);
    } else {
      body_is_text = true;
    }
  }
  const std::string type = field(fields, "type").value_or("mo");
  if (type == "dlr") return delivery_report(deps, request, fields);
  if (type == "mo") return incoming(deps, request, fields, body_is_text);
  return refused(request, 400, "type must be mo (an incoming message) or dlr (a delivery report)");
}

}  // namespace

bool kannel_source_allowed(std::string_view remote, const std::vector<std::string>& allowed) {
  constexpr std::string_view kMapped = "::ffff:";
  if (remote.size() > kMapped.size() && lower_ascii(remote.substr(0, kMapped.size())) == kMapped &&
      remote.find('.') != std::string_view::npos) {
    remote.remove_prefix(kMapped.size());
  }
  return std::find(allowed.begin(), allowed.end(), remote) != allowed.end();
}

void add_kannel_routes(Router& router, KannelDeps deps) {
  auto shared = std::make_shared<const KannelDeps>(std::move(deps));
  const auto handler = [shared](const HttpRequest& request, const PathParams& params) {
    return handle(*shared, request, params);
  };
  router.add("GET", "/webhooks/kannel/{secret}", handler);
  router.add("POST", "/webhooks/kannel/{secret}", handler);
  const auto no_secret = [](const HttpRequest& request, const PathParams&) {
    return refused(request, 403, "the URL must end in /webhooks/kannel/<kannel.webhook_secret>",
                   "bad_secret");
  };
  router.add("GET", "/webhooks/kannel", no_secret);
  router.add("POST", "/webhooks/kannel", no_secret);
}

}  // namespace noodbel
