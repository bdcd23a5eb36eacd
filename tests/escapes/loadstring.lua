-- expect: undefined global 'loadstring'
loadstring("return 1")()
