// Mutex and MutexLock: std::mutex and its lock with clang's thread-safety attributes, so
// that clang checks at compile time (-Wthread-safety) that a member declared
// `GUARDED_BY(mutex_)` is only touched with mutex_ held. For store/ and adapters/ (the core
// has no threads); on other compilers the attributes compile to nothing.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <utility>

#if defined(__clang__)
#define NOODBEL_THREAD_ANNOTATION(x) __attribute__((x))
#else
#define NOODBEL_THREAD_ANNOTATION(x)
#endif

// A type that is a lock (Mutex).
#define CAPABILITY(x) NOODBEL_THREAD_ANNOTATION(capability(x))
// An RAII type that holds a lock for its scope (MutexLock).
#define SCOPED_CAPABILITY NOODBEL_THREAD_ANNOTATION(scoped_lockable)
// A member only read or written with the given mutex held.
#define GUARDED_BY(x) NOODBEL_THREAD_ANNOTATION(guarded_by(x))
// A pointer member whose pointee is only touched with the given mutex held.
#define PT_GUARDED_BY(x) NOODBEL_THREAD_ANNOTATION(pt_guarded_by(x))
// A function (or lambda) that its caller must call with the given mutex held.
#define REQUIRES(...) NOODBEL_THREAD_ANNOTATION(requires_capability(__VA_ARGS__))
// A function that its caller must call without the given mutex held (it takes it).
#define EXCLUDES(...) NOODBEL_THREAD_ANNOTATION(locks_excluded(__VA_ARGS__))
#define ACQUIRE(...) NOODBEL_THREAD_ANNOTATION(acquire_capability(__VA_ARGS__))
#define RELEASE(...) NOODBEL_THREAD_ANNOTATION(release_capability(__VA_ARGS__))

namespace noodbel {

// A std::mutex that the analysis knows as a lock. Take it with MutexLock.
class CAPABILITY("mutex") Mutex {
 public:
  void lock() ACQUIRE() { mutex_.lock(); }
  void unlock() RELEASE() { mutex_.unlock(); }

 private:
  friend class MutexLock;
  std::mutex mutex_;
};

// Holds a Mutex from construction to destruction (or unlock()), like std::unique_lock, and
// waits on a condition variable with it. A predicate passed to wait() or wait_for() runs
// with the mutex held: declare it `[&]() REQUIRES(mutex_) { ... }`.
class SCOPED_CAPABILITY MutexLock {
 public:
  explicit MutexLock(Mutex& mutex) ACQUIRE(mutex) : lock_(mutex.mutex_) {}
  ~MutexLock() RELEASE() {}
  MutexLock(const MutexLock&) = delete;
  MutexLock& operator=(const MutexLock&) = delete;

  void lock() ACQUIRE() { lock_.lock(); }
  void unlock() RELEASE() { lock_.unlock(); }

  template <class Predicate>
  void wait(std::condition_variable& cv, Predicate done) {
    cv.wait(lock_, std::move(done));
  }
  // What std::condition_variable::wait_for returns: done() at the end.
  template <class Rep, class Period, class Predicate>
  bool wait_for(std::condition_variable& cv, std::chrono::duration<Rep, Period> timeout,
                Predicate done) {
    return cv.wait_for(lock_, timeout, std::move(done));
  }

 private:
  std::unique_lock<std::mutex> lock_;
};

}  // namespace noodbel
