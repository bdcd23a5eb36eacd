-- expect: expected a finite amount
pressure { service = "Assessment", subjective = "Premises", amount = 1/0, from = "2010-04" }
