-- wrk script: each request is a citizen's tip (JSON) to Phường Ba Đình (00004), numbered per thread.
local threads = 0
function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end
local n = 0
function request()
  n = n + 1
  local body = string.format('{"unit":"00004","category":"other","text":"Tin báo đo tải %d-%d"}', tid, n)
  return wrk.format("POST", "/api/public/tips", {["Content-Type"] = "application/json"}, body)
end
