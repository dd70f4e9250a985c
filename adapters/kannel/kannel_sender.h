// KannelSender: the ChannelSender for SMS through Kannel's smsbox (GET cgi-bin/sendsms).
// GSM-7 texts go as coding 0, others as UCS-2 (coding 2, Kannel converts from UTF-8);
// delivery reports are asked for with dlr-mask 31 and a dlr-url carrying our id.
// Called from the one SMS dispatcher thread only (the dispatcher paces the sends).
#pragma once

#include <string>
#include <string_view>

#include "adapters/dispatch/channel_sender.h"
#include "adapters/http/client.h"
#include "adapters/kannel/kannel_config.h"

namespace noodbel {

// Kannel gives no message id of its own: ours is "kn:" + the outbox row id, sent back in
// the delivery reports.
inline constexpr std::string_view kKannelIdPrefix = "kn:";
std::string kannel_message_id(const OutboxItem& item);

// Delivery report types asked for: delivered 1, failed 2, buffered 4, SMSC ack 8, nack 16.
inline constexpr int kKannelDlrMask = 31;

// The sendsms GET request for `item`: username, password, from (when set), to, text,
// charset=UTF-8, coding 0 or 2, and dlr-mask + dlr-url when config.dlr_url is set.
ClientRequest kannel_send_request(const KannelConfig& config, const OutboxItem& item);

// smsbox's answer sorted: "0: Accepted…" / "3: Queued…" (HTTP 202 or 200): sent as
// `provider_id`; 503 and other 5xx: temporary; 403 (wrong user or password) and other
// 4xx: permanent. The error quotes smsbox's short answer, never the text sent.
SendResult kannel_send_result(const ClientResponse& response, std::string provider_id);

class KannelSender final : public ChannelSender {
 public:
  // config and client must outlive the sender.
  KannelSender(const KannelConfig& config, HttpClient& client);

  Channel channel() const override { return Channel::kSms; }
  SendResult send(const OutboxItem& item) override;

 private:
  const KannelConfig& config_;
  HttpClient& client_;
};

}  // namespace noodbel
