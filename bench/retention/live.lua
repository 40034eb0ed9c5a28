-- wrk script: GET /api/v2/health/live, which touches no database: run beside /ingest, it measures the CPU
-- left to the server in the same window, so that windows can be compared on a machine others share.
request = function()
  return wrk.format("GET", "/api/v2/health/live")
end
