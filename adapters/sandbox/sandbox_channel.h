// SandboxChannel: the local practice channel. "Sending" appends to a bounded in-memory
// log that the browser page polls; messages typed in the page are logged too, so the
// page shows both sides. Thread-safe: all methods lock an internal mutex.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "adapters/dispatch/channel_sender.h"
#include "bot/clock.h"
#include "bot/sync/mutex.h"
#include "bot/types.h"

namespace noodbel {

struct SandboxMessage {
  std::int64_t seq = 0;    // increasing from 1; the page asks for messages after a seq
  std::string person_id;   // the sandbox address: a family or caseworker id
  std::string direction;   // "out" (bot to person) or "in" (person to bot)
  std::string text;
  UnixTime at = 0;
};

class SandboxChannel final : public ChannelSender {
 public:
  static constexpr std::size_t kDefaultCapacity = 5000;

  // clock must outlive the channel. The oldest messages are dropped beyond capacity.
  explicit SandboxChannel(const Clock& clock, std::size_t capacity = kDefaultCapacity);

  Channel channel() const override { return Channel::kSandbox; }
  // Appends an "out" message; always sent, provider id "sb-out-<seq>".
  SendResult send(const OutboxItem& item) override;

  // Appends an "in" message typed in the page; returns its seq.
  std::int64_t record_inbound(const InboundMessage& message);
  // Removes a message (an inbound one the pipeline refused); false when not found.
  bool erase(std::int64_t seq);

  // Messages with seq > since, oldest first, at most `limit`.
  std::vector<SandboxMessage> messages_since(std::int64_t since, std::size_t limit = 500) const;
  std::int64_t last_seq() const;

 private:
  std::int64_t append(std::string person_id, std::string direction, std::string text,
                      UnixTime at);

  const Clock& clock_;
  const std::size_t capacity_;
  mutable Mutex mutex_;
  std::deque<SandboxMessage> log_ GUARDED_BY(mutex_);  // ordered by seq
  std::int64_t next_seq_ GUARDED_BY(mutex_) = 1;
};

}  // namespace noodbel
