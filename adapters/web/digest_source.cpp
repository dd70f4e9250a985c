#include "adapters/web/digest_source.h"

#include <fstream>
#include <sstream>
#include <utility>

#include <spdlog/spdlog.h>

#include "adapters/web/web_page.h"
#include "bot/text/logfmt_value.h"

namespace noodbel {
namespace {

std::optional<std::string> read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

Result<DigestSource> DigestSource::load(const std::string& data_dir, const DigestConfig& digest,
                                        const CoreConfig& core, const Postcodes& postcodes,
                                        store::DigestReads& store) {
  Result<std::string> page = load_web_page(data_dir, "digest.html");
  if (!page.ok()) return page.error();
  std::map<std::string, std::string> names;
  const std::string areas_path = data_dir + "/config/postcode-areas.csv";
  if (std::optional<std::string> csv = read_text(areas_path)) {
    auto parsed = parse_area_names(*csv);
    if (!parsed.ok()) return Error::Invalid(areas_path + ": " + parsed.error().message);
    names = std::move(parsed).value();
  } else {
    spdlog::warn(
        "event=digest.no_area_names path={} effect=\"areas named after their lowest "
        "postcode\"",
        logfmt_value(areas_path));
  }
  return DigestSource(digest, core, postcodes, store, std::move(names), std::move(*page));
}

DigestSource::DigestSource(const DigestConfig& digest, const CoreConfig& core,
                           const Postcodes& postcodes, store::DigestReads& store,
                           std::map<std::string, std::string> area_names, std::string page_html)
    : digest_(&digest),
      core_(&core),
      postcodes_(&postcodes),
      store_(&store),
      area_names_(std::move(area_names)),
      page_html_(std::move(page_html)) {}

Result<Digest> DigestSource::build(LocalDate date,
                                   const std::optional<std::string>& service) const {
  const DigestPeriod period = digest_period(date, digest_->minute_of_day);
  Result<DigestData> data = store_->digest_data(period.range.start, period.range.end);
  if (!data.ok()) return data.error();
  DigestSettings settings;
  settings.coverage_min_families = digest_->coverage_min_families;
  settings.services = core_->services;
  settings.only_service = service;
  settings.area_names = area_names_;
  return build_digest(*data, period, settings, *postcodes_);
}

}  // namespace noodbel
