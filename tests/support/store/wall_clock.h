// wall_clock(): the system clock for tests that open a Store (Store::open takes the clock
// that stamps created_at / updated_at). The same wall time SQL's 'now' gave before, so
// tests that read those columns see what they always saw. Test-only; thread-safe.
#pragma once

#include "bot/clock.h"

namespace noodbel::testing_support {

inline const Clock& wall_clock() {
  static const SystemClock clock;
  return clock;
}

}  // namespace noodbel::testing_support
