-- expect: give 1 to 30 rates
local r = {} for i = 1, 1e6 do r[i] = 0.01 end index("pay", r)
