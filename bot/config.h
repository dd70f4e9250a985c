// Config: every setting of a running Noodbel, as plain values with safe defaults.
// Loaded from TOML by adapters/config/load_config.h; the core only reads it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "bot/types.h"

namespace noodbel {

struct ServiceConfig {
  std::string id;    // "oost-vlaanderen"
  std::string name;  // "Pleegzorg Oost-Vlaanderen"
};

struct HttpConfig {
  std::string address = "127.0.0.1";
  int port = 8080;
  std::size_t body_limit_bytes = 64 * 1024;
  int read_timeout_seconds = 10;
  int max_connections = 512;
};

struct CallsConfig {
  int wave_size = 10;                 // families per wave
  int wave_interval_minutes = 15;     // between waves
  int stop_after_yes = 3;             // stop widening after this many yes-answers
  int expiry_hours = 24;
  int code_reuse_days = 7;            // a code is not reused within this many days of closing
};

struct SandboxConfig {
  bool enabled = false;
};

struct LogConfig {
  std::string level = "info";  // trace, debug, info, warn, error
};

struct Config {
  std::string source;  // the file it came from, or "(built-in defaults)"
  std::string db_path = "var/noodbel.db";
  std::string data_dir;  // holds templates/ and config/be-postcodes.csv; default: build's
  Language default_language = Language::kNl;
  std::vector<ServiceConfig> services;  // default: the five provincial services
  HttpConfig http;
  CallsConfig calls;
  SandboxConfig sandbox;
  LogConfig log;

  std::string templates_dir() const { return data_dir + "/templates"; }
  std::string postcodes_path() const { return data_dir + "/config/be-postcodes.csv"; }
};

// The five provincial pleegzorg services.
std::vector<ServiceConfig> default_services();

}  // namespace noodbel
