// A 10,000-server registry must filter, convert and serialize well within 300 ms. The budget is
// asserted only in optimized builds without sanitizers; otherwise the timings are just printed.
// Time is this process's CPU time (ProcessCpuMillis).
#include <doctest/doctest.h>

#include "core/testing.h"
#include "registry/conversion.h"
#include "registry/filter.h"

#if defined(__OPTIMIZE__) && !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
#define THV_ASSERT_TIMINGS 1
#else
#define THV_ASSERT_TIMINGS 0
#endif

namespace thv {

namespace {

struct Clock {
  static double now() { return ProcessCpuMillis(); }
};

double Millis(double a, double b) { return b - a; }

// The real registry's servers copied under new keys until there are 8,000 container and
// 2,000 remote servers.
Registry BigRegistry() {
  Registry real;
  Diagnostics diags;
  REQUIRE(LoadRegistryData(ReadTestdata("registry/registry.json"), RegistryFormat::kToolhive,
                           "registry.json", {}, &real, nullptr, &diags));
  Registry big;
  big.version = real.version;
  big.last_updated = real.last_updated;
  big.servers.emplace();
  std::vector<const ImageMetadata*> servers;
  for (const auto& [k, v] : *real.servers) servers.push_back(&v);
  std::vector<const RemoteServerMetadata*> remotes;
  for (const auto& [k, v] : real.remote_servers) remotes.push_back(&v);
  for (size_t i = 0; i < 8000; ++i) {
    ImageMetadata m = *servers[i % servers.size()];
    m.name = "server-" + std::to_string(i);
    big.servers->emplace(m.name, std::move(m));
  }
  for (size_t i = 0; i < 2000; ++i) {
    RemoteServerMetadata m = *remotes[i % remotes.size()];
    m.name = "remote-" + std::to_string(i);
    big.remote_servers.emplace(m.name, std::move(m));
  }
  return big;
}

}  // namespace

TEST_CASE("performance: 10,000 servers filter, convert and serialize within budget") {
  Registry reg = BigRegistry();
  RegistryFilter filter;
  filter.names = IncludeExclude{{"server-*", "remote-*"}, {"server-1?"}};
  filter.tags = IncludeExclude{{}, {"no-such-tag", "deprecated"}};

  auto t0 = Clock::now();
  std::vector<std::string> errors;
  REQUIRE(ApplyRegistryFilter(&filter, &reg, &errors));
  auto t1 = Clock::now();
  std::string stored = MarshalToolhiveRegistry(reg);
  auto t2 = Clock::now();
  std::string upstream = MarshalUpstreamDraft(ConvertRegistryToUpstream(reg));
  auto t3 = Clock::now();
  CHECK(reg.servers->size() == 7990);
  CHECK(reg.remote_servers.size() == 2000);

  // The other direction, from text: parse, decode and convert an upstream document.
  Registry back;
  std::vector<std::string> warnings;
  Diagnostics diags;
  auto t4 = Clock::now();
  REQUIRE(LoadRegistryData(upstream, RegistryFormat::kUpstream, "up.json",
                           ConvertOptions{"2025-01-01T00:00:00Z"}, &back, &warnings, &diags));
  auto t5 = Clock::now();
  CHECK(back.servers->size() + back.remote_servers.size() == 9990);

  double filter_ms = Millis(t0, t1), marshal_ms = Millis(t1, t2), convert_ms = Millis(t2, t3);
  MESSAGE("filter " << filter_ms << " ms, registry.json " << marshal_ms << " ms ("
                    << stored.size() / 1024 << " KiB), to upstream " << convert_ms
                    << " ms, upstream text to registry " << Millis(t4, t5) << " ms");
#if THV_ASSERT_TIMINGS
  CHECK(filter_ms + marshal_ms + convert_ms < 300);
#endif
}

}  // namespace thv
