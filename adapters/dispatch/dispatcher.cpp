#include "adapters/dispatch/dispatcher.h"

#include <algorithm>
#include <exception>
#include <string>
#include <utility>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "adapters/dispatch/failover.h"
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

// A well-mixed number from a row id and attempt, so retries of many rows spread out.
std::uint64_t mix(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

}  // namespace

Dispatcher::Dispatcher(store::OutboxQueue& store, const Clock& clock, DispatcherOptions options,
                       DispatchObserver observer)
    : store_(store), clock_(clock), options_(std::move(options)), observer_(std::move(observer)) {}

Dispatcher::~Dispatcher() { stop(); }

void Dispatcher::add_channel(std::unique_ptr<ChannelSender> sender) {
  if (!workers_.empty()) {
    spdlog::error("event=dispatch.add_channel_ignored reason=\"after start\"");
    return;
  }
  const Channel channel = sender->channel();
  const auto rate = options_.rates.find(channel);
  const auto delay = options_.claim_delay_seconds.find(channel);
  lanes_.erase(channel);
  lanes_.emplace(
      channel,
      Lane{std::move(sender),
           ChannelRateLimit(rate == options_.rates.end() ? ChannelRate{} : rate->second),
           delay == options_.claim_delay_seconds.end() ? 0 : delay->second, 0, clock_.now()});
}

void Dispatcher::set_observer(DispatchObserver observer) {
  if (!workers_.empty()) {
    spdlog::error("event=dispatch.set_observer_ignored reason=\"after start\"");
    return;
  }
  observer_ = std::move(observer);
}

RateMillis Dispatcher::rate_now() const {
  if (options_.rate_now) return options_.rate_now();
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

std::int64_t Dispatcher::backoff_seconds(int attempts) const {
  std::int64_t delay = std::max<std::int64_t>(options_.backoff_base_seconds, 1);
  for (int i = 1; i < attempts && delay < options_.backoff_cap_seconds; ++i) delay *= 2;
  return std::min(delay, options_.backoff_cap_seconds);
}

std::int64_t Dispatcher::retry_delay(const OutboxItem& item, const SendResult& result) const {
  if (result.retry_after_seconds) {
    return std::clamp<std::int64_t>(*result.retry_after_seconds, 1,
                                    options_.max_retry_after_seconds);
  }
  const std::int64_t delay = backoff_seconds(item.attempts);
  const std::int64_t spread = delay * std::clamp(options_.backoff_jitter_percent, 0, 100) / 100;
  if (spread <= 0) return delay;
  const std::uint64_t seed = mix(static_cast<std::uint64_t>(item.id) * 1000003ULL +
                                 static_cast<std::uint64_t>(item.attempts));
  return std::max<std::int64_t>(
      1, delay - static_cast<std::int64_t>(seed % static_cast<std::uint64_t>(spread + 1)));
}

int Dispatcher::run_once(Channel channel) { return round(channel).sent; }

RateMillis Dispatcher::lane_wait(Lane& lane) {
  const RateMillis now = rate_now();
  return std::max(lane.paused_until - now, lane.limit.overall_wait(now));
}

Dispatcher::Round Dispatcher::round(Channel channel) {
  const auto it = lanes_.find(channel);
  if (it == lanes_.end()) return {};
  Lane& lane = it->second;
  if (lane_wait(lane) > 0) return {0, false, true};
  const int room = std::min(options_.batch_size, lane.limit.overall_available(rate_now()));
  if (room <= 0) return {0, false, true};
  if (!record_kept(lane)) return {};  // the store still fails: claim nothing now
  release_expired_leases(channel, lane);
  const Result<std::vector<OutboxItem>> claimed =
      store_.claim_outbox(channel, clock_.now() - lane.claim_delay, room);
  if (!claimed.ok()) {
    spdlog::error("event=outbox.claim_failed channel={} error=\"{}\"", to_string(channel),
                  claimed.error().message);
    return {};  // nothing claimed, nothing sent: the next round tries again
  }
  const std::vector<OutboxItem>& items = *claimed;
  Round r;
  r.full = static_cast<int>(items.size()) >= room;
  for (const OutboxItem& item : items) {
    if (stopping_ || lane.paused_until > rate_now()) {
      // Not sent: back to pending as it was; the claim is not counted as an attempt.
      record(lane, item.id, "release",
             [this, id = item.id, at = item.next_attempt_at] { return store_.release(id, at); });
      continue;
    }
    const RateMillis now_ms = rate_now();
    if (!lane.limit.take(item.message.address, now_ms)) {
      // This address had its share: the row waits, other addresses go on.
      const RateMillis wait =
          std::max<RateMillis>(lane.limit.address_wait(item.message.address, now_ms), 1);
      record(lane, item.id, "release",
             [this, id = item.id, at = clock_.now() + (wait + 999) / 1000] {
               return store_.release(id, at);
             });
      spdlog::debug("event=outbox.deferred id={} channel={} wait_ms={}", item.id,
                    to_string(channel), wait);
      continue;
    }
    handle(lane, item);
    ++r.sent;
  }
  return r;
}

void Dispatcher::record(Lane& lane, std::int64_t id, std::string what,
                        std::function<Status()> write) {
  if (lane.unrecorded.empty()) {
    const Status s = write();
    if (s.ok()) return;
    spdlog::error(
        "event=outbox.record_failed id={} what={} error=\"{}\" hint=\"kept; "
        "recorded before the next claim\"",
        id, what, s.error().message);
  }
  lane.unrecorded.push_back({id, std::move(what), std::move(write)});  // keeps the order
}

bool Dispatcher::record_kept(Lane& lane) {
  while (!lane.unrecorded.empty()) {
    const Unrecorded& next = lane.unrecorded.front();
    if (const Status s = next.write(); !s.ok()) {
      spdlog::warn("event=outbox.record_retry_failed id={} what={} kept={} error=\"{}\"", next.id,
                   next.what, lane.unrecorded.size(), s.error().message);
      return false;
    }
    spdlog::info("event=outbox.recorded_late id={} what={}", next.id, next.what);
    lane.unrecorded.pop_front();
  }
  return true;
}

void Dispatcher::release_expired_leases(Channel channel, Lane& lane) {
  const UnixTime now = clock_.now();
  if (options_.lease_seconds <= 0 || !lane.unrecorded.empty() ||
      now - lane.leases_checked_at < options_.lease_check_seconds) {
    return;
  }
  lane.leases_checked_at = now;
  const Result<int> released = store_.release_expired_leases(channel, now, options_.lease_seconds);
  if (!released.ok()) {
    spdlog::error("event=outbox.lease_check_failed channel={} error=\"{}\"", to_string(channel),
                  released.error().message);
    return;  // the next check tries again; claiming goes on
  }
  if (*released > 0) {
    spdlog::warn(
        "event=outbox.lease_expired channel={} count={} lease_s={} hint=\"claimed but "
        "never recorded; sent again\"",
        to_string(channel), *released, options_.lease_seconds);
  }
}

bool Dispatcher::fail_over(const OutboxItem& item, const std::string& error) {
  const OutboundMessage& m = item.message;
  const UnixTime now = clock_.now();
  std::optional<Contact> next;
  const auto can_send = [this](Channel c) { return lanes_.count(c) > 0; };
  const Result<std::int64_t> id = store_.fail_over(
      item.id, now, [&](Repository& repo) -> std::optional<store::OutboxQueue::Failover> {
        next = next_contact(contacts_of(repo, m.recipient_id), {m.channel, m.address}, can_send);
        if (!next) return std::nullopt;
        OutboundMessage moved = m;  // same text: channel specifics are applied at send time
        moved.channel = next->channel;
        moved.address = next->address;
        repo.audit({now, "system", "outbound.failover",
                    fmt::format("outbox={} to={} from={} next={}", item.id, m.recipient_id,
                                to_string(m.channel), to_string(next->channel))});
        return store::OutboxQueue::Failover{std::move(moved), failover_error(next->channel, error)};
      });
  if (!id.ok()) {
    spdlog::error("event=outbox.failover_failed id={} {} error=\"{}\"", item.id, who(m),
                  id.error().message);
    return false;
  }
  if (*id == 0) return false;
  spdlog::warn("event=outbox.failover id={} {} channel={} next_channel={} new_id={} error=\"{}\"",
               item.id, who(m), to_string(m.channel), to_string(next->channel), *id, error);
  notify();  // the next contact's worker may be asleep
  return true;
}

void Dispatcher::handle(Lane& lane, const OutboxItem& item) {
  const Channel channel = lane.sender->channel();
  SendResult result;
  try {
    result = lane.sender->send(item);
  } catch (const std::exception& e) {
    result = SendResult::temporary(fmt::format("sender threw: {}", e.what()));
  }
  const UnixTime now = clock_.now();
  std::string status;
  const bool failover_due =
      result.kind == SendResult::Kind::kPermanent ||
      (result.kind == SendResult::Kind::kTemporary && options_.failover_after_attempts > 0 &&
       item.attempts >= options_.failover_after_attempts);
  if (result.kind == SendResult::Kind::kSent) {
    record(lane, item.id, "mark_sent",
           [this, id = item.id, provider_id = result.provider_message_id, now] {
             return store_.mark_sent(id, provider_id, now);
           });
    spdlog::info("event=outbox.sent id={} channel={} {}", item.id, to_string(channel),
                 who(item.message));
    status = "sent";
  } else if (failover_due && fail_over(item, result.error)) {
    status = "failover";
  } else if (result.kind == SendResult::Kind::kPermanent) {
    record(lane, item.id, "mark_failed", [this, id = item.id, error = result.error, now] {
      return store_.mark_failed(id, error, now);
    });
    spdlog::warn("event=outbox.failed id={} {} channel={} reason=permanent error=\"{}\"", item.id,
                 who(item.message), to_string(channel), result.error);
    status = "failed";
  } else if (item.attempts >= options_.max_attempts) {
    record(lane, item.id, "mark_failed",
           [this, id = item.id,
            error = fmt::format("gave up after {} attempts: {}", item.attempts, result.error),
            now] { return store_.mark_failed(id, error, now); });
    spdlog::warn("event=outbox.failed id={} {} attempts={} channel={} error=\"{}\"", item.id,
                 who(item.message), item.attempts, to_string(channel), result.error);
    status = "failed";
  } else {
    const std::int64_t delay = retry_delay(item, result);
    if (result.retry_after_seconds) {
      const RateMillis pause = std::min<RateMillis>(delay * 1000, kMaxChannelPauseMillis);
      lane.paused_until = std::max(lane.paused_until, rate_now() + pause);
    }
    record(lane, item.id, "mark_retry",
           [this, id = item.id, at = now + delay, error = result.error] {
             return store_.mark_retry(id, at, error);
           });
    spdlog::info("event=outbox.retry id={} {} channel={} delay_s={} error=\"{}\"", item.id,
                 who(item.message), to_string(channel), delay, result.error);
    status = "retry";
  }
  spdlog::debug("event=outbox.text id={} text=\"{}\"", item.id, item.message.text);
  if (observer_) observer_(channel, status);
}

void Dispatcher::start() {
  if (!workers_.empty() || stopping_) return;
  for (const auto& [channel, lane] : lanes_) {
    workers_.emplace_back([this, ch = channel] { worker(ch); });
  }
}

void Dispatcher::notify() {
  {
    const MutexLock lock(mutex_);
    ++generation_;
    // A worker in a round sees the new generation when the round ends, without a wake-up;
    // workers already signalled and not yet back in a wait need no second one.
    if (idle_workers_ == 0 || wake_pending_) return;
    wake_pending_ = true;
    ++wakeups_;
  }
  wake_.notify_all();
}

std::uint64_t Dispatcher::wakeups() {
  const MutexLock lock(mutex_);
  return wakeups_;
}

void Dispatcher::stop() {
  {
    const MutexLock lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (auto& t : workers_) {
    if (t.joinable()) t.join();
  }
  for (const auto& [channel, lane] : lanes_) {
    if (lane.unrecorded.empty()) continue;
    spdlog::error(
        "event=outbox.unrecorded_at_stop channel={} count={} hint=\"the rows stay "
        "sending and are sent again after a restart\"",
        to_string(channel), lane.unrecorded.size());
  }
}

void Dispatcher::worker(Channel channel) {
  Lane& lane = lanes_.at(channel);
  while (true) {
    std::uint64_t seen = 0;
    {
      const MutexLock lock(mutex_);
      if (stopping_) return;
      seen = generation_;
    }
    Round r;
    try {
      r = round(channel);
    } catch (const std::exception& e) {
      spdlog::error("event=dispatch.round_failed channel={} error=\"{}\"", to_string(channel), e.what());
    }
    if (r.full && !r.throttled) continue;  // a full batch: more may be due
    MutexLock lock(mutex_);
    if (r.throttled) {
      // No overall token, or paused by a Retry-After: wait (notify() cannot end it sooner).
      const std::chrono::milliseconds wait(std::max<RateMillis>(lane_wait(lane), 1));
      lock.wait_for(wake_, std::min(wait, options_.poll_interval),
                    [&] { return stopping_.load(); });
    } else {
      // Waiting for a generation after `seen`: counted, so notify() knows to signal. Every
      // worker that starts waiting clears wake_pending_, so the next notify() signals it.
      ++idle_workers_;
      wake_pending_ = false;
      lock.wait_for(wake_, options_.poll_interval,
                    [&]() REQUIRES(mutex_) { return stopping_ || generation_ != seen; });
      --idle_workers_;
    }
  }
}

}  // namespace noodbel
