#include "support/store/power_loss_vfs.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>
#include <utility>

namespace noodbel::testing_support {

// The sqlite3_file SQLite allocates for this VFS (szOsFile bytes): ours, then the real one.
struct PowerLossVfs::File {
  sqlite3_file base;  // first, so a sqlite3_file* is a File*
  PowerLossVfs* owner;
  const std::string* path;  // key in files_; nullptr for a temporary file (not tracked)
  sqlite3_file* real() { return reinterpret_cast<sqlite3_file*>(this + 1); }
};

namespace {

std::optional<std::string> read_from_disk(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void put_on_disk(const std::string& path, const std::optional<std::string>& content) {
  if (!content) {
    std::error_code ec;
    std::filesystem::remove(path, ec);
    return;
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(content->data(), static_cast<std::streamsize>(content->size()));
}

// The whole file, read through the real handle; nullopt when that fails.
std::optional<std::string> read_through(sqlite3_file* real) {
  sqlite3_int64 size = 0;
  if (real->pMethods->xFileSize(real, &size) != SQLITE_OK) return std::nullopt;
  std::string content(static_cast<std::size_t>(size), '\0');
  if (size > 0 &&
      real->pMethods->xRead(real, content.data(), static_cast<int>(size), 0) != SQLITE_OK) {
    return std::nullopt;
  }
  return content;
}

}  // namespace

// SQLite's C entry points: each forwards to the real VFS or file, after asking the owner.
struct Methods {
  using File = PowerLossVfs::File;
  static PowerLossVfs& owner(sqlite3_vfs* vfs) {
    return *static_cast<PowerLossVfs*>(vfs->pAppData);
  }
  static File& file(sqlite3_file* f) { return *reinterpret_cast<File*>(f); }
  static sqlite3_file* real(sqlite3_file* f) { return file(f).real(); }
  static const sqlite3_io_methods& io(sqlite3_file* f) { return *real(f)->pMethods; }
  static bool on(sqlite3_file* f) { return file(f).owner->power_on_; }
  static bool change(sqlite3_file* f, bool sync = false) {
    return file(f).owner->allow_change(file(f).path, sync);
  }

  static int close(sqlite3_file* f) { return io(f).xClose(real(f)); }
  static int read(sqlite3_file* f, void* out, int n, sqlite3_int64 at) {
    return on(f) ? io(f).xRead(real(f), out, n, at) : SQLITE_IOERR_READ;
  }
  static int write(sqlite3_file* f, const void* data, int n, sqlite3_int64 at) {
    if (!change(f)) return SQLITE_IOERR_WRITE;
    const int rc = io(f).xWrite(real(f), data, n, at);
    if (rc == SQLITE_OK && file(f).path != nullptr) {
      file(f).owner->files_[*file(f).path].unsynced_bytes += n;
    }
    return rc;
  }
  static int truncate(sqlite3_file* f, sqlite3_int64 size) {
    return change(f) ? io(f).xTruncate(real(f), size) : SQLITE_IOERR_TRUNCATE;
  }
  static int sync(sqlite3_file* f, int flags) {
    // Not passed on: what survives a cut is the copy taken here, and a real fsync would
    // only make the tests slow.
    (void)flags;
    if (!change(f, true)) return SQLITE_IOERR_FSYNC;
    if (file(f).path != nullptr) file(f).owner->synced(*file(f).path, real(f));
    return SQLITE_OK;
  }
  static int file_size(sqlite3_file* f, sqlite3_int64* size) {
    return on(f) ? io(f).xFileSize(real(f), size) : SQLITE_IOERR_FSTAT;
  }
  static int lock(sqlite3_file* f, int level) { return io(f).xLock(real(f), level); }
  static int unlock(sqlite3_file* f, int level) { return io(f).xUnlock(real(f), level); }
  static int reserved(sqlite3_file* f, int* out) { return io(f).xCheckReservedLock(real(f), out); }
  static int control(sqlite3_file* f, int op, void* arg) {
    // SIZE_HINT grows the file; the growth is synced (or not) like a write.
    if (op == SQLITE_FCNTL_SIZE_HINT && !on(f)) return SQLITE_IOERR_WRITE;
    return io(f).xFileControl(real(f), op, arg);
  }
  static int sector_size(sqlite3_file* f) { return io(f).xSectorSize(real(f)); }
  static int device(sqlite3_file* f) { return io(f).xDeviceCharacteristics(real(f)); }
  static int shm_map(sqlite3_file* f, int page, int size, int extend, void volatile** out) {
    return io(f).xShmMap(real(f), page, size, extend, out);
  }
  static int shm_lock(sqlite3_file* f, int offset, int n, int flags) {
    return io(f).xShmLock(real(f), offset, n, flags);
  }
  static void shm_barrier(sqlite3_file* f) { io(f).xShmBarrier(real(f)); }
  static int shm_unmap(sqlite3_file* f, int delete_file) {
    return io(f).xShmUnmap(real(f), delete_file);
  }

  // Version 2: shared memory for the WAL index, no memory-mapped reads or writes (those
  // would bypass xWrite).
  static constexpr sqlite3_io_methods kIo = {.iVersion = 2,
                                             .xClose = &close,
                                             .xRead = &read,
                                             .xWrite = &write,
                                             .xTruncate = &truncate,
                                             .xSync = &sync,
                                             .xFileSize = &file_size,
                                             .xLock = &lock,
                                             .xUnlock = &unlock,
                                             .xCheckReservedLock = &reserved,
                                             .xFileControl = &control,
                                             .xSectorSize = &sector_size,
                                             .xDeviceCharacteristics = &device,
                                             .xShmMap = &shm_map,
                                             .xShmLock = &shm_lock,
                                             .xShmBarrier = &shm_barrier,
                                             .xShmUnmap = &shm_unmap,
                                             .xFetch = nullptr,
                                             .xUnfetch = nullptr};

  static int open(sqlite3_vfs* vfs, const char* name, sqlite3_file* f, int flags, int* out_flags) {
    PowerLossVfs& self = owner(vfs);
    File& ours = file(f);
    ours.base.pMethods = nullptr;
    if (!self.power_on_) return SQLITE_CANTOPEN;
    ours.owner = &self;
    ours.path = name != nullptr ? &self.track(name) : nullptr;
    sqlite3_file* const inner = ours.real();
    const int rc = self.real_->xOpen(self.real_, name, inner, flags, out_flags);
    if (rc != SQLITE_OK) {
      if (inner->pMethods != nullptr) inner->pMethods->xClose(inner);
      return rc;
    }
    ours.base.pMethods = &kIo;
    return SQLITE_OK;
  }
  static int remove(sqlite3_vfs* vfs, const char* name, int sync_dir) {
    PowerLossVfs& self = owner(vfs);
    const std::string& path = self.track(name);
    if (!self.allow_change(&path, sync_dir != 0)) return SQLITE_IOERR_DELETE;
    const int rc = self.real_->xDelete(self.real_, name, sync_dir);
    if (rc == SQLITE_OK) self.deleted(path, sync_dir != 0);
    return rc;
  }
  static int access(sqlite3_vfs* vfs, const char* name, int what, int* out) {
    PowerLossVfs& self = owner(vfs);
    if (!self.power_on_) return SQLITE_IOERR_ACCESS;
    return self.real_->xAccess(self.real_, name, what, out);
  }
};

PowerLossVfs::PowerLossVfs() : real_(sqlite3_vfs_find(nullptr)) {
  vfs_.iVersion = 2;
  vfs_.szOsFile = static_cast<int>(sizeof(File)) + real_->szOsFile;
  vfs_.mxPathname = real_->mxPathname;
  vfs_.zName = "noodbel-power-loss";
  vfs_.pAppData = this;
  vfs_.xOpen = &Methods::open;
  vfs_.xDelete = &Methods::remove;
  vfs_.xAccess = &Methods::access;
  // The rest touch no file: straight to the real VFS.
  vfs_.xFullPathname = [](sqlite3_vfs* v, const char* name, int n, char* out) {
    sqlite3_vfs* r = Methods::owner(v).real_;
    return r->xFullPathname(r, name, n, out);
  };
  vfs_.xDlOpen = [](sqlite3_vfs* v, const char* name) {
    sqlite3_vfs* r = Methods::owner(v).real_;
    return r->xDlOpen(r, name);
  };
  vfs_.xDlError = [](sqlite3_vfs* v, int n, char* out) {
    sqlite3_vfs* r = Methods::owner(v).real_;
    r->xDlError(r, n, out);
  };
  vfs_.xDlSym = [](sqlite3_vfs* v, void* handle, const char* symbol) {
    sqlite3_vfs* r = Methods::owner(v).real_;
    return r->xDlSym(r, handle, symbol);
  };
  vfs_.xDlClose = [](sqlite3_vfs* v, void* handle) {
    sqlite3_vfs* r = Methods::owner(v).real_;
    r->xDlClose(r, handle);
  };
  vfs_.xRandomness = [](sqlite3_vfs* v, int n, char* out) {
    sqlite3_vfs* r = Methods::owner(v).real_;
    return r->xRandomness(r, n, out);
  };
  vfs_.xSleep = [](sqlite3_vfs* v, int micros) {
    sqlite3_vfs* r = Methods::owner(v).real_;
    return r->xSleep(r, micros);
  };
  vfs_.xCurrentTime = [](sqlite3_vfs* v, double* out) {
    sqlite3_vfs* r = Methods::owner(v).real_;
    return r->xCurrentTime(r, out);
  };
  vfs_.xGetLastError = [](sqlite3_vfs* v, int n, char* out) {
    sqlite3_vfs* r = Methods::owner(v).real_;
    return r->xGetLastError(r, n, out);
  };
  vfs_.xCurrentTimeInt64 = [](sqlite3_vfs* v, sqlite3_int64* out) {
    sqlite3_vfs* r = Methods::owner(v).real_;
    return r->xCurrentTimeInt64(r, out);
  };
  sqlite3_vfs_register(&vfs_, 1);
}

PowerLossVfs::~PowerLossVfs() { sqlite3_vfs_unregister(&vfs_); }

void PowerLossVfs::cut_power() {
  power_on_ = false;
  cut_countdown_ = 0;
  for (auto& [path, file] : files_) {
    put_on_disk(path, file.synced);
    file.unsynced_bytes = 0;
  }
}

void PowerLossVfs::cut_power_at_sync(int n) { cut_countdown_ = n; }

void PowerLossVfs::restore_power() {
  power_on_ = true;
  cut_countdown_ = 0;
}

int PowerLossVfs::syncs(std::string_view suffix) const {
  int sum = 0;
  for (const auto& [path, file] : files_) {
    if (path.ends_with(suffix)) sum += file.syncs;
  }
  return sum;
}

std::int64_t PowerLossVfs::unsynced_bytes() const {
  std::int64_t sum = 0;
  for (const auto& [path, file] : files_) sum += file.unsynced_bytes;
  return sum;
}

const std::string& PowerLossVfs::track(const std::string& path) {
  auto [it, inserted] = files_.try_emplace(path);
  if (inserted) it->second.synced = read_from_disk(path);
  return it->first;
}

bool PowerLossVfs::allow_change(const std::string* path, bool sync) {
  if (!power_on_) return false;
  if (path == nullptr || !sync) return true;
  if (cut_countdown_ > 0 && --cut_countdown_ == 0) {
    cut_power();
    return false;
  }
  ++files_[*path].syncs;
  return true;
}

void PowerLossVfs::synced(const std::string& path, sqlite3_file* real) {
  Tracked& file = files_[path];
  // Should the read fail, the older synced content stays: a cut then loses more, and a test
  // that checks nothing was lost fails rather than passes by mistake.
  if (std::optional<std::string> content = read_through(real)) file.synced = std::move(content);
  file.unsynced_bytes = 0;
}

void PowerLossVfs::deleted(const std::string& path, bool sync_dir) {
  if (!sync_dir) return;
  const std::filesystem::path folder = std::filesystem::path(path).parent_path();
  for (auto& [other, file] : files_) {
    if (std::filesystem::path(other).parent_path() == folder && !std::filesystem::exists(other)) {
      file.synced = std::nullopt;
    }
  }
}

}  // namespace noodbel::testing_support
