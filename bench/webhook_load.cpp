// webhook_load: a load generator for the webhook budget (docs: README, Performance):
// signed Twilio "incoming SMS" requests against a running `noodbel serve`, either at a
// fixed rate (open loop: latency counted from when each request was due, so a slow
// server cannot hide its queueing) or as fast as the connections allow (peak). Prints
// throughput, status counts and latency percentiles, and (from the service's GET /metrics,
// before and after) how many of the requests it treated as duplicates. MessageSids carry a
// per-run prefix (--sid-prefix, default: from the clock), so repeated runs against the same
// database are not replays. Driven by bench/load.sh and bench/compare.sh.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <cctype>
#include <cmath>
#include <map>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "adapters/http/http_types.h"
#include "adapters/twilio/twilio_signature.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Options {
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string public_url;  // what the service signs against
  std::string token;       // Twilio auth token
  std::string numbers_file;
  double rate = 1000;      // requests/s; 0: closed loop (peak)
  double seconds = 10;
  int connections = 8;
  std::string sid_prefix;  // makes this run's MessageSids unique; default: from the clock
  std::string send_from;   // --send-from/--send-text: one message instead of a load
  std::string send_text;
};

std::string form_encode(const std::string& s) {
  std::string out;
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);  // a byte, as <cctype> and %XX want it
    if (std::isalnum(c) != 0 || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

// One signed Twilio incoming-SMS request (the signature from the project's own
// twilio_signature, as the service checks it).
std::string signed_request(const Options& o, const std::string& sid, const std::string& from,
                           const std::string& text) {
  const auto slash = o.public_url.find('/', o.public_url.find("//") + 2);
  const std::string path = slash == std::string::npos ? "/" : o.public_url.substr(slash);
  const noodbel::FormFields params{
      {"AccountSid", "AC00000000000000000000000000000000"},
      {"MessageSid", sid},
      {"From", from},
      {"To", "+32460000000"},
      {"Body", text},
      {"NumMedia", "0"},
  };
  std::string body;
  for (const auto& [k, v] : params) {
    if (!body.empty()) body += '&';
    body += form_encode(k) + '=' + form_encode(v);
  }
  const std::string signature = noodbel::twilio_signature(o.token, o.public_url, params);
  return fmt::format(
      "POST {} HTTP/1.1\r\nHost: {}:{}\r\nContent-Type: application/x-www-form-urlencoded\r\n"
      "X-Twilio-Signature: {}\r\nContent-Length: {}\r\n\r\n{}",
      path, o.host, o.port, signature, body.size(), body);
}

// Each request is unique (MessageSid), from a registered number, with a typical reply.
std::vector<std::string> build_requests(const Options& o, const std::vector<std::string>& numbers,
                                        std::size_t count) {
  static const char* kBodies[] = {
      "ja",  "Nee sorry",        "misschien, pas vanaf 18u", "Jaa wij kunnen!! 👍",
      "oui", "no, not this week"};
  std::vector<std::string> out;
  out.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    out.push_back(signed_request(o, fmt::format("SM{}{:016x}", o.sid_prefix, i + 1),
                                 numbers[i % numbers.size()], kBodies[i % std::size(kBodies)]));
  }
  return out;
}

int connect_to(const Options& o) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) throw std::runtime_error("socket() failed");
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(o.port));
  ::inet_pton(AF_INET, o.host.c_str(), &addr.sin_addr);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    throw std::runtime_error(fmt::format("cannot connect to {}:{}", o.host, o.port));
  }
  const int one = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  return fd;
}

// Sends one request and reads one response on a keep-alive connection; the status code.
// `response`, when given, receives the whole response (headers and body).
int round_trip(int fd, const std::string& request, std::string& buffer,
               std::string* response = nullptr) {
  for (std::size_t sent = 0; sent < request.size();) {
    const ssize_t n = ::send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return -1;
    sent += static_cast<std::size_t>(n);
  }
  buffer.clear();
  std::size_t header_end = std::string::npos;
  std::size_t total = 0;
  char chunk[8192];
  while (true) {
    if (header_end == std::string::npos) {
      header_end = buffer.find("\r\n\r\n");
      if (header_end != std::string::npos) {
        const auto cl = buffer.find("Content-Length: ");
        const std::size_t length =
            cl == std::string::npos ? 0 : std::strtoul(buffer.c_str() + cl + 16, nullptr, 10);
        total = header_end + 4 + length;
      }
    }
    if (header_end != std::string::npos && buffer.size() >= total) break;
    const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
    if (n <= 0) return -1;
    buffer.append(chunk, static_cast<std::size_t>(n));
  }
  const int status = std::atoi(buffer.c_str() + 9);
  if (response != nullptr) *response = buffer.substr(0, total);
  buffer.erase(0, total);
  return status;
}

// GET /metrics on a new connection; nullopt when the service does not answer 200.
std::optional<std::string> fetch_metrics(const Options& o) {
  const int fd = connect_to(o);
  const std::string request = fmt::format(
      "GET /metrics HTTP/1.1\r\nHost: {}:{}\r\nConnection: close\r\n\r\n", o.host, o.port);
  std::string buffer;
  std::string response;
  const int status = round_trip(fd, request, buffer, &response);
  ::close(fd);
  if (status != 200) return std::nullopt;
  return response;
}

// The sum of a counter's series whose labels contain every one of `labels` (Prometheus text).
double counter_sum(const std::string& text, std::string_view name,
                   const std::vector<std::string_view>& labels) {
  double sum = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string::npos) eol = text.size();
    const std::string_view line(text.data() + pos, eol - pos);
    pos = eol + 1;
    if (line.substr(0, name.size()) != name || line.size() <= name.size() ||
        line[name.size()] != '{') {
      continue;
    }
    const std::size_t close = line.find('}');
    if (close == std::string_view::npos) continue;
    const std::string_view series = line.substr(0, close);
    if (std::all_of(labels.begin(), labels.end(), [&](std::string_view l) {
          return series.find(l) != std::string_view::npos;
        })) {
      sum += std::strtod(std::string(line.substr(close + 1)).c_str(), nullptr);
    }
  }
  return sum;
}

// What the service counted for SMS: messages in and the duplicates among them.
struct ServiceCounts {
  double in = 0;
  double duplicates = 0;
};

std::optional<ServiceCounts> service_counts(const Options& o) {
  const std::optional<std::string> text = fetch_metrics(o);
  if (!text) return std::nullopt;
  return ServiceCounts{
      counter_sum(*text, "noodbel_messages_in_total", {"channel=\"sms\""}),
      counter_sum(*text, "noodbel_webhook_rejections_total",
                  {"route=\"sms\"", "reason=\"duplicate\""})};
}

struct Totals {
  std::mutex mutex;
  std::vector<double> latencies_ms;
  std::map<int, long> statuses;
};

void worker(const Options& o, const std::vector<std::string>& requests, int index,
            Clock::time_point start, Clock::time_point end, Totals& totals) {
  int fd = connect_to(o);
  std::string buffer;
  std::vector<double> latencies;
  std::map<int, long> statuses;
  for (std::size_t j = 0;; ++j) {
    const std::size_t n = j * static_cast<std::size_t>(o.connections) + static_cast<std::size_t>(index);
    if (n >= requests.size()) break;
    Clock::time_point due = Clock::now();
    if (o.rate > 0) {
      // Request n of the run is due at n / rate: the requests of all connections are evenly
      // spaced (connection i sends requests i, i + C, i + 2C, ...). Due times of j / (rate / C)
      // would send one request on every connection at the same instant, C at once every C/rate
      // seconds: a burst load, not the fixed rate it is reported as.
      due = start + std::chrono::duration_cast<Clock::duration>(
                        std::chrono::duration<double>(static_cast<double>(n) / o.rate));
      if (due >= end) break;
      std::this_thread::sleep_until(due);
    } else if (due >= end) {
      break;
    }
    int status = round_trip(fd, requests[n], buffer);
    if (status < 0) {  // the server closed the connection: count it and reconnect
      ::close(fd);
      fd = connect_to(o);
      buffer.clear();
    }
    latencies.push_back(std::chrono::duration<double, std::milli>(Clock::now() - due).count());
    ++statuses[status];
  }
  ::close(fd);
  std::lock_guard lock(totals.mutex);
  totals.latencies_ms.insert(totals.latencies_ms.end(), latencies.begin(), latencies.end());
  for (const auto& [s, c] : statuses) totals.statuses[s] += c;
}

double percentile(std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  const auto i = static_cast<std::size_t>(p / 100.0 * static_cast<double>(sorted.size() - 1));
  return sorted[i];
}

constexpr const char* kUsage =
    "usage: webhook_load --port P --public-url URL --token TOKEN --numbers FILE "
    "[--rate R (0: peak)] [--seconds S] [--connections C] [--host H] "
    "[--sid-prefix ALNUM (at most 30; default: from the clock)]\n"
    "   or: webhook_load --port P --public-url URL --token TOKEN --send-from NUMBER "
    "--send-text TEXT (one signed message; exit 0 when the service answers 200)";

std::string clock_prefix() {
  const auto ns = std::chrono::system_clock::now().time_since_epoch().count();
  return fmt::format("{:x}{:x}", ns, ::getpid());
}

Options parse_args(int argc, char** argv) {
  Options o;
  if (argc % 2 == 0) throw std::runtime_error(fmt::format("{} has no value\n{}", argv[argc - 1], kUsage));
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i];
    const std::string v = argv[i + 1];
    if (k == "--host") o.host = v;
    else if (k == "--port") o.port = std::stoi(v);
    else if (k == "--public-url") o.public_url = v;
    else if (k == "--token") o.token = v;
    else if (k == "--numbers") o.numbers_file = v;
    else if (k == "--rate") o.rate = std::stod(v);
    else if (k == "--seconds") o.seconds = std::stod(v);
    else if (k == "--connections") o.connections = std::stoi(v);
    else if (k == "--sid-prefix") o.sid_prefix = v;
    else if (k == "--send-from")
      o.send_from = v;
    else if (k == "--send-text")
      o.send_text = v;
    else throw std::runtime_error(fmt::format("unknown option {}\n{}", k, kUsage));
  }
  const bool one = !o.send_from.empty() || !o.send_text.empty();
  if (one && (o.send_from.empty() || o.send_text.empty())) {
    throw std::runtime_error(fmt::format("--send-from and --send-text go together\n{}", kUsage));
  }
  if (o.public_url.empty() || o.token.empty() || (!one && o.numbers_file.empty())) {
    throw std::runtime_error(kUsage);
  }
  if (o.connections < 1 || o.seconds <= 0 || o.rate < 0) {
    throw std::runtime_error(fmt::format("--connections, --seconds and --rate must be positive\n{}",
                                         kUsage));
  }
  const bool alnum = std::all_of(o.sid_prefix.begin(), o.sid_prefix.end(), [](unsigned char c) {
    return std::isalnum(c) != 0;
  });
  if (!alnum || o.sid_prefix.size() > 30) {
    throw std::runtime_error(fmt::format("--sid-prefix must be at most 30 letters or digits "
                                         "(a MessageSid has at most 64)\n{}", kUsage));
  }
  if (o.sid_prefix.empty()) o.sid_prefix = clock_prefix();
  return o;
}

// --send-from/--send-text: one signed message (bench/lib.sh opens its call this way); 0 on 200.
int send_one(const Options& o) {
  const int fd = connect_to(o);
  std::string buffer;
  const int status =
      round_trip(fd, signed_request(o, "SMone" + o.sid_prefix, o.send_from, o.send_text), buffer);
  ::close(fd);
  if (status == 200) return 0;
  fmt::print(stderr, "webhook_load: {} answered {} to the message from {}\n", o.public_url, status,
             o.send_from);
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const Options o = parse_args(argc, argv);
    if (!o.send_from.empty()) return send_one(o);
    std::vector<std::string> numbers;
    std::ifstream in(o.numbers_file);
    for (std::string line; std::getline(in, line);) {
      if (!line.empty()) numbers.push_back(line);
    }
    if (numbers.empty()) throw std::runtime_error("no numbers in " + o.numbers_file);
    const double expected = o.rate > 0 ? o.rate * o.seconds : 40'000 * o.seconds;
    const auto requests = build_requests(o, numbers, static_cast<std::size_t>(expected) + 1);
    const std::optional<ServiceCounts> before = service_counts(o);
    Totals totals;
    const auto start = Clock::now() + std::chrono::milliseconds(100);
    const auto end = start + std::chrono::duration_cast<Clock::duration>(
                                 std::chrono::duration<double>(o.seconds));
    std::vector<std::thread> threads;
    for (int i = 0; i < o.connections; ++i) {
      threads.emplace_back(worker, std::cref(o), std::cref(requests), i, start, end,
                           std::ref(totals));
    }
    for (auto& t : threads) t.join();
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    auto& l = totals.latencies_ms;
    std::sort(l.begin(), l.end());
    fmt::print("mode={} connections={} requests={} seconds={:.1f} throughput={:.0f}/s\n",
               o.rate > 0 ? fmt::format("rate:{:.0f}/s", o.rate) : "peak", o.connections,
               l.size(), elapsed, static_cast<double>(l.size()) / elapsed);
    fmt::print("latency_ms p50={:.2f} p90={:.2f} p99={:.2f} p99.9={:.2f} max={:.2f}\n",
               percentile(l, 50), percentile(l, 90), percentile(l, 99), percentile(l, 99.9),
               l.empty() ? 0.0 : l.back());
    const long ok = totals.statuses.count(200) != 0 ? totals.statuses.at(200) : 0;
    std::string errors;
    for (const auto& [s, c] : totals.statuses) {
      if (s == 200) continue;
      errors += fmt::format(" {}={}", s < 0 ? std::string("closed") : std::to_string(s), c);
    }
    const long error_count = static_cast<long>(l.size()) - ok;
    fmt::print("ok={} errors={}{}\n", ok, error_count,
               errors.empty() ? "" : " (by status:" + errors + ")");
    const std::optional<ServiceCounts> after = service_counts(o);
    long duplicates = -1;
    if (before && after) {
      duplicates = std::lround(after->duplicates - before->duplicates);
      fmt::print("service: messages_in={:.0f} duplicates={} (sid prefix {})\n",
                 after->in - before->in, duplicates, o.sid_prefix);
    } else {
      fmt::print("service: duplicates=unknown (GET /metrics did not answer 200)\n");
    }
    return error_count == 0 && duplicates == 0 ? 0 : 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "webhook_load: %s\n", e.what());
    return 2;
  }
}
