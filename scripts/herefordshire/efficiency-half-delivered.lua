-- The Council's "increasing requirements to deliver Gershon efficiencies" (2.4): a 3%
-- target on the directorate's spend from April 2009, of which only half is delivered.
scenario "3% efficiency target, only half delivered"
local delivered = param("efficiency_delivered", 0.5, { low = 0, high = 1,
  description = "share of the 3% target delivered" })
saving { id = "EFF-3PC", service = "*", percent = 0.03 * delivered, from = "2009-04",
         type = "cashable", rag = "amber",
         reason = "3% efficiency target (Gershon), half delivered" }
