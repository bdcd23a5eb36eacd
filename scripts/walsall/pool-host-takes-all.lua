scenario "Twelve more placements: the Council bears the overspend"
include "more-placements.lua"
pools["Looked after children placements"].risk_share = "host"
