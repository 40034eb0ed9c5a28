-- wrk script: GET PAGE_PATH with the signed-in session's cookie; prints the p95 latency.
local path = os.getenv("PAGE_PATH")
local cookie = os.getenv("SESSION_COOKIE")
request = function()
  -- /health answers JSON only: asked for text/html it would measure a 406
  local accept = (path:sub(1, 3) == "/ui") and "text/html" or "application/json"
  return wrk.format("GET", path, { ["Cookie"] = cookie, ["Accept"] = accept })
end
done = function(summary, latency, requests)
  io.write(string.format("p95_ms %.3f\n", latency:percentile(95) / 1000))
  io.write(string.format("non_2xx %d\n", summary.errors.status))
end
