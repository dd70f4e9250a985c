// Postcodes: Belgian postcodes and places with coordinates (config/be-postcodes.csv and
// be-postcodes-extra.csv, GeoNames CC BY 4.0), the municipalities they belong to since the
// 2019 and 2025 mergers (config/municipalities.csv), a name look-up that knows Dutch,
// French and English names, asks back when a name means places far apart and suggests
// close names for a typo, and great-circle distance. Immutable after construction:
// thread-safe. The files are read by adapters/data/postcodes_loader.h; parsing them is in
// postcodes_load.cpp, the look-ups in postcodes.cpp.
#pragma once

#include <cstddef>
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "bot/result.h"
#include "bot/types.h"

namespace noodbel {

struct Place {
  std::string postcode;  // "9000"
  std::string name;      // "Gent"; Brussels places as "Bruxelles/Brussel"
  std::string province;  // in Dutch; "Brussel" for the Brussels region
  std::string region;    // VLG, BRU or WAL
  GeoPoint point;
};

// A municipality as it is since the mergers (config/municipalities.csv).
struct Municipality {
  std::string name;                      // "Pelt", "Beveren-Kruibeke-Zwijndrecht"
  std::string province;                  // its current province, in Dutch
  std::string region;                    // VLG, BRU or WAL
  std::vector<std::string> names;        // other names: "Gand", "Ghent"
  std::vector<std::string> merged_from;  // former municipalities since 2019, largest first
  std::string merged_on;                 // "2025-01-01", or "" when not merged since 2019
  std::size_t centre = 0;                // index in Postcodes::places(): where it resolves to
  std::vector<std::size_t> places;       // indexes in Postcodes::places()
  std::vector<std::string> postcodes;    // of its places, ascending, each once
};

// One place a name may mean.
struct PlaceMatch {
  // For a municipality: its centre, named after the municipality ("Pelt", "Halle").
  Place place;
  std::string municipality;  // the municipality the place lies in; "" when not known
  bool is_municipality = false;
};

enum class PlaceLookupStatus {
  kFound,      // matches holds the one place
  kAmbiguous,  // matches holds every place the name may mean (2 or more), municipalities first
  kUnknown,    // matches holds up to 3 suggestions, closest first (maybe none)
  kEmpty,      // nothing was given
};

struct PlaceLookup {
  PlaceLookupStatus status = PlaceLookupStatus::kEmpty;
  std::string query;  // as given, trimmed
  std::vector<PlaceMatch> matches;
  bool is_postcode = false;  // the query was a postcode alone ("9000")
};

class Postcodes {
 public:
  // From the texts of the postcode CSV (header: postcode,place,province,region,lat,lon,
  // match), be-postcodes-extra.csv (same header) and municipalities.csv; `source` names the
  // first in errors. Extra places and municipalities may be "".
  static Result<Postcodes> parse(std::string_view postcodes_csv, std::string_view extra_csv,
                                 std::string_view municipalities_csv, std::string_view source);
  static Postcodes from_places(std::vector<Place> places);  // for tests: no municipalities
  static Result<Postcodes> from_places(std::vector<Place> places,
                                       std::string_view municipalities_csv);  // for tests

  // The main place of this postcode: a municipality's centre (named after the
  // municipality), else a former municipality's main place, else the first listed.
  std::optional<Place> by_postcode(std::string_view postcode) const;
  // A place by name, case-, accent- and hyphen-insensitive ("gent", "Sint Niklaas",
  // "Gand"); the first when the name means several.
  std::optional<Place> by_name(std::string_view name) const;
  // What a postcode ("9000"), a name ("Aalst", "st-niklaas", "Ghent") or both ("9120
  // Beveren", "Beveren (9120)") means; see PlaceLookupStatus.
  PlaceLookup lookup(std::string_view postcode_or_name) const;
  // A postcode or a place name; the (English) error names what was not found, the
  // candidates of an ambiguous name or the closest names.
  Result<Place> resolve(std::string_view postcode_or_name) const;

  // Every place (one row per postcode-place pair), in file order, extra places last.
  const std::vector<Place>& places() const { return places_; }
  const std::vector<Municipality>& municipalities() const { return municipalities_; }
  // The municipality of places()[index], or null when the files do not say.
  const Municipality* municipality_of(std::size_t place_index) const;
  // The municipality with this name or other name, or null.
  const Municipality* municipality(std::string_view name) const;

 private:
  static constexpr std::size_t kNoMunicipality = static_cast<std::size_t>(-1);
  struct Entry {
    std::size_t index = 0;  // a place, or a municipality when `municipality` is set
    bool municipality = false;
  };

  Status add_municipalities(std::string_view csv, std::string_view source);
  void build_index();
  void add_key(const std::string& key, Entry entry);
  std::vector<Entry> exact(std::string_view folded) const;
  PlaceMatch match_of(Entry e, std::string_view folded_query) const;
  PlaceMatch place_match(std::size_t place_index) const;
  PlaceMatch municipality_match(std::size_t municipality_index) const;
  PlaceLookup by_name_lookup(std::string query) const;
  PlaceLookup by_postcode_and_name(std::string query, std::string_view postcode,
                                   std::string_view name) const;
  std::vector<PlaceMatch> suggestions(std::string_view folded_query) const;

  std::vector<Place> places_;
  std::vector<Municipality> municipalities_;
  std::vector<std::size_t> municipality_of_;             // per place; npos when unknown
  std::vector<std::pair<std::string, std::size_t>> aliases_;  // place aliases: name -> place
  std::unordered_map<std::string, std::vector<Entry>> index_;    // folded name -> entries
  std::unordered_map<std::string, std::vector<Entry>> squashed_;  // ... without spaces
  // Every key of index_ with what "did you mean" needs to rule most of them out cheaply.
  struct SuggestionKey {
    std::string key;
    std::string squashed;
    std::array<std::uint8_t, 26> letters{};  // how often each of a..z occurs (capped at 255)
  };
  std::vector<SuggestionKey> suggestion_keys_;
  std::map<std::string, std::size_t, std::less<>> main_place_;   // postcode -> place index
};

// Great-circle (haversine) distance in kilometres.
double distance_km(GeoPoint a, GeoPoint b);

}  // namespace noodbel
