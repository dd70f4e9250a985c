// PowerLossVfs: a SQLite VFS for tests that simulates a power cut (not a process crash) under
// an unchanged store::Store. Test-only; one thread at a time (Store serialises its connection).
//
// While an object lives it is SQLite's default VFS (sqlite3_vfs_register(vfs, 1)), so
// Store::open uses it without knowing; it wraps the VFS that was the default before, and every
// connection through it must be closed before it is destroyed.
//
// Model (as SQLite's own crash VFS, src/test6.c, but passing writes through to the real file
// and keeping a copy of what was synced instead of buffering what was not):
// - Every named file it opens or deletes is tracked by path. What a power cut leaves of it is
//   its content as of its last xSync; a file that existed before the VFS first saw it counts as
//   synced as it was then.
// - Writes (xWrite, xTruncate, and SQLITE_FCNTL_SIZE_HINT growth) reach the real file at
//   once, as into the page cache; only xSync makes them survive a cut. The VFS copies the
//   file then and does not call the real fsync, which would only make tests slow. An xSync
//   also makes the file's name durable, as ext4 and xfs do, and as the unix VFS makes sure
//   for a WAL or journal by syncing the directory after its first sync. A file never synced
//   since it was created is gone after a cut.
// - xDelete with syncDir makes the deletion durable (the unix VFS syncs the directory): the
//   file stays gone, and so does every other deleted file of that directory. Without syncDir
//   (SQLite deletes the WAL on close that way) a cut brings the file back with its last synced
//   content, unless its name was synced again since.
// A real cut may keep any part of the unsynced writes; this VFS keeps none of them, the case
// that loses the most. The -shm file (memory the unix VFS maps) is not tracked: SQLite rebuilds
// it from the WAL when it opens a database nobody else has open.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace noodbel::testing_support {

class PowerLossVfs {
 public:
  PowerLossVfs();   // wraps the default VFS and becomes the default
  ~PowerLossVfs();  // the VFS that was the default before is the default again
  PowerLossVfs(const PowerLossVfs&) = delete;
  PowerLossVfs& operator=(const PowerLossVfs&) = delete;

  // The power goes now: every tracked file is put back to what survives a cut (see above),
  // and from now on every open, read, write, truncate, sync, delete and access check fails
  // with an I/O error, until restore_power(). Closing connections still works.
  void cut_power();
  // Cuts the power instead of the n-th (1 = the next) sync from now: an xSync of a tracked
  // file or an xDelete with syncDir. That sync does not happen; it fails like everything
  // after it. As a cut keeps no unsynced write, the syncs are the only points where the moment
  // of the cut changes what survives: cutting at each of them covers every outcome.
  void cut_power_at_sync(int n);
  // I/O works again, on the files as the cut left them; a cut armed before is disarmed.
  void restore_power();
  bool power_is_on() const { return power_on_; }

  // Syncs (see cut_power_at_sync) so far of tracked files whose path ends with `suffix`.
  int syncs(std::string_view suffix = "") const;
  // Bytes written since their file's last xSync: what a cut now would throw away.
  std::int64_t unsynced_bytes() const;

 private:
  struct Tracked {
    std::optional<std::string> synced;  // what a cut leaves; nullopt: no such file
    std::int64_t unsynced_bytes = 0;
    int syncs = 0;
  };
  struct File;  // the sqlite3_file of this VFS (power_loss_vfs.cpp)
  friend struct Methods;

  // The key of `path` in files_, which it enters (as it is on disk now) if it is new.
  const std::string& track(const std::string& path);
  // Whether a change (write, truncate, sync, delete) of `path` (nullptr: a temporary file)
  // may happen: not when the power is off, nor when it is the sync an armed cut waits for
  // (the power goes now). `sync`: the change is an xSync, or an xDelete with syncDir.
  bool allow_change(const std::string* path, bool sync);
  void synced(const std::string& path, sqlite3_file* real);
  void deleted(const std::string& path, bool sync_dir);

  sqlite3_vfs* real_;
  sqlite3_vfs vfs_{};
  std::map<std::string, Tracked> files_;
  bool power_on_ = true;
  int cut_countdown_ = 0;  // syncs until the cut; 0: no cut armed
};

}  // namespace noodbel::testing_support
