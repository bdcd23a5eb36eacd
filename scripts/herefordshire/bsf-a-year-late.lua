-- Building Schools for the Future starts a year late: the £1.5m of implementation
-- planned for 2009/10 (section 5: "£800 - £1.5m in 2009/2010") is spent in 2010/11.
-- The risk register (CYP1) rates failing to find the capital resources as HIGH.
scenario "Building Schools for the Future starts a year late"

capital.slip { scheme = "BSF implementation", year = "2009/10", percent = 1, to_year = "2010/11" }
