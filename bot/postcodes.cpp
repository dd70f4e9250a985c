#include "bot/postcodes.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <set>
#include <tuple>
#include <utility>

#include "bot/edit_distance.h"
#include "bot/place_names.h"
#include "bot/text/ascii.h"

namespace noodbel {
namespace {

using place_names::abbreviation_variants;
using place_names::fold;
using place_names::is_postcode;
using place_names::name_matches;
using place_names::squash;

constexpr double kEarthRadiusKm = 6371.0088;
// Two places of one name further apart than this make the name ambiguous.
constexpr double kSamePlaceKm = 5.0;
constexpr std::size_t kMaxSuggestions = 3;
constexpr std::string_view kHowToName =
    "use a Belgian postcode such as 9000 or a municipality name such as Gent";

std::string describe(const PlaceMatch& m) {
  if (m.is_municipality || m.municipality.empty()) {
    return fmt::format("{} ({}, {})", m.place.name, m.place.postcode, m.place.province);
  }
  return fmt::format("{} ({}, part of {})", m.place.name, m.place.postcode, m.municipality);
}

std::string describe_all(const std::vector<PlaceMatch>& matches) {
  std::string out;
  for (const PlaceMatch& m : matches) out += (out.empty() ? "" : ", ") + describe(m);
  return out;
}

// "9120 Beveren", "Beveren 9120", "Beveren (9120)": the postcode and the rest.
std::optional<std::pair<std::string, std::string>> postcode_and_name(std::string_view query) {
  std::string postcode;
  std::string name;
  std::size_t pos = 0;
  while (pos < query.size()) {
    while (pos < query.size() && is_space(query[pos])) ++pos;
    std::size_t end = pos;
    while (end < query.size() && !is_space(query[end])) ++end;
    std::string_view word = query.substr(pos, end - pos);
    std::string_view bare = word;
    if (bare.starts_with('(') && bare.ends_with(')') && bare.size() > 2) {
      bare = bare.substr(1, bare.size() - 2);
    }
    if (is_postcode(bare) && postcode.empty()) {
      postcode = std::string(bare);
    } else if (!word.empty()) {
      name += (name.empty() ? "" : " ") + std::string(word);
    }
    pos = end;
  }
  if (postcode.empty() || name.empty()) return std::nullopt;
  return std::pair{postcode, name};
}

}  // namespace


const Municipality* Postcodes::municipality_of(std::size_t place_index) const {
  if (place_index >= municipality_of_.size() || municipality_of_[place_index] == kNoMunicipality) {
    return nullptr;
  }
  return &municipalities_[municipality_of_[place_index]];
}

const Municipality* Postcodes::municipality(std::string_view name) const {
  for (const Entry& e : exact(fold(trim(name)))) {
    if (e.municipality) return &municipalities_[e.index];
  }
  return nullptr;
}

std::vector<Postcodes::Entry> Postcodes::exact(std::string_view folded) const {
  if (folded.empty()) return {};
  if (const auto it = index_.find(std::string(folded)); it != index_.end()) return it->second;
  return {};
}

PlaceMatch Postcodes::place_match(std::size_t place_index) const {
  const Municipality* m = municipality_of(place_index);
  return {places_[place_index], m ? m->name : "", false};
}

PlaceMatch Postcodes::municipality_match(std::size_t municipality_index) const {
  const Municipality& m = municipalities_[municipality_index];
  const Place& centre = places_[m.centre];
  // Named like its centre when that is the municipality itself ("Bruxelles/Brussel",
  // "Gent"); else after the municipality ("Pelt" for Neerpelt, "Halle" for Hal).
  const std::string name = name_matches(centre.name, fold(m.name)) ? centre.name : m.name;
  return {Place{centre.postcode, name, m.province, m.region, centre.point}, m.name, true};
}

PlaceMatch Postcodes::match_of(Entry e, std::string_view folded_query) const {
  if (e.municipality) return municipality_match(e.index);
  // The centre of a municipality of that very name is the municipality ("Tielt" 8700).
  const std::size_t m = municipality_of_.empty() ? kNoMunicipality : municipality_of_[e.index];
  if (m != kNoMunicipality && municipalities_[m].centre == e.index &&
      fold(municipalities_[m].name) == folded_query) {
    return municipality_match(m);
  }
  return place_match(e.index);
}

std::optional<Place> Postcodes::by_postcode(std::string_view postcode) const {
  postcode = trim(postcode);
  const auto it = main_place_.find(postcode);
  if (it == main_place_.end()) return std::nullopt;
  const std::size_t m = municipality_of_[it->second];
  if (m != kNoMunicipality && municipalities_[m].centre == it->second) return municipality_match(m).place;
  return places_[it->second];
}

std::optional<Place> Postcodes::by_name(std::string_view name) const {
  const PlaceLookup found = lookup(name);
  if (found.is_postcode || found.matches.empty() ||
      (found.status != PlaceLookupStatus::kFound && found.status != PlaceLookupStatus::kAmbiguous)) {
    return std::nullopt;
  }
  return found.matches.front().place;
}

PlaceLookup Postcodes::lookup(std::string_view postcode_or_name) const {
  const std::string_view query = trim(postcode_or_name);
  PlaceLookup result;
  result.query = std::string(query);
  if (query.empty()) return result;
  if (is_postcode(query)) {
    result.is_postcode = true;
    const auto it = main_place_.find(query);
    if (it == main_place_.end()) {
      result.status = PlaceLookupStatus::kUnknown;
      return result;
    }
    const std::size_t m = municipality_of_[it->second];
    result.status = PlaceLookupStatus::kFound;
    result.matches.push_back(m != kNoMunicipality && municipalities_[m].centre == it->second
                                 ? municipality_match(m)
                                 : place_match(it->second));
    return result;
  }
  if (const auto both = postcode_and_name(query)) {
    return by_postcode_and_name(result.query, both->first, both->second);
  }
  return by_name_lookup(result.query);
}

PlaceLookup Postcodes::by_name_lookup(std::string query) const {
  PlaceLookup result;
  result.query = std::move(query);
  const std::string folded = fold(result.query);
  std::vector<Entry> entries = exact(folded);
  std::string matched = folded;
  if (entries.empty()) {
    for (const std::string& variant : abbreviation_variants(folded)) {
      for (const Entry& e : exact(variant)) entries.push_back(e);
      if (!entries.empty()) {
        matched = variant;
        break;
      }
    }
  }
  if (entries.empty() && !folded.empty()) {
    if (const auto it = squashed_.find(squash(folded)); it != squashed_.end()) {
      entries = it->second;
      matched.clear();
    }
  }
  if (entries.empty()) {
    result.status = PlaceLookupStatus::kUnknown;
    result.matches = suggestions(folded);
    return result;
  }
  // One candidate per place; a municipality over a plain place.
  std::vector<std::pair<std::size_t, PlaceMatch>> found;  // place index (or centre), match
  for (const Entry& e : entries) {
    const std::size_t at = e.municipality ? municipalities_[e.index].centre : e.index;
    PlaceMatch m = match_of(e, matched);
    const auto same = std::find_if(found.begin(), found.end(),
                                   [&](const auto& f) { return f.first == at; });
    if (same == found.end()) {
      found.emplace_back(at, std::move(m));
    } else if (m.is_municipality && !same->second.is_municipality) {
      same->second = std::move(m);
    }
  }
  // A place inside a municipality of the same name is that municipality ("Antwerpen" 2060).
  std::set<std::string> named;
  for (const auto& f : found) {
    if (f.second.is_municipality) named.insert(f.second.municipality);
  }
  std::erase_if(found, [&](const auto& f) {
    return !f.second.is_municipality && named.count(f.second.municipality) > 0;
  });
  std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
    return std::tuple(!a.second.is_municipality, a.second.place.postcode) <
           std::tuple(!b.second.is_municipality, b.second.place.postcode);
  });
  const GeoPoint first = found.front().second.place.point;
  const bool one_spot = std::all_of(found.begin(), found.end(), [&](const auto& f) {
    return distance_km(f.second.place.point, first) <= kSamePlaceKm;
  });
  result.status = one_spot ? PlaceLookupStatus::kFound : PlaceLookupStatus::kAmbiguous;
  for (auto& f : found) {
    result.matches.push_back(std::move(f.second));
    if (one_spot) break;
  }
  return result;
}

PlaceLookup Postcodes::by_postcode_and_name(std::string query, std::string_view postcode,
                                            std::string_view name) const {
  PlaceLookup result;
  result.query = std::move(query);
  const std::string folded = fold(name);
  std::vector<Entry> entries = exact(folded);
  for (const std::string& variant : abbreviation_variants(folded)) {
    for (const Entry& e : exact(variant)) entries.push_back(e);
  }
  if (const auto it = squashed_.find(squash(folded)); entries.empty() && it != squashed_.end()) {
    entries = it->second;
  }
  for (const Entry& e : entries) {
    if (e.municipality) {
      const Municipality& m = municipalities_[e.index];
      if (std::find(m.postcodes.begin(), m.postcodes.end(), postcode) == m.postcodes.end()) {
        continue;
      }
      const auto main = main_place_.find(postcode);
      result.matches.push_back(places_[m.centre].postcode == postcode || main == main_place_.end()
                                   ? municipality_match(e.index)
                                   : place_match(main->second));
    } else if (places_[e.index].postcode == postcode) {
      result.matches.push_back(place_match(e.index));
    }
    if (!result.matches.empty()) break;
  }
  if (!result.matches.empty()) {
    result.status = PlaceLookupStatus::kFound;
    return result;
  }
  // The name is not in that postcode: suggest the places that are.
  result.status = PlaceLookupStatus::kUnknown;
  std::vector<std::pair<int, std::size_t>> ranked;
  for (std::size_t i = 0; i < places_.size(); ++i) {
    if (places_[i].postcode != postcode) continue;
    ranked.emplace_back(edit_distance(folded, fold(places_[i].name), 100), i);
  }
  std::stable_sort(ranked.begin(), ranked.end());
  for (const auto& [distance, i] : ranked) {
    if (result.matches.size() == kMaxSuggestions) break;
    result.matches.push_back(place_match(i));
  }
  return result;
}

std::vector<PlaceMatch> Postcodes::suggestions(std::string_view folded_query) const {
  const int n = static_cast<int>(folded_query.size());
  if (n < 3) return {};
  const int limit = n <= 4 ? 1 : n <= 8 ? 2 : 3;
  const std::string squashed_query = squash(folded_query);
  const std::string word_prefix = std::string(folded_query) + " ";
  const auto query_letters = place_names::letter_counts(folded_query);
  // (distance, not a municipality, name) -> entries
  std::vector<std::tuple<int, bool, std::string, std::vector<Entry>>> ranked;
  for (const SuggestionKey& candidate : suggestion_keys_) {
    // Most keys differ in too many letters to be near: no edit distance needed for them.
    int distance = limit + 1;
    if (place_names::letter_distance_bound(query_letters, candidate.letters) <= limit) {
      distance = std::min(edit_distance(folded_query, candidate.key, limit),
                          edit_distance(squashed_query, candidate.squashed, limit));
    }
    if (distance > limit && candidate.key.starts_with(word_prefix)) distance = limit;
    if (distance > limit) continue;
    const std::vector<Entry>& entries = index_.at(candidate.key);
    const bool municipality = std::any_of(entries.begin(), entries.end(),
                                          [](const Entry& e) { return e.municipality; });
    ranked.emplace_back(distance, !municipality, candidate.key, entries);
  }
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    return std::tie(std::get<0>(a), std::get<1>(a), std::get<2>(a)) <
           std::tie(std::get<0>(b), std::get<1>(b), std::get<2>(b));
  });
  std::vector<PlaceMatch> out;
  std::set<std::size_t> seen;  // place indexes
  for (const auto& [distance, plain, key, entries] : ranked) {
    for (const Entry& e : entries) {
      const std::size_t at = e.municipality ? municipalities_[e.index].centre : e.index;
      if (!seen.insert(at).second) continue;
      out.push_back(match_of(e, key));
      if (out.size() == kMaxSuggestions) return out;
    }
  }
  return out;
}

Result<Place> Postcodes::resolve(std::string_view postcode_or_name) const {
  const PlaceLookup found = lookup(postcode_or_name);
  switch (found.status) {
    case PlaceLookupStatus::kFound:
      return found.matches.front().place;
    case PlaceLookupStatus::kEmpty:
      return Error::Invalid(fmt::format("no place given: {}", kHowToName));
    case PlaceLookupStatus::kAmbiguous:
      return Error::Invalid(fmt::format("'{}' names more than one place: {}; give the postcode instead",
                                        found.query, describe_all(found.matches)));
    case PlaceLookupStatus::kUnknown:
      break;
  }
  const std::string hint =
      found.matches.empty() ? "" : fmt::format(" (did you mean {}?)", describe_all(found.matches));
  if (found.is_postcode) {
    return Error::NotFound(fmt::format("unknown postcode {}: {}", found.query, kHowToName));
  }
  return Error::NotFound(fmt::format("unknown place '{}'{}: {}", found.query, hint, kHowToName));
}

double distance_km(GeoPoint a, GeoPoint b) {
  constexpr double kRad = std::numbers::pi / 180.0;
  const double dlat = (b.lat - a.lat) * kRad;
  const double dlon = (b.lon - a.lon) * kRad;
  const double h =
      std::sin(dlat / 2) * std::sin(dlat / 2) +
      std::cos(a.lat * kRad) * std::cos(b.lat * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

}  // namespace noodbel
