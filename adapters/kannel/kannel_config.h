// KannelConfig: the [kannel] settings and secrets of adapters/kannel/. A plain struct,
// loaded by adapters/config.
#pragma once

#include <string>
#include <vector>

namespace noodbel {

// SMS through a self-hosted Kannel gateway (adapters/kannel/): smsbox's sendsms
// interface out; its sms-service and delivery reports call /webhooks/kannel/{secret}.
struct KannelConfig {
  bool enabled = false;
  std::string sendsms_url = "http://127.0.0.1:13013/cgi-bin/sendsms";
  std::string username;        // a sendsms-user of smsbox
  std::string password;        // NOODBEL_KANNEL_PASSWORD overrides
  std::string from;            // sender number or id; empty: smsbox's default
  std::string dlr_url;         // "http://127.0.0.1:8080/webhooks/kannel"; empty: no reports
  std::string webhook_secret;  // the {secret} path segment; NOODBEL_KANNEL_SECRET overrides
  std::vector<std::string> allowed_sources = {"127.0.0.1", "::1"};  // IPs Kannel calls from
};

}  // namespace noodbel
