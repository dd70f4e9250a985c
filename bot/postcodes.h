// Postcodes: Belgian postcodes and places with coordinates (config/be-postcodes.csv,
// GeoNames CC BY 4.0), and great-circle distance. Immutable after load: thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
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

class Postcodes {
 public:
  // Reads the CSV (header: postcode,place,province,region,lat,lon,match).
  static Result<Postcodes> load(const std::string& csv_path);
  static Postcodes from_places(std::vector<Place> places);  // for tests

  // The first place listed for this postcode, or nothing.
  std::optional<Place> by_postcode(std::string_view postcode) const;
  // A place by name, case- and accent-insensitive ("gent", "Sint-Niklaas", "brussel").
  std::optional<Place> by_name(std::string_view name) const;
  // A postcode or a place name; the error names what was not found.
  Result<Place> resolve(std::string_view postcode_or_name) const;
  // Every place (one row per postcode-place pair), in file order.
  const std::vector<Place>& places() const { return places_; }

 private:
  std::vector<Place> places_;
};

// Great-circle (haversine) distance in kilometres.
double distance_km(GeoPoint a, GeoPoint b);

}  // namespace noodbel
