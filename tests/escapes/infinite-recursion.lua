-- expect: used more than
local function f() return 1 + f() end f()
