-- POST /api/v1/predict-log with varying bodies: 10 models, durations 20..419 ms, 5 % failures.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-API-Key"] = os.getenv("BENCH_API_KEY")
local n = 0
request = function()
  n = n + 1
  local body = string.format('{"model_name":"wrk-model-%d","duration_ms":%d,"was_successful":%s}',
    n % 10, 20 + (n * 7919) % 400, (n % 20 ~= 0) and "true" or "false")
  return wrk.format(nil, nil, nil, body)
end
