-- wrk script: token verification cycling through every demo channel's token (one per line in the
-- file named by TOKENS_FILE, already URL-encoded), so the node sees many distinct tokens.
local tokens = {}
for line in io.lines(os.getenv("TOKENS_FILE")) do
  if #line > 0 then tokens[#tokens + 1] = line end
end
local i = 0
function request()
  i = i % #tokens + 1
  return wrk.format("GET", "/api/public/verify?q=" .. tokens[i])
end
