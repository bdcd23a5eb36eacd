-- expect: used more than
local t = {} local c = t for i = 1, 1e8 do c[1] = {} c = c[1] end
