-- expect: links outside it
include "link-out.lua"
