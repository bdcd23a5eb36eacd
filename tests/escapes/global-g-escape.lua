-- expect: attempt to index a nil value
local os = _G.os os.execute("touch /tmp/mtfp-escaped-g")
