-- A 3% efficiency saving on children's social services from April 2006.
--
-- Herefordshire's plan (2.4) describes "increasing requirements to deliver Gershon
-- efficiencies until the end of 2011"; 3% a year was the national Gershon-era
-- target for cash-releasing efficiency. Waltham Forest's plan (5.14) says the
-- council "is committed not to require the service to contribute to the annual
-- cost reductions": this scenario shows what such a contribution would be worth.
-- Income is not cut: a percent saving with no subjective applies to spend only.
scenario "3% efficiency target on children's social services"

saving {
  id = "EFF-3PC",
  partner = "Social Services", service = "*", percent = 0.03, from = "2006/07",
  type = "cashable", rag = "amber",
  reason = "Directorate efficiency target of 3% (Gershon)",
}
