-- expect: assignment to undefined global 'x'
local mt = getmetatable(_ENV) if type(mt) == "table" then mt.__newindex = nil end x = 1
