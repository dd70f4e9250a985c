#include "adapters/cli/cmd_backup.h"

#include <iostream>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "adapters/cli/cmd_common.h"
#include "store/backup.h"

namespace noodbel::cli {

int cmd_backup(const CommonOptions& o, const std::string& target) {
  const auto config = config_or_report(o);
  if (!config) return kExitUsage;
  const auto info = store::backup_database(config->db_path, target);
  if (!info.ok()) {
    report(info.error());
    return kExitRefused;
  }
  spdlog::info("event=backup.written schema_version={} bytes={}", info->schema_version,
               info->bytes);
  std::cout << fmt::format("backup written to {} ({} bytes, schema version {}, checked)\n",
                           info->path, info->bytes, info->schema_version);
  return kExitOk;
}

int cmd_restore(const CommonOptions& o, const std::string& backup) {
  const auto config = config_or_report(o);
  if (!config) return kExitUsage;
  const auto info = store::restore_database(backup, config->db_path);
  if (!info.ok()) {
    report(info.error());
    return kExitRefused;
  }
  spdlog::info("event=backup.restored schema_version={}", info->schema_version);
  std::cout << fmt::format(
      "restored {} into {} (schema version {}); start the service again (it migrates if "
      "needed)\n",
      backup, info->path, info->schema_version);
  return kExitOk;
}

}  // namespace noodbel::cli
