// DigestSource: builds the daily digest (bot/digest.h) of one date and scope from the
// store's DigestReads port, for the scheduled sender and the web page; also holds the HTML
// page skeleton. Immutable after load; thread-safe as long as the port is (ports are).
#pragma once

#include <map>
#include <optional>
#include <string>

#include "adapters/web/digest_config.h"
#include "bot/config.h"
#include "bot/digest.h"
#include "bot/postcodes.h"
#include "bot/result.h"
#include "store/ports/digest_reads.h"

namespace noodbel {

class DigestSource {
 public:
  // Reads <data_dir>/config/postcode-areas.csv (missing: areas named after their lowest
  // postcode, logged) and <data_dir>/templates/web/digest.html (missing: an Error naming it).
  // All references must outlive the DigestSource.
  static Result<DigestSource> load(const std::string& data_dir, const DigestConfig& digest,
                                   const CoreConfig& core, const Postcodes& postcodes,
                                   store::DigestReads& store);
  DigestSource(const DigestConfig& digest, const CoreConfig& core, const Postcodes& postcodes,
               store::DigestReads& store, std::map<std::string, std::string> area_names,
               std::string page_html);

  // The digest of `date` with the Flanders-wide figures and, when `service` is set, only
  // that service (a configured id); without, every service. A storage failure is that
  // Error, never a digest of empty figures.
  Result<Digest> build(LocalDate date, const std::optional<std::string>& service) const;

  const std::string& page_html() const { return page_html_; }

 private:
  const DigestConfig* digest_;
  const CoreConfig* core_;
  const Postcodes* postcodes_;
  store::DigestReads* store_;
  std::map<std::string, std::string> area_names_;
  std::string page_html_;
};

}  // namespace noodbel
