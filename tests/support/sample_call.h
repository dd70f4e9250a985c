// The sample crisis call the tests share: call K42 of oost-vlaanderen, opened by C001 for a
// 4-year-old in Gent (9000), Dutch, 72 hours, needed from and created at `at`. Tests change
// what they need on the copy.
#pragma once

#include "bot/clock.h"
#include "bot/types.h"

namespace noodbel::testing {

Call sample_call_k42(UnixTime at);

}  // namespace noodbel::testing
