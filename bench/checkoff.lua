-- Check-off writes for wrk: BENCH_LEARNERS is a file of "cookie csrf item,item,..." lines,
-- the items each learner has not done yet in curriculum order (so the gate lets each one
-- through once the week before is finished). Each thread takes its own learners and goes
-- round them, one item per request; a learner's next item is sent only after many other
-- requests, and the app locks the learner's enrollment anyway. Counts what it sent and
-- what succeeded, for bench/run to compare with the rows stored.
local learners = {}
local current = 1
local threads = {}
sent, ok, refused, probes = 0, 0, 0, 0
local slug = "django-24-week-syllabus"

function setup(thread)
  thread:set("index", #threads)
  table.insert(threads, thread)
end

function init(args)
  local mine = index or 0
  local count = tonumber(os.getenv("BENCH_THREADS") or "2")
  local n = 0
  for line in io.lines(os.getenv("BENCH_LEARNERS")) do
    local cookie, csrf, items = line:match("^(%S+)%s+(%S+)%s+(%S+)$")
    if cookie then
      if n % count == mine then
        local list = {}
        for item in items:gmatch("%d+") do list[#list + 1] = item end
        learners[#learners + 1] = { cookie = cookie, csrf = csrf, items = list, next = 1 }
      end
      n = n + 1
    end
  end
end

function request()
  for _ = 1, #learners do
    local l = learners[current]
    current = current % #learners + 1
    if l.next <= #l.items then
      local item = l.items[l.next]
      l.next = l.next + 1
      sent = sent + 1
      return wrk.format("PUT", "/api/v1/me/progress/" .. slug .. "/items/" .. item,
        { ["Cookie"] = "SESSION=" .. l.cookie, ["X-CSRF-TOKEN"] = l.csrf,
          ["Content-Type"] = "application/json" }, '{"done":true}')
    end
  end
  -- Every learner is through: answered by the probe, not counted as a write.
  probes = probes + 1
  return wrk.format("GET", "/livez")
end

function response(status, headers, body)
  if status >= 200 and status < 300 then ok = ok + 1 else refused = refused + 1 end
end

function done(summary, latency, requests)
  local total_sent, total_ok, total_refused, total_probes = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    total_sent = total_sent + t:get("sent")
    total_ok = total_ok + t:get("ok")
    total_refused = total_refused + t:get("refused")
    total_probes = total_probes + t:get("probes")
  end
  io.write(string.format("BENCH requests=%d duration_us=%d non2xx=%d socket_errors=%d p50_us=%d p99_us=%d\n",
    summary.requests, summary.duration, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50), latency:percentile(99)))
  io.write(string.format("CHECKOFF sent=%d ok=%d refused=%d probes=%d\n", total_sent, total_ok, total_refused,
    total_probes))
end
