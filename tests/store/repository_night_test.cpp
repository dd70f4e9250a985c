// The Repository methods of the caseworker's night — an answer's words, conditions and
// the answer it replaced; questions; the two-step pick; notices; a call's chosen family,
// expiry and urgency — run against both the SQLite store and the in-memory fake so the
// two keep the same promises.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "store/migrations.h"
#include "store/sqlite.h"
#include "store/sqlite_repository.h"
#include "support/memory_repository.h"

namespace noodbel {
namespace {

constexpr UnixTime kT0 = 1'796'604'000;  // 2026-12-07 01:40 Europe/Brussels (a Monday)

class SqliteHolder {
 public:
  SqliteHolder() : db_(":memory:") {
    store::apply_migrations(db_);
    tx_ = std::make_unique<store::Transaction>(db_);
    repo_ = std::make_unique<store::SqliteRepository>(db_);
  }
  Repository& repo() { return *repo_; }

 private:
  store::Database db_;
  std::unique_ptr<store::Transaction> tx_;
  std::unique_ptr<store::SqliteRepository> repo_;
};

struct Holder {
  virtual ~Holder() = default;
  virtual Repository& repo() = 0;
};
struct SqliteRepo final : Holder {
  SqliteHolder h;
  Repository& repo() override { return h.repo(); }
};
struct MemoryRepo final : Holder {
  MemoryRepository r;
  Repository& repo() override { return r; }
};

using Make = std::unique_ptr<Holder> (*)();

Call sample_call() {
  Call c;
  c.code = "H94";
  c.service = "oost-vlaanderen";
  c.caseworker_id = "C001";
  c.ages_months = {48};
  c.postcode = "9000";
  c.place = "Gent";
  c.languages = {Language::kNl};
  c.duration_hours = 72;
  c.needed_from = kT0;
  c.created_at = kT0;
  return c;
}

Condition from_six_pm() {
  Condition c;
  c.kind = ConditionKind::kFrom;
  c.words = "pas vanaf 18u";
  c.from_day = "2026-12-07";
  c.from_minute = 18 * 60;
  return c;
}

class RepositoryNight : public ::testing::TestWithParam<Make> {
 protected:
  RepositoryNight() : holder_(GetParam()()), repo_(holder_->repo()) {
    call_id_ = repo_.insert_call(sample_call());
  }
  std::unique_ptr<Holder> holder_;
  Repository& repo_;
  std::int64_t call_id_ = 0;
};

TEST_P(RepositoryNight, AnAnswerKeepsTheFamilysWordsConditionsAndThePreviousAnswer) {
  Response r;
  r.call_id = call_id_;
  r.family_id = "F0001";
  r.answer = Answer::kYes;
  r.answered_at = kT0 + 60;
  r.text = "Ja, maar pas vanaf 18u 🙏";
  r.note = "🙏";
  r.conditions = {from_six_pm()};
  r.previous = Answer::kNo;
  repo_.upsert_response(r);
  const std::vector<Response> stored = repo_.responses(call_id_);
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].text, r.text);
  EXPECT_EQ(stored[0].note, r.note);
  EXPECT_EQ(stored[0].conditions, r.conditions);
  EXPECT_EQ(stored[0].previous, Answer::kNo);
}

TEST_P(RepositoryNight, ALaterAnswerReplacesEveryFieldOfTheEarlierOne) {
  Response first;
  first.call_id = call_id_;
  first.family_id = "F0001";
  first.answer = Answer::kYes;
  first.answered_at = kT0;
  first.text = "ja vanaf 18u";
  first.conditions = {from_six_pm()};
  repo_.upsert_response(first);
  Response second = first;
  second.answer = Answer::kNo;
  second.answered_at = kT0 + 120;
  second.text = "toch nee";
  second.conditions = {};
  second.previous = Answer::kYes;
  repo_.upsert_response(second);
  const std::vector<Response> stored = repo_.responses(call_id_);
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].answer, Answer::kNo);
  EXPECT_EQ(stored[0].text, "toch nee");
  EXPECT_TRUE(stored[0].conditions.empty());
  EXPECT_EQ(stored[0].previous, Answer::kYes);
}

TEST_P(RepositoryNight, QuestionsAreKeptPerCallOldestFirst) {
  const std::int64_t other = repo_.insert_call(sample_call());
  repo_.add_question({call_id_, "F0002", QuestionKind::kCallMe, "bel me later", kT0 + 200});
  repo_.add_question({call_id_, "F0001", QuestionKind::kQuestion, "hoe oud?", kT0 + 100});
  repo_.add_question({other, "F0001", QuestionKind::kQuestion, "andere", kT0 + 50});
  const std::vector<FamilyQuestion> q = repo_.questions(call_id_);
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].text, "hoe oud?");
  EXPECT_EQ(q[0].kind, QuestionKind::kQuestion);
  EXPECT_EQ(q[1].family_id, "F0002");
  EXPECT_EQ(q[1].kind, QuestionKind::kCallMe);
}

TEST_P(RepositoryNight, EndChoiceEndsTheFamilysNewestOpenChoiceOnly) {
  repo_.add_choice({call_id_, "F0001", "C001", kT0, ChoiceOutcome::kChosen, {}});
  EXPECT_TRUE(repo_.end_choice(call_id_, "F0001", ChoiceOutcome::kPassed, kT0 + 60));
  EXPECT_FALSE(repo_.end_choice(call_id_, "F0001", ChoiceOutcome::kConfirmed, kT0 + 70));
  EXPECT_FALSE(repo_.end_choice(call_id_, "F0009", ChoiceOutcome::kPassed, kT0 + 70));
  repo_.add_choice({call_id_, "F0002", "C001", kT0 + 80, ChoiceOutcome::kChosen, {}});
  EXPECT_TRUE(repo_.end_choice(call_id_, "F0002", ChoiceOutcome::kConfirmed, kT0 + 90));
  const std::vector<Choice> c = repo_.choices(call_id_);
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].family_id, "F0001");
  EXPECT_EQ(c[0].outcome, ChoiceOutcome::kPassed);
  EXPECT_EQ(c[0].ended_at, kT0 + 60);
  EXPECT_EQ(c[1].outcome, ChoiceOutcome::kConfirmed);
  EXPECT_EQ(c[1].chosen_by, "C001");
}

TEST_P(RepositoryNight, ANoticeIsRecordedOncePerKindAndKeyAndTheNewestIsFound) {
  EXPECT_FALSE(repo_.last_notice(call_id_, "answers").has_value());
  EXPECT_TRUE(repo_.record_notice({call_id_, "answers", kT0, kT0}));
  EXPECT_TRUE(repo_.record_notice({call_id_, "answers", kT0 + 300, kT0 + 300}));
  EXPECT_FALSE(repo_.record_notice({call_id_, "answers", kT0, kT0 + 600}));
  EXPECT_TRUE(repo_.record_notice({call_id_, "wave_end", 1, kT0 + 900}));
  const std::optional<CallNotice> last = repo_.last_notice(call_id_, "answers");
  ASSERT_TRUE(last.has_value());
  EXPECT_EQ(last->at, kT0 + 300);
  EXPECT_EQ(last->key, kT0 + 300);
  EXPECT_FALSE(repo_.record_notice({call_id_, "wave_end", 1, kT0 + 999}));
}

TEST_P(RepositoryNight, UpdateCallStoresTheChoiceExpiryAndUrgency) {
  Call call = *repo_.call_by_id(call_id_);
  EXPECT_FALSE(call.chosen_family.has_value());
  call.chosen_family = "F0001";
  call.chosen_at = kT0 + 60;
  call.chosen_by = "C001";
  call.expires_at = kT0 + 48 * 3600;
  call.urgent = true;
  repo_.update_call(call);
  const Call stored = *repo_.call_by_code("H94");
  EXPECT_EQ(stored.chosen_family, "F0001");
  EXPECT_EQ(stored.chosen_at, kT0 + 60);
  EXPECT_EQ(stored.chosen_by, "C001");
  EXPECT_EQ(stored.expires_at, kT0 + 48 * 3600);
  EXPECT_TRUE(stored.urgent);
  EXPECT_EQ(stored.state, CallState::kOpen);
}

TEST_P(RepositoryNight, InsertCallKeepsItsExpiry) {
  Call c = sample_call();
  c.code = "B17";
  c.expires_at = kT0 + 3600;
  const std::int64_t id = repo_.insert_call(c);
  EXPECT_EQ(repo_.call_by_id(id)->expires_at, kT0 + 3600);
  EXPECT_FALSE(repo_.call_by_id(call_id_)->expires_at.has_value());
}

INSTANTIATE_TEST_SUITE_P(
    Both, RepositoryNight,
    ::testing::Values(+[]() -> std::unique_ptr<Holder> { return std::make_unique<SqliteRepo>(); },
                      +[]() -> std::unique_ptr<Holder> { return std::make_unique<MemoryRepo>(); }),
    [](const ::testing::TestParamInfo<Make>& info) {
      return info.index == 0 ? std::string("Sqlite") : std::string("Memory");
    });

}  // namespace
}  // namespace noodbel
