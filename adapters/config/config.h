// Config: every setting of a running Noodbel, as plain values with safe defaults: the
// core's CoreConfig plus each adapter's settings. Built by load_config.h; read-only after.
#pragma once

#include <string>

#include "adapters/dispatch/dispatch_config.h"
#include "adapters/http/http_config.h"
#include "adapters/http/readiness_config.h"
#include "adapters/kannel/kannel_config.h"
#include "adapters/signal/signal_config.h"
#include "adapters/slash/slash_config.h"
#include "adapters/sms/sms_config.h"
#include "adapters/telegram/telegram_config.h"
#include "adapters/twilio/twilio_config.h"
#include "adapters/web/digest_config.h"
#include "adapters/web/web_config.h"
#include "bot/config.h"

namespace noodbel {

// The scheduler of `noodbel serve`: waves, expiry, notices to caseworkers, the digest and
// retention run every `tick_seconds`.
struct SchedulerConfig {
  int tick_seconds = 30;
};

// The log of `noodbel serve` and the command line (adapters/app/logging.h).
struct LogConfig {
  std::string level = "info";  // trace, debug, info, warn, error
};

// Data retention (store/retention.h): notes and message texts of calls closed more than
// `days` ago, and any outbox text older than that, are erased; counts are kept.
struct RetentionConfig {
  int days = 30;
};

// Every setting of a running Noodbel: the core's, each adapter's (declared next to the
// adapter), and those of `noodbel serve` itself.
struct Config {
  std::string source;  // the file it came from, or "(built-in defaults)"
  std::string db_path = "var/noodbel.db";
  // [database] synchronous: "full" (true, the default: a commit is on disk before it is
  // acknowledged) or "normal" (survives a killed process, not a power loss).
  bool db_synchronous_full = true;
  ReadinessConfig readiness;  // [database]: when GET /readyz says not ready
  std::string data_dir;  // holds templates/ and config/be-postcodes.csv; default: build's
  CoreConfig core;       // what bot/ reads
  HttpConfig http;
  SlashConfig slash;
  LogConfig log;
  SchedulerConfig scheduler;
  TelegramConfig telegram;
  DigestConfig digest;
  TwilioConfig twilio;
  KannelConfig kannel;
  SmsConfig sms;
  WebConfig web;
  RetentionConfig retention;
  SignalConfig signal;
  DispatchConfig dispatch;

  std::string templates_dir() const { return data_dir + "/templates"; }
  std::string postcodes_path() const { return data_dir + "/config/be-postcodes.csv"; }
};

}  // namespace noodbel
