scenario "Twelve more placements: shared 50/50, the PCT capped at £50,000"
include "more-placements.lua"
pools["Looked after children placements"].risk_share = { Council = 0.5, PCT = 0.5 }
pools["Looked after children placements"].cap = { PCT = 50000 }
