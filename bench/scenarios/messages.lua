-- wrk script: POST /ingest with realistic log lines of 300-1000 bytes, one in five carrying PII.
-- Needs SCENARIO_ID and API_KEY in the environment.
local scenario = os.getenv("SCENARIO_ID")
local key = os.getenv("API_KEY")
local words = { "request", "handled", "user", "session", "timeout", "retry", "order", "payment", "queue",
  "lambda", "cold", "start", "latency", "ms", "status", "ok", "error", "upstream", "cache", "miss", "hit",
  "GET", "POST", "/api/v1/orders", "200", "503", "trace", "span", "worker", "shard" }
local pii = { "contact jane.doe@example.com", "card 4111 1111 1111 1111", "ssn 123-45-6789",
  "from 192.168.10.24", "call +1 415 555 0100", "iban DE89370400440532013000" }
local bodies = {}
local counter = 0

local function message(i)
  math.randomseed(i * 7919)
  local target = math.random(300, 1000)
  local parts = { os.date("!%Y-%m-%dT%H:%M:%SZ"), "INFO", "svc-" .. (i % 7) }
  local length = 40
  if i % 5 == 0 then
    local p = pii[(i % #pii) + 1]
    table.insert(parts, p)
    length = length + #p
  end
  while length < target do
    local w = words[math.random(#words)]
    table.insert(parts, w)
    length = length + #w + 1
  end
  return table.concat(parts, " ")
end

init = function(args)
  for i = 1, 200 do
    bodies[i] = '{"message":"' .. message(i) .. '","source":"bench"}'
  end
end

request = function()
  counter = counter + 1
  local body = bodies[(counter % #bodies) + 1]
  return wrk.format("POST", "/ingest", { ["Content-Type"] = "application/json", ["X-API-Key"] = key,
    ["X-Scenario-ID"] = scenario }, body)
end
