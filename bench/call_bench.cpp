// bench-links: noodbel_adapters
// Opening a crisis call for 5,000 registered families through the real Engine and the real
// SQLite store on a temporary file: parsing, the anonymization guard, targeting (eligibility
// and nearest-first order), rendering the offers and committing every outbox and recipient
// row in one transaction. Budget (DESIGN.md section 5): at most 100 ms.
#include <benchmark/benchmark.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <random>
#include <stdexcept>
#include <string>

#include "adapters/crypto/openssl_hasher.h"
#include "adapters/crypto/openssl_random.h"
#include "adapters/data/guard_loader.h"
#include "adapters/data/postcodes_loader.h"
#include "adapters/data/reply_lexicon_loader.h"
#include "adapters/data/templates_loader.h"
#include "bot/engine.h"
#include "bot/guard/anonymization_guard.h"
#include "store/store.h"
#include "support/paths/source_paths.h"

namespace noodbel {
namespace {

constexpr int kFamilies = 5000;
constexpr UnixTime kMonday10h = 1763974800;  // 2025-11-24 10:00 Europe/Brussels
constexpr GeoPoint kGent{51.05, 3.71667};

template <typename T>
T must(Result<T> r) {
  if (!r) throw std::runtime_error(r.error().message);
  return std::move(r).value();
}

// 5,000 families within about 40 km of Gent, all willing to travel 60 km, some with
// evening-and-weekend availability, some French-speaking.
Family make_family(int i, std::mt19937& rng) {
  std::uniform_real_distribution<double> offset(-0.3, 0.3);
  Family f;
  f.id = "F" + std::to_string(10000 + i);
  f.service = "oost-vlaanderen";
  f.display_name = "Gezin " + f.id;
  f.contacts = {{Channel::kSms, "+3247" + std::to_string(1000000 + i)}};
  f.postcode = "9000";
  f.home = {kGent.lat + offset(rng), kGent.lon + offset(rng)};
  f.max_distance_km = 60;
  f.max_children = 1 + i % 3;
  f.languages = {i % 4 == 0 ? Language::kFr : Language::kNl};
  f.preferred_language = f.languages.front();
  if (i % 5 == 0) f.availability = {{0, 0, 1440}, {5, 0, 1440}, {6, 0, 1440}};
  return f;
}

class Fixture {
 public:
  Fixture()
      : dir_(std::filesystem::temp_directory_path() /
             ("noodbel-call-bench-" + std::to_string(::getpid()))),
        postcodes_(
            must(load_postcodes(noodbel::testing::source_dir() + "/config/be-postcodes.csv"))),
        templates_(must(load_templates(noodbel::testing::source_dir() + "/templates"))),
        guard_(must(load_guard(guard_files(noodbel::testing::source_dir()), postcodes_))),
        reply_parser_(must(load_reply_parser(noodbel::testing::source_dir()))),
        clock_(kMonday10h) {
    std::filesystem::remove_all(dir_);
    store_ = must(store::Store::open((dir_ / "noodbel.db").string(), clock_));
    config_.services = default_services();
    engine_ =
        std::make_unique<Engine>(config_, postcodes_, templates_,
                                 EnginePorts{clock_, random_, hasher_}, guard_, reply_parser_);
    std::mt19937 rng(42);
    check(store_->transaction([&](Repository& repo) -> Status {
      repo.upsert_caseworker({"C001", "oost-vlaanderen", "An", {{Channel::kTelegram, "1001"}},
                              Role::kCaseworker, Language::kNl});
      for (int i = 0; i < kFamilies; ++i) repo.upsert_family(make_family(i, rng));
      return Ok();
    }));
  }
  ~Fixture() {
    store_.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

  // Opens one call in its own transaction; returns the families it reached.
  std::size_t open(const std::string& text) {
    std::size_t reached = 0;
    check(store_->transaction([&](Repository& repo) -> Status {
      engine_->handle({Channel::kTelegram, "1001", "m" + std::to_string(++sequence_), text,
                       clock_.now(), std::nullopt},
                      repo);
      const std::vector<Call> open = repo.open_calls();
      if (!open.empty()) reached = repo.recipients(open.back().id).size();
      return Ok();
    }));
    return reached;
  }

  // Closes every open call (untimed) and moves a week on, to the same Monday 10:00, so
  // codes and open calls do not pile up and availability stays the same.
  void close_all() {
    clock_.advance(7 * 86400);
    check(store_->transaction([&](Repository& repo) -> Status {
      for (Call call : repo.open_calls()) {
        call.state = CallState::kClosed;
        call.closed_at = clock_.now();
        call.closed_by = "C001";
        repo.update_call(call);
      }
      return Ok();
    }));
  }

 private:
  static void check(const Status& s) {
    if (!s) throw std::runtime_error(s.error().message);
  }

  std::filesystem::path dir_;
  CoreConfig config_;
  Postcodes postcodes_;
  Templates templates_;
  AnonymizationGuard guard_;
  ReplyParser reply_parser_;
  ManualClock clock_;
  OpenSslRandom random_;
  OpenSslHasher hasher_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Engine> engine_;
  int sequence_ = 0;
};

Fixture& fixture() {
  static Fixture f;
  return f;
}

// `urgent`: every eligible family gets the call at once (5,000 outbox and recipient rows).
void BM_OpenUrgentCallFor5000Families(benchmark::State& state) {
  Fixture& f = fixture();
  std::size_t reached = 0;
  for (auto _ : state) {
    reached = f.open("/crisis leeftijd=4 postcode=9000 taal=nl duur=3d urgent "
                     "Rustig meisje, heeft een knuffel mee");
    state.PauseTiming();
    f.close_all();
    state.ResumeTiming();
  }
  if (reached != kFamilies) state.SkipWithError("not every family was reached");
  state.counters["families_reached"] = static_cast<double>(reached);
}
BENCHMARK(BM_OpenUrgentCallFor5000Families)->Unit(benchmark::kMillisecond)->Iterations(30);

// A normal call: all 5,000 families are targeted and ordered, the first wave (10) is sent.
void BM_OpenFirstWaveAmong5000Families(benchmark::State& state) {
  Fixture& f = fixture();
  std::size_t reached = 0;
  for (auto _ : state) {
    reached = f.open("/crisis leeftijd=4 postcode=9000 taal=nl duur=3d Rustig meisje");
    state.PauseTiming();
    f.close_all();
    state.ResumeTiming();
  }
  if (reached != 10) state.SkipWithError("the first wave did not reach 10 families");
  state.counters["families_reached"] = static_cast<double>(reached);
}
BENCHMARK(BM_OpenFirstWaveAmong5000Families)->Unit(benchmark::kMillisecond)->Iterations(30);

}  // namespace
}  // namespace noodbel
