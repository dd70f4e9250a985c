// DigestNotice: the short chat text telling a supervisor that a daily digest is ready:
// the day's key figures of their scope in 2-3 lines and the signed link to the HTML page
// (template digest_notice). Pure; thread-safe.
#pragma once

#include <string>

#include "bot/digest.h"
#include "bot/result.h"
#include "bot/templates.h"

namespace noodbel {

// The arguments of template digest_notice for one scope of `digest` (a service, or
// digest.flanders): date ("23/11/2026"), service, opened, matched, unmatched (closed
// without match or expired), first_yes (the sentence on the time to the first yes,
// render_digest_times), active (families), gaps (coverage gap areas) and link.
Result<TemplateArgs> digest_notice_args(const Digest& digest, const ScopeDigest& scope,
                                        const Templates& templates, Language lang,
                                        std::string link);

}  // namespace noodbel
