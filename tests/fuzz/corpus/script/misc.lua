index("pay", {0.1, 0.2})
funding { source = "X", amounts = { ["2010/11"] = 5 } }
local g = param("g", 1)
