scenario "Twelve more placements: overspend shared pro rata"
include "more-placements.lua"
pools["Looked after children placements"].risk_share = "pro-rata"
