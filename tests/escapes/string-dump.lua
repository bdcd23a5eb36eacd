-- expect: attempt to call a nil value
local f = string.dump(function() end)
