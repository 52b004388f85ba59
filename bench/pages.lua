-- GET requests for wrk. With BENCH_SESSIONS (a file of "cookie path" lines) each request
-- takes the next line: many logged-in users. Without it, the path given to wrk, with the
-- Accept-Encoding a browser sends. The summary line is read by bench/run.
local sessions = {}
local next_index = 1
local thread_count = 0

function setup(thread)
  thread:set("index", thread_count)
  thread_count = thread_count + 1
end

function init(args)
  local file = os.getenv("BENCH_SESSIONS")
  if file then
    for line in io.lines(file) do
      local cookie, path = line:match("^(%S+)%s+(%S+)$")
      if cookie then sessions[#sessions + 1] = { cookie = cookie, path = path } end
    end
    -- Threads start at different lines, so they do not march in step.
    next_index = (math.floor((index or 0) * #sessions / 2) % #sessions) + 1
  end
  wrk.headers["Accept-Encoding"] = "gzip"
end

function request()
  if #sessions == 0 then
    return wrk.format("GET")
  end
  local s = sessions[next_index]
  next_index = next_index % #sessions + 1
  return wrk.format("GET", s.path, { ["Cookie"] = "SESSION=" .. s.cookie, ["Accept-Encoding"] = "gzip" })
end

function done(summary, latency, requests)
  io.write(string.format("BENCH requests=%d duration_us=%d non2xx=%d socket_errors=%d p50_us=%d p99_us=%d\n",
    summary.requests, summary.duration, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50), latency:percentile(99)))
end
