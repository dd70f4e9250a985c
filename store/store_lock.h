// Holding: marks, for its scope, the Store whose lock this thread holds, so that a call
// back into that Store from inside one of its transactions is refused instead of
// deadlocking (holds_lock(store)). For store/store.cpp and store/group_commit.cpp only.
#pragma once

#include <utility>

namespace noodbel::store {

class Store;

namespace detail {
// The Store whose lock this thread holds; nullptr when none.
inline thread_local const Store* t_holding = nullptr;
}  // namespace detail

// True while this thread holds `store`'s lock (it runs one of its transactions).
inline bool holds_lock(const Store* store) { return detail::t_holding == store; }

class Holding {
 public:
  explicit Holding(const Store* store) : previous_(std::exchange(detail::t_holding, store)) {}
  ~Holding() { detail::t_holding = previous_; }
  Holding(const Holding&) = delete;
  Holding& operator=(const Holding&) = delete;

 private:
  const Store* previous_;
};

}  // namespace noodbel::store
