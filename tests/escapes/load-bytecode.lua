-- expect: undefined global 'load'
load("\27Lua\84\0", "x", "b")()
