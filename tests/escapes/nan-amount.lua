-- expect: expected a finite number
pressure { service = "Assessment", subjective = "Premises", percent = 0/0, from = "2010-04" }
