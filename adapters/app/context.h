// AppContext: what every command needs once the configuration is known: the postcode
// table, the templates, the anonymization guard, the reply parser, the opened (migrated)
// store and the core's
// ports (clock, randomness, SHA-256). Built by
// load_context; owned by the command that runs; not copyable or movable (the Engine keeps
// references into it).
#pragma once

#include <memory>

#include "adapters/config/config.h"
#include "adapters/crypto/openssl_hasher.h"
#include "adapters/crypto/openssl_random.h"
#include "bot/clock.h"
#include "bot/guard/anonymization_guard.h"
#include "bot/postcodes.h"
#include "bot/reply/parser.h"
#include "bot/result.h"
#include "bot/templates.h"
#include "store/store.h"

namespace noodbel {

struct AppContext {
  Config config;
  Postcodes postcodes;
  Templates templates;
  AnonymizationGuard guard;
  ReplyParser reply_parser;
  std::unique_ptr<store::Store> store;
  SystemClock clock;
  OpenSslRandom random;
  OpenSslHasher hasher;

  AppContext(Config c, Postcodes p, Templates t, AnonymizationGuard g, ReplyParser r,
             std::unique_ptr<store::Store> s)
      : config(std::move(c)),
        postcodes(std::move(p)),
        templates(std::move(t)),
        guard(std::move(g)),
        reply_parser(std::move(r)),
        store(std::move(s)) {}
  AppContext(const AppContext&) = delete;
  AppContext& operator=(const AppContext&) = delete;
};

// The store's connection settings from config ([database] synchronous).
store::StoreOptions store_options(const Config& config);

// Loads postcodes, templates, the guard's lists (config/first-names.txt, config/guard/), the reply
// parser's lexicon (config/lexicon/) from config.data_dir and opens config.db_path.
Result<std::unique_ptr<AppContext>> load_context(const Config& config);

}  // namespace noodbel
