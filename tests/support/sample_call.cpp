#include "support/sample_call.h"

namespace noodbel::testing {

Call sample_call_k42(UnixTime at) {
  Call call;
  call.code = "K42";
  call.service = "oost-vlaanderen";
  call.caseworker_id = "C001";
  call.ages_months = {48};
  call.postcode = "9000";
  call.place = "Gent";
  call.location = {51.05, 3.71667};
  call.languages = {Language::kNl};
  call.duration_hours = 72;
  call.needed_from = at;
  call.created_at = at;
  return call;
}

}  // namespace noodbel::testing
