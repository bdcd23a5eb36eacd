-- expect: undefined global 'require'
local os = require("os") os.execute("touch /tmp/mtfp-escaped-require")
