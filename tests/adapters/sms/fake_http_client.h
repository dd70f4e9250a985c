// FakeHttpClient: an HttpClient for the SMS sender tests. Records every request and
// answers from a queue of scripted responses or errors (the last one repeats).
// Thread-compatible; test-only.
#pragma once

#include <deque>
#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "adapters/http/client.h"

namespace noodbel::testing_support {

class FakeHttpClient final : public HttpClient {
 public:
  // Queues an answer with this status, body and headers (lower-case names).
  void reply(int status, std::string body, std::map<std::string, std::string> headers = {}) {
    answers_.push_back(ClientResponse{status, std::move(headers), std::move(body)});
  }
  // Queues a transport failure.
  void fail(Error error) { answers_.push_back(std::move(error)); }

  Result<ClientResponse> send(const ClientRequest& request) override {
    requests.push_back(request);
    if (answers_.empty()) throw std::logic_error("FakeHttpClient: no answer scripted");
    Result<ClientResponse> answer = answers_.front();
    if (answers_.size() > 1) answers_.pop_front();
    return answer;
  }

  std::vector<ClientRequest> requests;

 private:
  std::deque<Result<ClientResponse>> answers_;
};

}  // namespace noodbel::testing_support
