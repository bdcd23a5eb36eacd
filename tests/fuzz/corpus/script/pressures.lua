scenario "Pressures and savings"

pressure { service = "Placements & Resources", subjective = "Third Party Payments",
           amount = 450000, from = "2010-10", reason = "three placements from October" }

saving { id = "EFF", service = "*", percent = 0.03, from = "2010/11", rag = "amber",
         reason = "3% of every expenditure line" }

saving { id = "NC1", service = "Assessment", subjective = "Supplies and Services",
         amount = 100, from = "2010-04", type = "non-cashable", reason = "reported only" }

adjust { service = "Assessment", subjective = "Government Grants", amount = -5000,
         inflate = false, from = "2011-04", to = "2012-03", reason = "one year of lost grant" }
