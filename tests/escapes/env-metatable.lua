-- expect: cannot change a protected metatable
setmetatable(_ENV, nil) x = 1
