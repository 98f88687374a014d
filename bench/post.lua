-- wrk script for the public forms (read by bench/run): POSTs BENCH_BODY to the URL, or with BENCH_TOKENS a ballot per
-- request, each with its own voting code (the file's lines, split between wrk's threads so no code is used twice).
-- A response without BENCH_EXPECT in its body counts as an error. Reports like report.lua, one line of JSON.
local cookie = os.getenv("BENCH_COOKIE") or ""
local body = os.getenv("BENCH_BODY") or ""
local expect = os.getenv("BENCH_EXPECT") or ""
local tokens_file = os.getenv("BENCH_TOKENS")
local threads = {}
local counter = 1

setup = function(thread)
  thread:set("index", #threads)
  table.insert(threads, thread)
end

init = function(args)
  failures = 0
  sent = 0
  tokens = {}
  if tokens_file then
    local n = 0
    for line in io.lines(tokens_file) do
      if n % 2 == index then table.insert(tokens, line) end
      n = n + 1
    end
  end
  wrk.method = "POST"
  wrk.headers["Cookie"] = cookie
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end

request = function()
  sent = sent + 1
  if tokens_file then
    local token = tokens[sent] or tokens[#tokens]
    -- The code goes in the body, as the ballot page sends it: never in a URL.
    return wrk.format("POST", nil, nil, body .. "&t=" .. token)
  end
  return wrk.format("POST", nil, nil, body .. "&Text=" .. "%E5%8E%8B%E6%B5%8B%E6%84%8F%E8%A7%81" .. index .. "-" .. sent)
end

response = function(status, headers, text)
  if status ~= 200 or not string.find(text, expect, 1, true) then failures = failures + 1 end
end

done = function(summary, latency, requests)
  local failed = 0
  for _, thread in ipairs(threads) do failed = failed + (thread:get("failures") or 0) end
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + summary.errors.status + failed
  io.write(string.format('{"requests":%d,"seconds":%.2f,"rps":%.1f,"p50":%.1f,"p95":%.1f,"p99":%.1f,"errors":%d}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, errors))
end
