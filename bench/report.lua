-- wrk reporter: one line of JSON per run (latency in ms), read by bench/run.
local cookie = os.getenv("BENCH_COOKIE") or ""
wrk.headers["Cookie"] = cookie

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + summary.errors.status
  io.write(string.format('{"requests":%d,"seconds":%.2f,"rps":%.1f,"p50":%.1f,"p95":%.1f,"p99":%.1f,"errors":%d}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, errors))
end
