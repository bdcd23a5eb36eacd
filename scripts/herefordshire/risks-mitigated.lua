-- Herefordshire's directorate risk register (seed 003, Appendix 2) after its mitigation: the
-- plan publishes each risk's residual likelihood and severity once its mitigation actions are
-- in place. CYP1 falls from 12 HIGH to 6 MEDIUM, CYP2 and CYP3 to 4 LOW, CYP4 to 2 LOW and CYP5
-- to 4 LOW; the priced risks' expected cost falls with their likelihood (60% to 30%).
scenario "Risks mitigated: the register's residual scores"
local residual = {
  { "CYP1", 2, 3 }, { "CYP2", 2, 2 }, { "CYP3", 2, 2 }, { "CYP4", 1, 2 }, { "CYP5", 2, 2 },
}
for _, r in ipairs(residual) do
  risks[r[1]].likelihood = r[2]
  risks[r[1]].severity = r[3]
end
