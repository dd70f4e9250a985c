// Test-only: a ChannelSender for any channel that returns scripted results (then "sent"),
// records what it was asked to send and can run a hook inside send(). Its state is shared
// so a test keeps a handle after add_channel. Thread-safe (the state has a mutex).
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "adapters/dispatch/channel_sender.h"

namespace noodbel::testing_support {

struct FakeSenderState {
  std::mutex mu;
  std::condition_variable cv;
  std::deque<SendResult> script;
  std::vector<OutboxItem> sent;
  std::function<void()> on_send;
  bool throw_next = false;

  void add(std::vector<SendResult> results) {
    const std::lock_guard lock(mu);
    for (auto& r : results) script.push_back(std::move(r));
  }
  std::size_t calls() {
    const std::lock_guard lock(mu);
    return sent.size();
  }
  std::vector<std::string> recipients() {
    const std::lock_guard lock(mu);
    std::vector<std::string> out;
    for (const auto& item : sent) out.push_back(item.message.recipient_id);
    return out;
  }
};

class FakeSender final : public ChannelSender {
 public:
  FakeSender(Channel channel, std::shared_ptr<FakeSenderState> state)
      : channel_(channel), state_(std::move(state)) {}
  Channel channel() const override { return channel_; }
  SendResult send(const OutboxItem& item) override {
    std::function<void()> hook;
    SendResult result = SendResult::sent("p-" + std::to_string(item.id));
    {
      const std::lock_guard lock(state_->mu);
      state_->sent.push_back(item);
      hook = state_->on_send;
      if (state_->throw_next) {
        state_->throw_next = false;
        state_->cv.notify_all();
        throw std::runtime_error("socket exploded");
      }
      if (!state_->script.empty()) {
        result = state_->script.front();
        state_->script.pop_front();
      }
    }
    state_->cv.notify_all();
    if (hook) hook();
    return result;
  }

 private:
  Channel channel_;
  std::shared_ptr<FakeSenderState> state_;
};

}  // namespace noodbel::testing_support
