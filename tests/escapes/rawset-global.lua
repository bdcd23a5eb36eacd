-- expect: undefined global 'rawset'
rawset(_G, "os", 1)
