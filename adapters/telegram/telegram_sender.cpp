#include "adapters/telegram/telegram_sender.h"

#include <utility>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "adapters/telegram/telegram_inbound.h"
#include "bot/outbound.h"
#include "bot/text/logfmt_value.h"

namespace noodbel::telegram {
namespace {

// Bytes of the UTF-8 sequence starting with `lead` (1 for a stray byte).
std::size_t sequence_length(unsigned char lead) {
  if (lead >= 0xF0 && lead <= 0xF7) return 4;
  if (lead >= 0xE0) return lead <= 0xEF ? 3 : 1;
  if (lead >= 0xC0) return 2;
  return 1;
}

// "tg:<chat>:<message_id>" from a sendMessage result (a Message).
std::string sent_ref(const nlohmann::json& result, const std::string& address) {
  try {
    const Message m = result.get<Message>();
    return message_ref(m.chat.id, m.message_id);
  } catch (const std::exception& e) {
    spdlog::warn("event=telegram.odd_send_result reason={}", logfmt_value(e.what()));
    return fmt::format("tg:{}:unknown", address);
  }
}

}  // namespace

Result<std::vector<InlineButton>> answer_buttons(const Templates& templates,
                                                 const CallButtons& call) {
  std::vector<InlineButton> row;
  for (const auto& [answer, name] : {std::pair{Answer::kYes, "button_yes"},
                                     std::pair{Answer::kNo, "button_no"},
                                     std::pair{Answer::kMaybe, "button_maybe"}}) {
    auto label = templates.render(call.language, name, {});
    if (!label.ok()) return label.error();
    std::string data = answer_callback_data(call.call_code, answer);
    if (data.size() > kMaxCallbackDataBytes) {
      return Error::Invalid(fmt::format("call code '{}' makes callback data longer than {} bytes",
                                        call.call_code, kMaxCallbackDataBytes));
    }
    row.push_back({std::move(label).value(), std::move(data)});
  }
  return row;
}

std::vector<std::string> split_message(std::string_view text, std::size_t max_units) {
  std::vector<std::string> parts;
  max_units = std::max<std::size_t>(max_units, 2);
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t pos = start;
    std::size_t units = 0;
    std::size_t newline = std::string_view::npos;  // byte position of a break candidate
    std::size_t space = std::string_view::npos;
    while (pos < text.size()) {
      const std::size_t len =
          std::min(sequence_length(static_cast<unsigned char>(text[pos])), text.size() - pos);
      const std::size_t cost = len == 4 ? 2 : 1;  // a surrogate pair beyond the BMP
      if (units + cost > max_units) break;
      if (units >= max_units / 2) {
        if (text[pos] == '\n') newline = pos;
        if (text[pos] == ' ') space = pos;
      }
      units += cost;
      pos += len;
    }
    if (pos >= text.size()) {
      parts.emplace_back(text.substr(start));
      break;
    }
    const std::size_t cut = newline != std::string_view::npos ? newline
                            : space != std::string_view::npos ? space
                                                              : pos;
    parts.emplace_back(text.substr(start, cut - start));
    start = cut == pos ? pos : cut + 1;  // the newline or space itself is dropped
  }
  return parts;
}

TelegramSender::TelegramSender(TelegramApi api, const Templates& templates,
                               CallButtonsLookup buttons)
    : api_(std::move(api)), templates_(templates), buttons_(std::move(buttons)) {}

std::vector<InlineButton> TelegramSender::buttons_for(const OutboundMessage& m) const {
  if (!m.call_id || m.priority != kPriorityCall || !buttons_) return {};
  const std::optional<CallButtons> call = buttons_(m);
  if (!call) return {};
  auto row = answer_buttons(templates_, *call);
  if (!row.ok()) {
    spdlog::error("event=telegram.buttons_failed call_id={} error={}", *m.call_id,
                  logfmt_value(row.error().message));
    return {};
  }
  return std::move(row).value();
}

SendResult TelegramSender::send(const OutboxItem& item) {
  const OutboundMessage& m = item.message;
  if (m.address.empty()) return SendResult::permanent("no Telegram chat id for this contact");
  const std::vector<std::string> parts = split_message(m.text);
  if (parts.empty()) return SendResult::permanent("empty text: Telegram refuses empty messages");
  const std::vector<InlineButton> buttons = buttons_for(m);
  std::string provider_id;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const bool last = i + 1 == parts.size();
    const CallOutcome r = api_.send_message(m.address, parts[i], last ? buttons : std::vector<InlineButton>{});
    if (!r.ok()) {
      std::string error = parts.size() == 1
                              ? r.error
                              : fmt::format("part {} of {}: {}", i + 1, parts.size(), r.error);
      if (r.kind == CallOutcome::Kind::kTemporary) {
        return SendResult::temporary(std::move(error), r.retry_after);
      }
      return SendResult::permanent(std::move(error));
    }
    provider_id = sent_ref(r.result, m.address);
  }
  return SendResult::sent(std::move(provider_id));
}

}  // namespace noodbel::telegram
