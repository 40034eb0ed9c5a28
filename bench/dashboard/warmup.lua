-- wrk script: cycles through every measured page (and /health) to warm the server up.
local cookie = os.getenv("SESSION_COOKIE")
local paths = {}
for p in string.gmatch(os.getenv("PAGE_PATHS"), "%S+") do table.insert(paths, p) end
local i = 0
request = function()
  i = i % #paths + 1
  local accept = (paths[i]:sub(1, 3) == "/ui") and "text/html" or "application/json"
  return wrk.format("GET", paths[i], { ["Cookie"] = cookie, ["Accept"] = accept })
end
