// ChannelState: what a channel adapter keeps beside the core's state about one inbound
// message, written in that message's transaction (UnitOfWork::transaction's second form).
// The core never sees it. A plain value; any thread.
#pragma once

#include <optional>

#include "store/response_urls.h"

namespace noodbel::store {

struct ChannelState {
  std::optional<ResponseUrl> slash_response_url;  // the request's response_url, if any
};

}  // namespace noodbel::store
