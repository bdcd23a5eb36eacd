-- A quarter of the Primary Strategy for Change's 2009/10 spend slips to 2010/11.
-- The plan (section 5) has the programme "subject to DCSF approval"; slippage of a
-- new-build programme is the usual risk. The borrowing slips with the spend, so MRP
-- and interest start a year later for that part.
scenario "Primary Strategy for Change: a quarter of 2009/10 slips a year"

capital.slip { programme = "Primary Strategy for Change", year = "2009/10", percent = 0.25 }
