-- wrk script: GET a scenario's metrics (SCENARIO_ID).
local path = "/api/v1/scenarios/" .. os.getenv("SCENARIO_ID") .. "/metrics"
local key = os.getenv("API_KEY")
request = function()
  return wrk.format("GET", path, { ["X-API-Key"] = key })
end
