-- wrk script: each request creates a new commune under Hà Nội (01) with a unique 5-digit code,
-- as the ministry admin (token in BENCH_TOKEN). Codes start at BENCH_CODE_BASE; each wrk thread
-- takes its own block of BENCH_CODE_BLOCK codes.
local token = os.getenv("BENCH_TOKEN")
local base = tonumber(os.getenv("BENCH_CODE_BASE") or "40000")
local block = tonumber(os.getenv("BENCH_CODE_BLOCK") or "10000")
local threads = 0

function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end

local n = 0
function request()
  n = n + 1
  local code = base + tid * block + n
  local body = string.format('{"code":"%05d","name":"Đơn vị đo tải %d","level":"commune"}', code, code)
  return wrk.format("POST", "/api/units/01/children",
    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}, body)
end

local non201 = 0
function response(status, headers, body)
  if status ~= 201 then non201 = non201 + 1 end
end
