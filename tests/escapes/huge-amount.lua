-- expect: expected a finite amount
pressure { service = "Assessment", subjective = "Premises", amount = 2^63, from = "2010-04" }
