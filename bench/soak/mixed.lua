-- wrk script: the soak's mixed load, one request per call chosen in a fixed rotation of 20:
-- 9 POST /ingest (300-1000 byte lines, one in five with PII), 5 POST /api/v2/predict-log,
-- 2 GET scenario summary, 2 GET prediction stats, 1 GET /api/v2/audit (admin list), 1 GET /health.
-- DELAY_MS (per connection, between requests) paces it below the maximum. Needs SCENARIO_ID, API_KEY.
local scenario = os.getenv("SCENARIO_ID")
local key = os.getenv("API_KEY")
local pause = tonumber(os.getenv("DELAY_MS") or "0")
local pii = { "contact jane.doe@example.com", "card 4111 1111 1111 1111", "call +1 415 555 0100" }
local words = { "request", "handled", "user", "timeout", "retry", "order", "payment", "queue", "lambda",
  "latency", "status", "ok", "error", "upstream", "cache", "miss", "hit", "GET", "POST", "trace" }
local json = { ["Content-Type"] = "application/json", ["X-API-Key"] = key, ["X-Scenario-ID"] = scenario }
local auth = { ["X-API-Key"] = key }
local messages, predictions = {}, {}
local counter = 0
local rotation = { "i", "p", "i", "s", "i", "p", "i", "t", "i", "p", "i", "a", "i", "p", "i", "s", "p", "t", "i", "h" }

init = function(args)
  for i = 1, 200 do
    math.randomseed(i * 7919)
    local target, parts, length = math.random(300, 1000), { "INFO", "svc-" .. (i % 7) }, 20
    if i % 5 == 0 then table.insert(parts, pii[(i % #pii) + 1]); length = length + 30 end
    while length < target do
      local w = words[math.random(#words)]; table.insert(parts, w); length = length + #w + 1
    end
    messages[i] = '{"message":"' .. table.concat(parts, " ") .. '","source":"soak"}'
    predictions[i] = '{"model_name":"soak_model_' .. (i % 10) .. '","duration_ms":' .. (20 + (i * 37) % 400)
      .. ',"was_successful":' .. ((i % 20 == 0) and "false" or "true") .. '}'
  end
end

delay = function()
  return pause
end

request = function()
  counter = counter + 1
  local kind = rotation[(counter % #rotation) + 1]
  local n = (counter % 200) + 1
  if kind == "i" then
    return wrk.format("POST", "/ingest", json, messages[n])
  elseif kind == "p" then
    return wrk.format("POST", "/api/v2/predict-log", json, predictions[n])
  elseif kind == "s" then
    return wrk.format("GET", "/api/v2/scenarios/" .. scenario .. "/summary", auth)
  elseif kind == "t" then
    return wrk.format("GET", "/api/v2/stats?model_name=soak_model_" .. (counter % 10) .. "&from_date=2026-01-01", auth)
  elseif kind == "a" then
    return wrk.format("GET", "/api/v2/audit?page_size=20", auth)
  end
  return wrk.format("GET", "/health")
end

-- prints "errors <non-2xx responses + socket errors>" for run.sh
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("errors %d\n", summary.errors.status + e.connect + e.read + e.write + e.timeout))
end
