-- Halton's plan (5.2) records "No Change" in staffing for 2007/08 and 2008/09, "difficult
-- at this stage to project". This scenario asks what holding the line would save: the
-- two vacant front-line posts in Children & Families Extended Services are deleted from
-- April 2007, and a 3% vacancy factor is assumed on every division's pay bill.
scenario "Delete the vacant front-line posts and assume a 3% vacancy factor"

staffing.delete_vacant { service = "Children & Families Extended Services",
                         category = "Front Line", from = "2007-04",
                         reason = "vacant posts not recruited to" }
staffing.vacancy { service = "*", rate = 0.03, reason = "turnover across the directorate" }
