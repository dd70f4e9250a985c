#include "adapters/web/board_events.h"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <stdexcept>

#include <gtest/gtest.h>

namespace noodbel {
namespace {

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
  std::mutex mu;
  std::condition_variable cv;
  int runs = 0;
  events.subscribe([&] {
    const std::lock_guard lock(mu);
    ++runs;
    cv.notify_all();
    return true;
  });
  events.start();
  events.notify();
  {
    std::unique_lock lock(mu);
    EXPECT_TRUE(cv.wait_for(lock, std::chrono::seconds(5), [&] { return runs >= 1; }));
  }
  events.stop();
  EXPECT_EQ(events.subscribers(), 0u);
  events.subscribe([] { return true; });  // after stop: ignored
  EXPECT_EQ(events.subscribers(), 0u);
}

}  // namespace
}  // namespace noodbel
