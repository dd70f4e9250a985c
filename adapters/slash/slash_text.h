// Texts and URLs as Slack and Mattermost take them: Slack's markup escaping, which push
// URLs are Slack's, and a push URL shortened for logs (it is a bearer secret, masked like a
// phone number). Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace noodbel {

// Slack reads &, < and > in message text as markup (links, mentions): escaped as &amp;,
// &lt; and &gt;. Mattermost reads Markdown and needs none of this.
std::string slack_escape(std::string_view text);

// Whether a push URL (response_url or incoming webhook) is Slack's: https on
// hooks.slack.com or hooks.slack-gov.com. Everything else is treated as Mattermost.
bool is_slack_url(std::string_view url);

// "https://hooks.slack.com/…": scheme and host only; "(unparsable URL)" when it is not one.
std::string mask_push_url(std::string_view url);

}  // namespace noodbel
