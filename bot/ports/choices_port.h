// ChoicesPort: the picking history of a call — each family a caseworker chose (/kies) and
// whether that choice was confirmed or passed over. One role of the unit of work
// (bot/repository.h). Not thread-safe; throws only on storage failure.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "bot/types.h"

namespace noodbel {

class ChoicesPort {
 public:
  virtual ~ChoicesPort() = default;

  // Records a new choice as given (normally outcome kChosen, no ended_at); choosing a
  // family again adds another row.
  virtual void add_choice(const Choice& c) = 0;
  // Sets outcome and ended_at of this family's newest choice still kChosen for the call.
  // False, nothing changed, when it has none (never chosen, or already ended).
  virtual bool end_choice(std::int64_t call_id, std::string_view family_id,
                          ChoiceOutcome outcome, UnixTime at) = 0;
  // The choices of a call, oldest first (the order they were added); empty when none.
  virtual std::vector<Choice> choices(std::int64_t call_id) = 0;
};

}  // namespace noodbel
