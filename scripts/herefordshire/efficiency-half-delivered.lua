-- The Council's "increasing requirements to deliver Gershon efficiencies" (2.4): a 3%
-- target on the directorate's spend from April 2009, of which only half is delivered.
-- The target is on the spend a service can make more efficient: pay, supplies and
-- services, and third-party payments; not the £800,000 of Capital Financing (debt
-- charges, which no efficiency cuts). The half is what the plan expects, so it is rated
-- green: an amber rating would halve it again in the tracker's risk-adjusted figures.
scenario "3% efficiency target, only half delivered"
local delivered = param("efficiency_delivered", 0.5, { low = 0, high = 1,
  description = "share of the 3% target delivered" })
for _, target in ipairs { { "EFF-3PC-PAY", "Employees" },
                          { "EFF-3PC-SUP", "Supplies and Services" },
                          { "EFF-3PC-TPP", "Third Party Payments" } } do
  local id, subjective = target[1], target[2]
  saving { id = id, service = "*", subjective = subjective, percent = 0.03 * delivered,
           from = "2009-04", type = "cashable", rag = "green",
           reason = "3% efficiency target (Gershon), half delivered: " .. subjective }
end
