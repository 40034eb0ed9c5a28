-- wrk script: POST /ingest/batch with an NDJSON file of messages (BATCH_FILE).
local scenario = os.getenv("SCENARIO_ID")
local key = os.getenv("API_KEY")
local file = io.open(os.getenv("BATCH_FILE"), "rb")
local body = file:read("*a")
file:close()

request = function()
  return wrk.format("POST", "/ingest/batch", { ["Content-Type"] = "application/x-ndjson", ["X-API-Key"] = key,
    ["X-Scenario-ID"] = scenario }, body)
end
