#include "store/backup.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "ops_data.h"
#include "store/sqlite.h"
#include "support/store/must.h"
#include "support/store/wall_clock.h"
#include "temp_db.h"

namespace noodbel::store {

using ::noodbel::testing_support::must;
namespace {

namespace fs = std::filesystem;
using testing_support::TempDbPath;

std::unique_ptr<Store> open_or_die(const std::string& path) {
  auto store = Store::open(path, ::noodbel::testing_support::wall_clock());
  if (!store.ok()) throw std::runtime_error(store.error().message);
  return std::move(store).value();
}

// A readable summary of what a database holds.
std::vector<std::string> contents(Store& store) {
  std::vector<std::string> out;
  const Status s = store.transaction([&](Repository& repo) -> Status {
    for (const auto& f : repo.families()) {
      out.push_back(f.id + " " + f.display_name + " " + f.contacts.at(0).address);
    }
    for (const char* code : {"K1", "K2", "K3"}) {
      const auto call = repo.call_by_code(code);
      if (!call) continue;
      out.push_back(call->code + " " + call->note + " " + std::to_string(repo.responses(call->id).size()));
    }
    return Ok();
  });
  if (!s.ok()) throw std::runtime_error(s.error().message);
  for (const auto& item : must(store.outbox_for("F1", 100))) out.push_back(item.message.text);
  return out;
}

std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class BackupTest : public ::testing::Test {
 protected:
  BackupTest() : live_(open_or_die(path_.db())) { testing_support::seed_ops_data(*live_); }
  std::string file(const char* name) const { return (path_.folder() / name).string(); }

  TempDbPath path_;
  std::unique_ptr<Store> live_;  // stays open: the service is running
};

TEST_F(BackupTest, BackupOfALiveStoreRestoresIntoANewPathWithEqualData) {
  const auto written = backup_database(path_.db(), file("backup.db"));
  ASSERT_TRUE(written.ok()) << written.error().message;
  EXPECT_EQ(written->schema_version, Store::latest_schema_version());
  EXPECT_GT(written->bytes, 0);
  EXPECT_FALSE(fs::exists(file("backup.db-wal")));  // self-contained

  const auto restored = restore_database(file("backup.db"), file("restored/noodbel.db"));
  ASSERT_FALSE(restored.ok());  // the folder does not exist
  fs::create_directories(file("restored"));
  const auto again = restore_database(file("backup.db"), file("restored/noodbel.db"));
  ASSERT_TRUE(again.ok()) << again.error().message;
  auto copy = open_or_die(file("restored/noodbel.db"));
  const auto expected = contents(*live_);
  ASSERT_EQ(expected.size(), 9u);  // 2 families, 3 calls, 4 messages to F1
  EXPECT_EQ(contents(*copy), expected);
}

TEST_F(BackupTest, BackupSeesCommittedWritesOfTheRunningStore) {
  ASSERT_TRUE(live_->transaction([](Repository& repo) -> Status {
                     repo.upsert_family(testing_support::ops_family("F3", "+32470000003"));
                     return Ok();
                   }).ok());
  ASSERT_TRUE(backup_database(path_.db(), file("b.db")).ok());
  auto copy = open_or_die(file("b.db"));
  bool found = false;
  ASSERT_TRUE(copy->transaction([&](Repository& repo) -> Status {
                    found = repo.family("F3").has_value();
                    return Ok();
                  }).ok());
  EXPECT_TRUE(found);
}

TEST_F(BackupTest, BackupReplacesAnOlderBackupAtomicallyAndLeavesNoTemporaryFile) {
  { std::ofstream(file("b.db")) << "old backup"; }
  ASSERT_TRUE(backup_database(path_.db(), file("b.db")).ok());
  EXPECT_TRUE(verify_backup(file("b.db")).ok());
  for (const auto& entry : fs::directory_iterator(path_.folder())) {
    EXPECT_EQ(entry.path().filename().string().find(".tmp-"), std::string::npos)
        << entry.path();
  }
}

// The permission bits of `path`.
unsigned mode_of(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) throw std::runtime_error("cannot stat " + path);
  return st.st_mode & 0777U;
}

// Sets the process umask for its lifetime.
class UmaskScope {
 public:
  explicit UmaskScope(mode_t mask) : old_(::umask(mask)) {}
  ~UmaskScope() { ::umask(old_); }
  UmaskScope(const UmaskScope&) = delete;
  UmaskScope& operator=(const UmaskScope&) = delete;

 private:
  mode_t old_;
};

TEST_F(BackupTest, ABackupIsReadableByItsOwnerOnlyWhateverTheUmask) {
  for (const mode_t mask : {mode_t{022}, mode_t{0}}) {
    const UmaskScope scope(mask);
    const std::string target = file(mask == 0 ? "open-umask.db" : "usual-umask.db");
    ASSERT_TRUE(backup_database(path_.db(), target).ok());
    EXPECT_EQ(mode_of(target), 0600U) << "umask " << mask;
  }
}

TEST_F(BackupTest, ABackupOverAnOldReadableFileIsPrivateToo) {
  const UmaskScope scope(022);
  { std::ofstream(file("b.db")) << "old backup"; }
  // An empty temporary file left by an earlier run with this process id, readable by all.
  const std::string stale = file("b.db") + ".tmp-" + std::to_string(::getpid());
  { std::ofstream{stale}; }
  ASSERT_EQ(mode_of(stale), 0644U);
  ASSERT_TRUE(backup_database(path_.db(), file("b.db")).ok());
  EXPECT_EQ(mode_of(file("b.db")), 0600U);
}

TEST_F(BackupTest, BackupOfAFileThatIsNotANoodbelDatabaseIsRefusedAndTheTargetKept) {
  { std::ofstream(file("b.db")) << "previous"; }
  { std::ofstream(file("other.db")) << "not sqlite at all, just text that is long enough"; }
  const auto r = backup_database(file("other.db"), file("b.db"));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("other.db"), std::string::npos) << r.error().message;
  EXPECT_EQ(file_bytes(file("b.db")), "previous");
}

TEST_F(BackupTest, BackupIntoAMissingFolderOrOntoTheDatabaseItselfIsRefused) {
  const auto missing = backup_database(path_.db(), file("nope/b.db"));
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("does not exist; create it first"), std::string::npos);
  const auto self = backup_database(path_.db(), path_.db());
  ASSERT_FALSE(self.ok());
  EXPECT_NE(self.error().message.find("the database itself"), std::string::npos);
  const auto folder = backup_database(path_.db(), path_.folder().string());
  ASSERT_FALSE(folder.ok());
  EXPECT_NE(folder.error().message.find("is a folder"), std::string::npos);
}

TEST_F(BackupTest, ACorruptBackupIsRefusedWithAClearMessageAndNothingChanges) {
  ASSERT_TRUE(backup_database(path_.db(), file("b.db")).ok());
  // Damage the pages after the header: a truncated, scribbled copy.
  std::string bytes = file_bytes(file("b.db"));
  for (std::size_t i = 4096; i < bytes.size(); i += 7) bytes[i] = '\x5a';
  { std::ofstream(file("bad.db"), std::ios::binary) << bytes; }
  { std::ofstream(file("text.db")) << "hello"; }
  fs::create_directories(file("target"));
  ASSERT_TRUE(restore_database(file("b.db"), file("target/noodbel.db")).ok());
  const std::string target_before = file_bytes(file("target/noodbel.db"));

  for (const char* bad : {"bad.db", "text.db", "missing.db"}) {
    const auto r = restore_database(file(bad), file("target/noodbel.db"));
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_NE(r.error().message.find(bad), std::string::npos) << r.error().message;
  }
  EXPECT_EQ(file_bytes(file("target/noodbel.db")), target_before);
  EXPECT_FALSE(verify_backup(file("bad.db")).ok());
}

TEST_F(BackupTest, RestoreIsRefusedWhileTheDatabaseIsOpenElsewhere) {
  ASSERT_TRUE(backup_database(path_.db(), file("b.db")).ok());
  ASSERT_TRUE(live_->transaction([](Repository& repo) -> Status {
                     repo.upsert_family(testing_support::ops_family("F3", "+32470000003"));
                     return Ok();
                   }).ok());
  const auto r = restore_database(file("b.db"), path_.db());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::kConflict);
  EXPECT_NE(r.error().message.find("stop the service"), std::string::npos);
  bool still_there = false;
  ASSERT_TRUE(live_->transaction([&](Repository& repo) -> Status {
                     still_there = repo.family("F3").has_value();
                     return Ok();
                   }).ok());
  EXPECT_TRUE(still_there);
}

TEST_F(BackupTest, RestoreOverAnExistingStoppedDatabaseReplacesItsData) {
  ASSERT_TRUE(backup_database(path_.db(), file("b.db")).ok());
  ASSERT_TRUE(live_->transaction([](Repository& repo) -> Status {
                     repo.upsert_family(testing_support::ops_family("F3", "+32470000003"));
                     return Ok();
                   }).ok());
  const auto expected_without_f3 = [&] {
    auto copy = open_or_die(file("b.db"));
    return contents(*copy);
  }();
  live_.reset();  // the service stops
  const auto r = restore_database(file("b.db"), path_.db());
  ASSERT_TRUE(r.ok()) << r.error().message;
  auto reopened = open_or_die(path_.db());
  EXPECT_EQ(contents(*reopened), expected_without_f3);
}

}  // namespace
}  // namespace noodbel::store
