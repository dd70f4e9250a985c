#include "adapters/dispatch/dispatcher.h"

#include <algorithm>
#include <exception>
#include <string>
#include <utility>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "adapters/dispatch/failover.h"
#include "bot/phone.h"
#include "bot/text/logfmt_value.h"

namespace noodbel {
namespace {

// "recipient=F0012" plus, for phone channels, the masked number: never a whole phone number.
std::string who(const OutboundMessage& m) {
  const bool phone = m.channel == Channel::kSms || m.channel == Channel::kSignal;
  const std::string id = m.recipient_id.empty() ? std::string("unknown") : m.recipient_id;
  return phone ? fmt::format("recipient={} address={}", logfmt_value(id), mask_phone(m.address))
               : fmt::format("recipient={}", logfmt_value(id));
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

int Dispatcher::run_once(Channel channel) {
  const int sent = round(channel).sent;
  const auto it = lanes_.find(channel);
  if (it != lanes_.end()) record_kept(it->second);  // run_once leaves nothing unrecorded
  return sent;
}

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
  if (lease_check_due(lane) && record_kept(lane)) release_expired_leases(channel, lane);
  const Result<std::vector<OutboxItem>> claimed =
      record_and_claim(lane, clock_.now() - lane.claim_delay, room);
  if (!claimed.ok()) return {};  // nothing claimed, nothing sent: the next round tries again
  const std::vector<OutboxItem>& items = *claimed;
  Round r;
  r.full = static_cast<int>(items.size()) >= room;
  for (const OutboxItem& item : items) {
    // The previous row's outcome is on disk before the next send (unless the store fails).
    if (!lane.unrecorded.empty() && !lane.record_failing) record_kept(lane);
    if (stopping_ || lane.paused_until > rate_now()) {
      // Not sent: back to pending as it was; the claim is not counted as an attempt.
      record(lane, {Outcome::Kind::kRelease, item.id, item.next_attempt_at, {}, {}});
      continue;
    }
    const RateMillis now_ms = rate_now();
    if (!lane.limit.take(item.message.address, now_ms)) {
      // This address had its share: the row waits, other addresses go on.
      const RateMillis wait =
          std::max<RateMillis>(lane.limit.address_wait(item.message.address, now_ms), 1);
      record(lane, {Outcome::Kind::kRelease, item.id, clock_.now() + (wait + 999) / 1000, {}, {}});
      spdlog::debug("event=outbox.deferred id={} channel={} wait_ms={}", item.id,
                    to_string(channel), wait);
      continue;
    }
    handle(lane, item);
    ++r.sent;
  }
  return r;
}

Result<std::vector<OutboxItem>> Dispatcher::record_and_claim(Lane& lane, UnixTime due, int room) {
  const Channel channel = lane.sender->channel();
  Result<std::vector<OutboxItem>> claimed =
      store_.record_and_claim(lane.unrecorded, channel, due, room);
  recorded(lane, claimed.ok() ? Ok() : Status(claimed.error()));
  if (!claimed.ok()) {
    spdlog::error("event=outbox.claim_failed channel={} error={}", to_string(channel),
                  logfmt_value(claimed.error().message));
  }
  return claimed;
}

void Dispatcher::record(Lane& lane, Outcome outcome) {
  lane.unrecorded.push_back(std::move(outcome));
}

bool Dispatcher::record_kept(Lane& lane) {
  if (lane.unrecorded.empty()) return true;
  const Result<std::vector<OutboxItem>> written =
      store_.record_and_claim(lane.unrecorded, lane.sender->channel(), clock_.now(), 0);
  recorded(lane, written.ok() ? Ok() : Status(written.error()));
  return written.ok();
}

void Dispatcher::recorded(Lane& lane, const Status& written) {
  if (lane.unrecorded.empty()) return;
  if (written.ok()) {
    if (lane.record_failing) {
      spdlog::info("event=outbox.recorded_late channel={} count={}",
                   to_string(lane.sender->channel()), lane.unrecorded.size());
    }
    lane.unrecorded.clear();
    lane.record_failing = false;
    return;
  }
  if (!lane.record_failing) {
    spdlog::error(
        "event=outbox.record_failed channel={} kept={} first_id={} error={} hint=\"kept; "
        "recorded before the next claim\"",
        to_string(lane.sender->channel()), lane.unrecorded.size(), lane.unrecorded.front().id,
        logfmt_value(written.error().message));
  } else {
    spdlog::warn("event=outbox.record_retry_failed channel={} kept={} error={}",
                 to_string(lane.sender->channel()), lane.unrecorded.size(),
                 logfmt_value(written.error().message));
  }
  lane.record_failing = true;
}

bool Dispatcher::lease_check_due(const Lane& lane) const {
  return options_.lease_seconds > 0 &&
         clock_.now() - lane.leases_checked_at >= options_.lease_check_seconds;
}

void Dispatcher::release_expired_leases(Channel channel, Lane& lane) {
  const UnixTime now = clock_.now();
  if (!lease_check_due(lane) || !lane.unrecorded.empty()) return;
  lane.leases_checked_at = now;
  const Result<int> released = store_.release_expired_leases(channel, now, options_.lease_seconds);
  if (!released.ok()) {
    spdlog::error("event=outbox.lease_check_failed channel={} error={}", to_string(channel),
                  logfmt_value(released.error().message));
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
    spdlog::error("event=outbox.failover_failed id={} {} error={}", item.id, who(m),
                  logfmt_value(id.error().message));
    return false;
  }
  if (*id == 0) return false;
  spdlog::warn("event=outbox.failover id={} {} channel={} next_channel={} new_id={} error={}",
               item.id, who(m), to_string(m.channel), to_string(next->channel), *id,
               logfmt_value(error));
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
    record(lane, {Outcome::Kind::kSent, item.id, now, result.provider_message_id, {}});
    spdlog::info("event=outbox.sent id={} channel={} {}", item.id, to_string(channel),
                 who(item.message));
    status = "sent";
  } else if (failover_due && fail_over(item, result.error)) {
    status = "failover";
  } else if (result.kind == SendResult::Kind::kPermanent) {
    record(lane, {Outcome::Kind::kFailed, item.id, now, {}, result.error});
    spdlog::warn("event=outbox.failed id={} {} channel={} reason=permanent error={}", item.id,
                 who(item.message), to_string(channel), logfmt_value(result.error));
    status = "failed";
  } else if (item.attempts >= options_.max_attempts) {
    record(lane, {Outcome::Kind::kFailed,
                  item.id,
                  now,
                  {},
                  fmt::format("gave up after {} attempts: {}", item.attempts, result.error)});
    spdlog::warn("event=outbox.failed id={} {} attempts={} channel={} error={}", item.id,
                 who(item.message), item.attempts, to_string(channel), logfmt_value(result.error));
    status = "failed";
  } else {
    const std::int64_t delay = retry_delay(item, result);
    if (result.retry_after_seconds) {
      const RateMillis pause = std::min<RateMillis>(delay * 1000, kMaxChannelPauseMillis);
      lane.paused_until = std::max(lane.paused_until, rate_now() + pause);
    }
    record(lane, {Outcome::Kind::kRetry, item.id, now + delay, {}, result.error});
    spdlog::info("event=outbox.retry id={} {} channel={} delay_s={} error={}", item.id,
                 who(item.message), to_string(channel), delay, logfmt_value(result.error));
    status = "retry";
  }
  spdlog::debug("event=outbox.text id={} text={}", item.id, logfmt_value(item.message.text));
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
  for (auto& [channel, lane] : lanes_) {
    if (record_kept(lane)) continue;  // the last outcomes, if the store takes them
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
      spdlog::error("event=dispatch.round_failed channel={} error={}", to_string(channel),
                    logfmt_value(e.what()));
    }
    if (r.full && !r.throttled) continue;  // a full batch: more may be due
    if (r.throttled) record_kept(lane);    // the wait may be long: record first
    if (idle(lane, r, seen)) record_kept(lane);
  }
}

bool Dispatcher::idle(Lane& lane, const Round& r, std::uint64_t seen) {
  MutexLock lock(mutex_);
  if (r.throttled) {
    // No overall token, or paused by a Retry-After: wait (notify() cannot end it sooner).
    const std::chrono::milliseconds wait(std::max<RateMillis>(lane_wait(lane), 1));
    lock.wait_for(wake_, std::min(wait, options_.poll_interval), [&] { return stopping_.load(); });
    return false;
  }
  // A kept outcome waits at most record_within for the next claim to take it along; while
  // the store fails, poll_interval (the next round tries again, an outage is not hammered).
  const bool kept = !lane.unrecorded.empty() && !lane.record_failing;
  const std::chrono::milliseconds wait =
      kept ? std::min(options_.record_within, options_.poll_interval) : options_.poll_interval;
  // Waiting for a generation after `seen`: counted, so notify() knows to signal. Every
  // worker that starts waiting clears wake_pending_, so the next notify() signals it.
  ++idle_workers_;
  wake_pending_ = false;
  const bool woken = lock.wait_for(
      wake_, wait, [&]() REQUIRES(mutex_) { return stopping_ || generation_ != seen; });
  --idle_workers_;
  return kept && !woken;  // no claim came to take the outcome along: write it alone
}

}  // namespace noodbel
