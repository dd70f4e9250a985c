// render_refusal: the text a caseworker gets when the anonymization guard refuses a note.
// Called by the engine (/crisis) and `noodbel check-note`; pure, thread-safe.
#pragma once

#include <string>
#include <vector>

#include "bot/guard/finding.h"
#include "bot/result.h"
#include "bot/templates.h"
#include "bot/types.h"

namespace noodbel {

// templates/<lang>/guard_<kind>.txt per finding (with {text}) inside guard_refused.txt
// (with {findings}). An Error when a template is missing.
Result<std::string> render_refusal(const Templates& templates, Language lang,
                                   const std::vector<Finding>& findings);

}  // namespace noodbel
