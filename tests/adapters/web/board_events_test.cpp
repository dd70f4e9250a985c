#include "adapters/web/board_events.h"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <stdexcept>

#include <gtest/gtest.h>

namespace noodbel {
namespace {

// A subscriber that counts its refreshes, run on the worker thread, and lets a test wait for
// the n-th.
class RefreshCounter {
 public:
  BoardEvents::Refresh refresh() {
    return [this] {
      const std::lock_guard lock(mu_);
      ++runs_;
      cv_.notify_all();
      return true;
    };
  }
  bool wait_for(int n) {
    std::unique_lock lock(mu_);
    return cv_.wait_for(lock, std::chrono::seconds(5), [&] { return runs_ >= n; });
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  int runs_ = 0;
};

TEST(BoardEvents, NotifyRunsEverySubscriberOnceNoMatterHowOften) {
  BoardEvents events;
  int a = 0;
  int b = 0;
  events.subscribe([&] { return ++a, true; });
  events.subscribe([&] { return ++b, true; });
  EXPECT_TRUE(events.run_pending());  // the subscriptions' first refresh
  EXPECT_EQ(a, 1);
  EXPECT_FALSE(events.run_pending());  // nothing new
  events.notify();
  events.notify();
  events.notify();
  EXPECT_TRUE(events.run_pending());
  EXPECT_EQ(a, 2);
  EXPECT_EQ(b, 2);
  EXPECT_EQ(events.generation(), 5u);
}

TEST(BoardEvents, SubscribersThatAreDoneOrThrowAreDropped) {
  BoardEvents events;
  int kept = 0;
  events.subscribe([&] { return ++kept, true; });
  events.subscribe([] { return false; });
  events.subscribe([]() -> bool { throw std::runtime_error("render failed"); });
  EXPECT_EQ(events.subscribers(), 3u);
  events.run_pending();
  EXPECT_EQ(events.subscribers(), 1u);
  events.notify();
  events.run_pending();
  EXPECT_EQ(kept, 2);
}

TEST(BoardEvents, TheWorkerRefreshesAfterNotifyAndStopDropsEveryone) {
  BoardEvents events;
  RefreshCounter counter;
  events.subscribe(counter.refresh());
  events.start();
  events.notify();
  EXPECT_TRUE(counter.wait_for(1));
  events.stop();
  EXPECT_EQ(events.subscribers(), 0u);
  events.subscribe([] { return true; });  // after stop: ignored
  EXPECT_EQ(events.subscribers(), 0u);
}

TEST(BoardEvents, NotifyWithoutSubscribersWakesNobodyAndAFirstSubscriberStillGetsItsRefresh) {
  BoardEvents events;
  events.start();
  for (int i = 0; i < 100; ++i) events.notify();  // commits and sent messages, no board open
  EXPECT_EQ(events.wakeups(), 0u);
  RefreshCounter counter;
  events.subscribe(counter.refresh());
  EXPECT_TRUE(counter.wait_for(1));
  EXPECT_EQ(events.wakeups(), 1u);
}

TEST(BoardEvents, EveryNotifyAfterARefreshBringsAnotherRefresh) {
  BoardEvents events;
  RefreshCounter counter;
  events.subscribe(counter.refresh());
  events.start();
  for (int i = 1; i <= 200; ++i) {
    ASSERT_TRUE(counter.wait_for(i)) << "refresh " << i << " never came";
    events.notify();  // the refresh that counted `i` has started: this one must wake it again
  }
  EXPECT_TRUE(counter.wait_for(201));
}

}  // namespace
}  // namespace noodbel
