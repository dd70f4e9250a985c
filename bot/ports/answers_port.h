// AnswersPort: what families said about a call — their answers (yes, no, maybe) and their
// questions or requests to be called. One role of the unit of work (bot/repository.h).
// Not thread-safe; throws only on storage failure, like every port of a Repository.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "bot/types.h"

namespace noodbel {

class AnswersPort {
 public:
  virtual ~AnswersPort() = default;

  // One answer per (call, family): a later answer replaces the earlier one with all its
  // fields (answer, note, answered_at, text, conditions, previous).
  virtual void upsert_response(const Response& r) = 0;
  // The answers to a call, ordered by answered_at, then family id; empty when none.
  virtual std::vector<Response> responses(std::int64_t call_id) = 0;
  // One family's answer to a call; nullopt when it has not answered it.
  virtual std::optional<Response> response(std::int64_t call_id, std::string_view family_id) = 0;

  // Adds a question or call-me request about a call; every one is kept, repeats included.
  virtual void add_question(const FamilyQuestion& q) = 0;
  // The questions about a call, oldest first (asked_at, then the order they were added).
  virtual std::vector<FamilyQuestion> questions(std::int64_t call_id) = 0;
};

}  // namespace noodbel
