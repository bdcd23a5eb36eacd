-- expect: the script's own directory
include "../fixtures/small/model.lua"
