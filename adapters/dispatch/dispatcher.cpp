#include "adapters/dispatch/dispatcher.h"

#include <algorithm>
#include <exception>
#include <string>
#include <utility>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "bot/phone.h"

namespace noodbel {
namespace {

// "recipient=F0012" plus, for phone channels, the masked number: never a whole phone number.
std::string who(const OutboundMessage& m) {
  const bool phone = m.channel == Channel::kSms || m.channel == Channel::kSignal;
  const std::string id = m.recipient_id.empty() ? std::string("unknown") : m.recipient_id;
  return phone ? fmt::format("recipient={} address={}", id, mask_phone(m.address))
               : fmt::format("recipient={}", id);
}

}  // namespace

Dispatcher::Dispatcher(store::Store& store, const Clock& clock, DispatcherOptions options,
                       DispatchObserver observer)
    : store_(store), clock_(clock), options_(options), observer_(std::move(observer)) {}

Dispatcher::~Dispatcher() { stop(); }

void Dispatcher::add_channel(std::unique_ptr<ChannelSender> sender) {
  if (!workers_.empty()) {
    spdlog::error("event=dispatch.add_channel_ignored reason=\"after start\"");
    return;
  }
  const Channel channel = sender->channel();
  senders_[channel] = std::move(sender);
}

void Dispatcher::set_observer(DispatchObserver observer) {
  if (!workers_.empty()) {
    spdlog::error("event=dispatch.set_observer_ignored reason=\"after start\"");
    return;
  }
  observer_ = std::move(observer);
}

std::int64_t Dispatcher::backoff_seconds(int attempts) const {
  std::int64_t delay = std::max<std::int64_t>(options_.backoff_base_seconds, 1);
  for (int i = 1; i < attempts && delay < options_.backoff_cap_seconds; ++i) delay *= 2;
  return std::min(delay, options_.backoff_cap_seconds);
}

int Dispatcher::run_once(Channel channel) {
  const auto it = senders_.find(channel);
  if (it == senders_.end()) return 0;
  const std::vector<OutboxItem> items =
      store_.claim_outbox(channel, clock_.now(), options_.batch_size);
  int handled = 0;
  for (const OutboxItem& item : items) {
    if (stopping_) {
      // Not sent: back to pending right away; the claim's attempt is not a failure.
      store_.mark_retry(item.id, clock_.now(), "not sent: dispatcher stopping");
      continue;
    }
    handle(*it->second, item);
    ++handled;
  }
  return handled;
}

void Dispatcher::handle(ChannelSender& sender, const OutboxItem& item) {
  const Channel channel = sender.channel();
  SendResult result;
  try {
    result = sender.send(item);
  } catch (const std::exception& e) {
    result = SendResult::temporary(fmt::format("sender threw: {}", e.what()));
  }
  const UnixTime now = clock_.now();
  std::string status;
  if (result.kind == SendResult::Kind::kSent) {
    store_.mark_sent(item.id, result.provider_message_id, now);
    spdlog::info("event=outbox.sent id={} channel={} {}", item.id, to_string(channel),
                 who(item.message));
    status = "sent";
  } else if (result.kind == SendResult::Kind::kPermanent) {
    store_.mark_failed(item.id, result.error, now);
    spdlog::warn("event=outbox.failed id={} {} channel={} reason=permanent error=\"{}\"", item.id,
                 who(item.message), to_string(channel), result.error);
    status = "failed";
  } else if (item.attempts >= options_.max_attempts) {
    store_.mark_failed(item.id,
                       fmt::format("gave up after {} attempts: {}", item.attempts, result.error),
                       now);
    spdlog::warn("event=outbox.failed id={} {} attempts={} channel={} error=\"{}\"", item.id,
                 who(item.message), item.attempts, to_string(channel), result.error);
    status = "failed";
  } else {
    const std::int64_t delay =
        result.retry_after_seconds
            ? std::clamp<std::int64_t>(*result.retry_after_seconds, 1,
                                       options_.max_retry_after_seconds)
            : backoff_seconds(item.attempts);
    store_.mark_retry(item.id, now + delay, result.error);
    spdlog::info("event=outbox.retry id={} {} channel={} delay_s={} error=\"{}\"", item.id,
                 who(item.message), to_string(channel), delay, result.error);
    status = "retry";
  }
  spdlog::debug("event=outbox.text id={} text=\"{}\"", item.id, item.message.text);
  if (observer_) observer_(channel, status);
}

void Dispatcher::start() {
  if (!workers_.empty() || stopping_) return;
  for (const auto& [channel, sender] : senders_) {
    workers_.emplace_back([this, ch = channel] { worker(ch); });
  }
}

void Dispatcher::notify() {
  {
    const std::lock_guard lock(mutex_);
    ++generation_;
  }
  wake_.notify_all();
}

void Dispatcher::stop() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (auto& t : workers_) {
    if (t.joinable()) t.join();
  }
}

void Dispatcher::worker(Channel channel) {
  while (true) {
    std::uint64_t seen = 0;
    {
      const std::lock_guard lock(mutex_);
      if (stopping_) return;
      seen = generation_;
    }
    int handled = 0;
    try {
      handled = run_once(channel);
    } catch (const std::exception& e) {
      spdlog::error("event=dispatch.round_failed channel={} error=\"{}\"", to_string(channel), e.what());
    }
    if (handled >= options_.batch_size) continue;  // a full batch: more may be due
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, options_.poll_interval,
                   [&] { return stopping_ || generation_ != seen; });
  }
}

}  // namespace noodbel
