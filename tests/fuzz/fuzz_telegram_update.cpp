// Fuzz target: a Telegram webhook body (adapters/telegram/bot_api_types.h) turned into an
// InboundMessage (adapters/telegram/telegram_inbound.h); the same bytes also as a Bot API
// reply envelope, a getUpdates result and an answer button's callback_data.
// Input: the JSON body.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "adapters/telegram/bot_api_types.h"
#include "adapters/telegram/telegram_inbound.h"
#include "fuzz_support.h"

using namespace noodbel;
using namespace noodbel::telegram;

namespace {

constexpr UnixTime kNow = 1795435200;

void check_inbound(const Update& update) {
  const InboundUpdate in = to_inbound(update, kNow);
  if (!in.message) {
    FUZZ_CHECK(!in.ignored.empty() || in.callback_query_id.has_value());
    return;
  }
  const InboundMessage& m = *in.message;
  FUZZ_CHECK(m.channel == Channel::kTelegram);
  FUZZ_CHECK(!m.address.empty());
  FUZZ_CHECK(m.provider_id == "tg:" + std::to_string(update.update_id));
  FUZZ_CHECK(fuzz::utf8_ok(m.text));  // the JSON parser only accepts UTF-8
  if (m.reply_to) FUZZ_CHECK(m.reply_to->rfind("tg:", 0) == 0);
}

void check_callback_data(std::string_view data) {
  const auto button = parse_answer_callback_data(data);
  if (!button) return;
  // Only exactly what answer_callback_data makes is accepted.
  FUZZ_CHECK(answer_callback_data(button->call_code, button->answer) == data);
  FUZZ_CHECK(data.size() <= kMaxCallbackDataBytes);
  FUZZ_CHECK(answer_text(*button).find(button->call_code) != std::string::npos);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body = fuzz::as_view(data, size);
  check_callback_data(body);

  const Result<Update> update = parse_update_text(body);
  if (update.ok()) {
    check_inbound(*update);
    if (update->callback_query && update->callback_query->data) {
      check_callback_data(*update->callback_query->data);
    }
  } else {
    FUZZ_CHECK(update.error().kind == ErrorKind::kInvalidInput && !update.error().message.empty());
  }

  const Result<ApiReply> reply = parse_api_reply(body);
  if (reply.ok() && reply->ok && reply->result.is_array()) {
    for (const ParsedUpdate& p : parse_update_list(reply->result)) {
      if (p.update.ok()) {
        check_inbound(*p.update);
        if (p.update_id) FUZZ_CHECK(*p.update_id == p.update->update_id);
      }
    }
  }
  const nlohmann::json j = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (j.is_array()) {
    for (const ParsedUpdate& p : parse_update_list(j)) {
      if (p.update.ok()) check_inbound(*p.update);
    }
  }
  return 0;
}
