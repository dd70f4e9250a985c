// The rules of AnswersPort (bot/ports/answers_port.h), checked on every implementation.
#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bot/ports/answers_port.h"
#include "store/contracts/implementations.h"
#include "store/contracts/sample_rows.h"

namespace noodbel::contracts {
namespace {

template <typename Impl>
using AnswersPortContract = PortContract<AnswersPort, Impl>;
TYPED_TEST_SUITE(AnswersPortContract, Implementations, ImplementationNames);

Condition from_six_pm() {
  Condition c;
  c.kind = ConditionKind::kFrom;
  c.words = "pas vanaf 18u";
  c.from_day = "2026-12-07";
  c.from_minute = 18 * 60;
  return c;
}

Response answer(std::int64_t call, const std::string& family, Answer a, UnixTime at) {
  Response r;
  r.call_id = call;
  r.family_id = family;
  r.answer = a;
  r.answered_at = at;
  r.text = "ja";
  return r;
}

std::vector<std::string> families_of(const std::vector<Response>& responses) {
  std::vector<std::string> out;
  for (const Response& r : responses) out.push_back(r.family_id);
  return out;
}

TYPED_TEST(AnswersPortContract, AnAnswerKeepsTheFamilysWordsConditionsAndThePreviousAnswer) {
  const std::int64_t call = this->a_call();
  Response r = answer(call, "F0001", Answer::kMaybe, kT0 + 60);
  r.text = "Ja, maar pas vanaf 18u 🙏";
  r.note = "🙏";
  r.conditions = {from_six_pm()};
  r.previous = Answer::kNo;
  this->port().upsert_response(r);
  const std::vector<Response> stored = this->port().responses(call);
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].call_id, call);
  EXPECT_EQ(stored[0].family_id, "F0001");
  EXPECT_EQ(stored[0].answer, Answer::kMaybe);
  EXPECT_EQ(stored[0].answered_at, kT0 + 60);
  EXPECT_EQ(stored[0].text, r.text);
  EXPECT_EQ(stored[0].note, r.note);
  EXPECT_EQ(stored[0].conditions, r.conditions);
  EXPECT_EQ(stored[0].previous, Answer::kNo);
}

TYPED_TEST(AnswersPortContract, ALaterAnswerReplacesEveryFieldOfTheEarlierOne) {
  const std::int64_t call = this->a_call();
  Response first = answer(call, "F0001", Answer::kYes, kT0);
  first.note = "eerst";
  first.conditions = {from_six_pm()};
  this->port().upsert_response(first);
  Response second = answer(call, "F0001", Answer::kNo, kT0 + 120);
  second.text = "toch nee";
  second.previous = Answer::kYes;
  this->port().upsert_response(second);
  const std::vector<Response> stored = this->port().responses(call);
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].answer, Answer::kNo);
  EXPECT_EQ(stored[0].answered_at, kT0 + 120);
  EXPECT_EQ(stored[0].text, "toch nee");
  EXPECT_EQ(stored[0].note, "");
  EXPECT_TRUE(stored[0].conditions.empty());
  EXPECT_EQ(stored[0].previous, Answer::kYes);
}

TYPED_TEST(AnswersPortContract, AnswersOfACallComeByTimeThenFamily) {
  const std::int64_t call = this->a_call("K42");
  const std::int64_t other = this->a_call("B17");
  this->port().upsert_response(answer(call, "F3", Answer::kYes, kT0 + 10));
  this->port().upsert_response(answer(call, "F2", Answer::kNo, kT0 + 20));
  this->port().upsert_response(answer(call, "F1", Answer::kYes, kT0 + 10));
  this->port().upsert_response(answer(other, "F4", Answer::kYes, kT0));
  EXPECT_EQ(families_of(this->port().responses(call)),
            (std::vector<std::string>{"F1", "F3", "F2"}));
  EXPECT_TRUE(this->port().responses(call + other + 100).empty());
}

TYPED_TEST(AnswersPortContract, OneFamilysAnswerIsFoundByCallAndFamily) {
  const std::int64_t call = this->a_call("K42");
  const std::int64_t other = this->a_call("B17");
  Response kept = answer(call, "F0002", Answer::kMaybe, kT0 + 30);
  kept.note = "na 18u";
  kept.conditions = {from_six_pm()};
  kept.previous = Answer::kYes;
  this->port().upsert_response(answer(call, "F0001", Answer::kYes, kT0));
  this->port().upsert_response(kept);
  this->port().upsert_response(answer(other, "F0003", Answer::kNo, kT0));
  const std::optional<Response> found = this->port().response(call, "F0002");
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->call_id, call);
  EXPECT_EQ(found->family_id, "F0002");
  EXPECT_EQ(found->answer, Answer::kMaybe);
  EXPECT_EQ(found->answered_at, kT0 + 30);
  EXPECT_EQ(found->note, "na 18u");
  EXPECT_EQ(found->conditions, kept.conditions);
  EXPECT_EQ(found->previous, Answer::kYes);
  EXPECT_FALSE(this->port().response(call, "F0003").has_value()) << "answered another call";
  EXPECT_FALSE(this->port().response(other, "F0002").has_value()) << "did not answer this one";
  EXPECT_FALSE(this->port().response(call + other + 100, "F0001").has_value());
}

TYPED_TEST(AnswersPortContract, QuestionsAreKeptPerCallOldestFirst) {
  const std::int64_t call = this->a_call("K42");
  const std::int64_t other = this->a_call("B17");
  this->port().add_question({call, "F0002", QuestionKind::kCallMe, "bel me later", kT0 + 200});
  this->port().add_question({call, "F0001", QuestionKind::kQuestion, "hoe oud?", kT0 + 100});
  this->port().add_question({other, "F0001", QuestionKind::kQuestion, "andere", kT0 + 50});
  const std::vector<FamilyQuestion> q = this->port().questions(call);
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].call_id, call);
  EXPECT_EQ(q[0].family_id, "F0001");
  EXPECT_EQ(q[0].text, "hoe oud?");
  EXPECT_EQ(q[0].kind, QuestionKind::kQuestion);
  EXPECT_EQ(q[0].asked_at, kT0 + 100);
  EXPECT_EQ(q[1].family_id, "F0002");
  EXPECT_EQ(q[1].kind, QuestionKind::kCallMe);
  EXPECT_TRUE(this->port().questions(call + other + 100).empty());
}

TYPED_TEST(AnswersPortContract, ARepeatedQuestionIsKeptTooInTheOrderAdded) {
  const std::int64_t call = this->a_call();
  this->port().add_question({call, "F1", QuestionKind::kQuestion, "eerste", kT0});
  this->port().add_question({call, "F1", QuestionKind::kQuestion, "tweede", kT0});
  this->port().add_question({call, "F1", QuestionKind::kQuestion, "eerste", kT0});
  const std::vector<FamilyQuestion> q = this->port().questions(call);
  ASSERT_EQ(q.size(), 3u);
  EXPECT_EQ(q[0].text, "eerste");
  EXPECT_EQ(q[1].text, "tweede");
  EXPECT_EQ(q[2].text, "eerste");
}

}  // namespace
}  // namespace noodbel::contracts
