-- wrk script: POST /ingest/batch with an NDJSON file of messages (BATCH_FILE); BATCH_QUERY (e.g.
-- "?response=summary") is appended to the path.
local scenario = os.getenv("SCENARIO_ID")
local key = os.getenv("API_KEY")
local path = "/ingest/batch" .. (os.getenv("BATCH_QUERY") or "")
local file = io.open(os.getenv("BATCH_FILE"), "rb")
local body = file:read("*a")
file:close()

request = function()
  return wrk.format("POST", path, { ["Content-Type"] = "application/x-ndjson", ["X-API-Key"] = key,
    ["X-Scenario-ID"] = scenario }, body)
end
