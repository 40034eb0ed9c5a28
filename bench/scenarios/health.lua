-- wrk script: GET /health (the baseline /ingest is compared with).
request = function()
  return wrk.format("GET", "/health")
end
