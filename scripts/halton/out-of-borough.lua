-- Halton's local indicator CS LPI 8 (seed 004): "Number of children with complex needs
-- educated out of borough", a new indicator with a target of 96 for 2006/07 (the base
-- year: the model takes it as the number placed) and targets of 89, 85 and 80 for the
-- three years after. At the average cost
-- of the out-of-borough budget (£1.2m / 96 = £12,500 a child, illustrative), each step
-- is a cashable saving from April of its year; the later steps are less certain.
scenario "Out-of-borough placements: 96 -> 89 -> 85 -> 80"
local cost = param("out_of_borough_cost", 12500, { low = 10000, high = 20000,
  description = "a year, for one child educated out of borough" })
local steps = {
  { id = "OOB-1", children = 96 - 89, from = "2007-04", rag = "green" },
  { id = "OOB-2", children = 89 - 85, from = "2008-04", rag = "amber" },
  { id = "OOB-3", children = 85 - 80, from = "2009-04", rag = "red" },
}
for _, step in ipairs(steps) do
  saving { id = step.id, service = "Disability and Complex Needs",
           subjective = "Third Party Payments", amount = step.children * cost,
           from = step.from, type = "cashable", rag = step.rag,
           reason = step.children .. " fewer children educated out of borough (CS LPI 8)" }
end
