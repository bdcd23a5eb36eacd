-- expect: expected a month
pressure { service = "Assessment", subjective = "Premises", amount = 1, from = "999999999-01" }
