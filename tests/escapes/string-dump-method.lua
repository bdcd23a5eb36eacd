-- expect: attempt to call a nil value
local f = ("x").dump(function() end)
