#include "adapters/sandbox/sandbox_channel.h"

#include <algorithm>
#include <utility>

#include <fmt/format.h>

namespace noodbel {

SandboxChannel::SandboxChannel(const Clock& clock, std::size_t capacity)
    : clock_(clock), capacity_(std::max<std::size_t>(capacity, 1)) {}

SendResult SandboxChannel::send(const OutboxItem& item) {
  const std::int64_t seq =
      append(item.message.address, "out", item.message.text, clock_.now());
  return SendResult::sent(fmt::format("sb-out-{}", seq));
}

std::int64_t SandboxChannel::record_inbound(const InboundMessage& message) {
  return append(message.address, "in", message.text, message.received_at);
}

std::int64_t SandboxChannel::append(std::string person_id, std::string direction,
                                    std::string text, UnixTime at) {
  const MutexLock lock(mutex_);
  const std::int64_t seq = next_seq_++;
  log_.push_back({seq, std::move(person_id), std::move(direction), std::move(text), at});
  while (log_.size() > capacity_) log_.pop_front();
  return seq;
}

bool SandboxChannel::erase(std::int64_t seq) {
  const MutexLock lock(mutex_);
  const auto it = std::lower_bound(log_.begin(), log_.end(), seq,
                                   [](const SandboxMessage& m, std::int64_t s) { return m.seq < s; });
  if (it == log_.end() || it->seq != seq) return false;
  log_.erase(it);
  return true;
}

std::vector<SandboxMessage> SandboxChannel::messages_since(std::int64_t since,
                                                           std::size_t limit) const {
  const MutexLock lock(mutex_);
  auto it = std::upper_bound(log_.begin(), log_.end(), since,
                             [](std::int64_t s, const SandboxMessage& m) { return s < m.seq; });
  std::vector<SandboxMessage> out;
  for (; it != log_.end() && out.size() < limit; ++it) out.push_back(*it);
  return out;
}

std::int64_t SandboxChannel::last_seq() const {
  const MutexLock lock(mutex_);
  return next_seq_ - 1;
}

}  // namespace noodbel
