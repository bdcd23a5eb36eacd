-- expect: used more than
local t = {} for i = 1, 2^31 do t[i] = {i} end
