#include "bot/linking.h"

#include <array>
#include <stdexcept>
#include <vector>

#include <fmt/format.h>

#include "bot/commands_support.h"
#include "bot/local_time.h"
#include "bot/router.h"
#include "bot/text/ascii.h"
#include "bot/throttle.h"

namespace noodbel {
namespace {

// A chat's "/start" answers are counted under their own key, apart from the unknown-sender
// counter, so a family that wrote something else first still gets its /start answered.
std::string attempt_key(std::string_view address) {
  return sender_key(Channel::kTelegram, "link:" + std::string(address));
}

// Queues `name` to the chat the message came from (never the sandbox: the answer is
// about this Telegram chat). `recipient_id` is "" for a chat nobody owns.
void answer(const InboundMessage& in, const Outbox& out, const std::string& recipient_id,
            Language lang, std::string_view name, const TemplateArgs& args = {}) {
  Result<std::string> text = out.render(lang, name, args);
  if (!text) return out.skipped({recipient_id, {}, lang}, name, text.error());
  OutboundMessage reply;
  reply.recipient_id = recipient_id;
  reply.channel = in.channel;
  reply.address = in.address;
  reply.text = std::move(text).value();
  reply.priority = kPriorityReply;
  out.repo().enqueue(reply, out.now());
}

void audit(const Outbox& out, std::string_view actor, std::string_view action,
           const InboundMessage& in, std::string_view detail) {
  out.repo().audit({out.now(), std::string(actor), std::string(action),
                    "chat=" + mask_address(in.channel, in.address) +
                        (detail.empty() ? "" : " " + std::string(detail))});
}

// The family's contacts with this chat first; the chat is not listed twice.
std::vector<Contact> with_chat_first(const Family& f, const Contact& chat) {
  std::vector<Contact> contacts{chat};
  for (const Contact& c : f.contacts) {
    if (c != chat) contacts.push_back(c);
  }
  return contacts;
}

// The language of the chat's registered owner, else the default language.
Language owner_language(const Sender& owner, const Outbox& out) {
  if (owner.kind == Sender::Kind::kFamily) {
    if (const std::optional<Family> f = out.repo().family(owner.id)) return f->preferred_language;
  } else if (owner.kind == Sender::Kind::kCaseworker) {
    if (const std::optional<Caseworker> c = out.repo().caseworker(owner.id)) return c->language;
  }
  return out.config().default_language;
}

// Why a stored code may not link this chat ("used_code", "expired_code", "chat_taken"),
// or "" when it may.
std::string refusal(const LinkCode& code, const Sender& owner, UnixTime now) {
  if (code.used_at) return "used_code";
  if (code.expires_at <= now) return "expired_code";
  const bool someone_else = owner.kind == Sender::Kind::kCaseworker ||
                            (owner.kind == Sender::Kind::kFamily && owner.id != code.family_id);
  return someone_else ? "chat_taken" : "";
}

// A well-formed code: checks it against the store and links the chat when it is valid.
void redeem(const InboundMessage& in, const Outbox& out, const Hasher& hasher,
            const std::string& code, const Sender& owner) {
  Repository& repo = out.repo();
  const Language fallback = owner_language(owner, out);
  const std::string hash = link_code_hash(hasher, code);
  const std::optional<LinkCode> stored = repo.link_code(hash);
  const std::optional<Family> family = stored ? repo.family(stored->family_id) : std::nullopt;
  if (!family) {
    audit(out, "system", "family.link_refused", in, "reason=unknown_code");
    return answer(in, out, owner.id, fallback, "link_wrong_code");
  }
  const Language lang = family->preferred_language;
  const std::string reason = refusal(*stored, owner, out.now());
  if (!reason.empty()) {
    audit(out, "system", "family.link_refused", in, "family=" + family->id + " reason=" + reason);
    return answer(in, out, owner.id, lang, "link_" + reason);
  }
  Family linked = *family;
  linked.contacts = with_chat_first(*family, {Channel::kTelegram, in.address});
  repo.upsert_family(linked);
  if (!repo.consume_link_code(hash, out.now())) {
    throw std::logic_error("link code vanished within its unit of work");
  }
  audit(out, linked.id, "family.link", in, "");
  answer(in, out, linked.id, lang, "link_done",
         {{"service", command::service_name(out.config(), linked.service)}});
}

}  // namespace

Result<std::string> random_link_code(const Random& random) {
  // Rejection sampling keeps every character equally likely: 248 = 8 * 31.
  constexpr unsigned kLimit = 256 - 256 % kLinkCodeAlphabet.size();
  std::string code;
  while (code.size() < kLinkCodeLength) {
    std::array<unsigned char, 16> bytes{};
    if (Status s = random.fill(bytes); !s) return s.error();
    for (const unsigned char b : bytes) {
      if (b < kLimit && code.size() < kLinkCodeLength) {
        code += kLinkCodeAlphabet[b % kLinkCodeAlphabet.size()];
      }
    }
  }
  return code;
}

std::optional<std::string> normalize_link_code(std::string_view typed) {
  std::string code;
  for (const char ch : typed) {
    if (ch == ' ' || ch == '-') continue;
    const char up = upper_ascii(ch);
    if (kLinkCodeAlphabet.find(up) == std::string_view::npos) return std::nullopt;
    code += up;
    if (code.size() > kLinkCodeLength) return std::nullopt;
  }
  if (code.size() != kLinkCodeLength) return std::nullopt;
  return code;
}

std::string link_code_hash(const Hasher& hasher, std::string_view code) {
  return hasher.sha256_hex(code);
}

std::string telegram_deep_link(std::string_view bot_username, std::string_view code) {
  if (bot_username.empty()) return "";
  return fmt::format("https://t.me/{}?start={}", bot_username, code);
}

Result<IssuedLinkCode> issue_link_code(Repository& repo, const Hasher& hasher,
                                       std::string_view family_id, std::string_view actor,
                                       std::string_view code, UnixTime now) {
  const std::optional<std::string> canonical = normalize_link_code(code);
  if (!canonical) return Error::Invalid("a link code is 8 characters of " +
                                        std::string(kLinkCodeAlphabet));
  const std::optional<Family> family = repo.family(family_id);
  if (!family) {
    return Error::NotFound("there is no family " + std::string(family_id) +
                           "; `noodbel families list` shows the ids");
  }
  const IssuedLinkCode issued{family->id, *canonical, now + kLinkCodeValidSeconds};
  repo.create_link_code(
      {link_code_hash(hasher, *canonical), family->id, now, issued.expires_at, {}});
  repo.audit({now, std::string(actor), "family.link_code",
              "family=" + family->id + " expires=" + std::to_string(issued.expires_at)});
  return issued;
}

std::optional<std::string> start_argument(std::string_view text) {
  const auto [first, rest] = command::split_first(text);
  std::string_view word = first;
  if (word.empty() || word.front() != '/') return std::nullopt;
  word.remove_prefix(1);
  word = word.substr(0, word.find('@'));
  if (lower_ascii(word) != "start") return std::nullopt;
  return std::string(rest);
}

bool handle_link_start(const InboundMessage& message, const Outbox& out, const Hasher& hasher) {
  if (message.channel != Channel::kTelegram || message.address.empty()) return false;
  const std::optional<std::string> argument = start_argument(message.text);
  if (!argument) return false;
  Repository& repo = out.repo();
  const Sender owner = repo.sender_by_contact(Channel::kTelegram, message.address);
  if (argument->empty() && owner.kind != Sender::Kind::kUnknown) return false;
  const int attempts = repo.count_unknown_sender(Channel::kTelegram, attempt_key(message.address),
                                                 out.now(), kUnknownSenderWindowSeconds);
  if (attempts > kLinkAttemptsPerDay) {
    audit(out, "system", "family.link_refused", message, "reason=too_many_attempts");
    return true;
  }
  const Language fallback = owner_language(owner, out);
  if (argument->empty()) {
    audit(out, "system", "family.link_help", message, "");
    answer(message, out, owner.id, fallback, "link_start_help");
    return true;
  }
  const std::optional<std::string> code = normalize_link_code(*argument);
  if (!code) {
    audit(out, "system", "family.link_refused", message, "reason=malformed_code");
    answer(message, out, owner.id, fallback, "link_wrong_code");
    return true;
  }
  redeem(message, out, hasher, *code, owner);
  return true;
}

// /koppel FAMILY-ID (/link): a link code for a family of the caseworker's own service.
void command::link_family(const Request& req, const CommandEnv& env) {
  const auto [word, rest] = split_first(req.command.args);
  const std::string example = req.text("usage_link");
  if (word.empty()) return req.reject("err_missing_family_id", {{"example", example}});
  const std::string id = upper_ascii(word);
  const std::optional<Family> f = req.repo().family(id);
  if (!f) return req.reject("err_unknown_family", {{"family", id}, {"example", example}});
  if (f->service != req.cw.service) {
    return req.reject("err_link_other_service",
                      {{"family", f->id}, {"service", service_name(req.out.config(), f->service)}});
  }
  const Result<std::string> code = random_link_code(env.random);
  if (!code) return req.out.skipped(req.to(), "link_issued", code.error());
  const Result<IssuedLinkCode> issued =
      issue_link_code(req.repo(), env.hasher, f->id, req.cw.id, *code, req.now());
  if (!issued) return req.out.skipped(req.to(), "link_issued", issued.error());
  const std::string link = telegram_deep_link(req.out.config().telegram_bot_username, *code);
  TemplateArgs args{{"family", f->id},
                    {"code", issued->code},
                    {"until", format_local(issued->expires_at, "datetime")}};
  if (link.empty()) return req.reply("link_issued_no_link", args);
  args.emplace_back("link", link);
  req.reply("link_issued", args);
}

}  // namespace noodbel
