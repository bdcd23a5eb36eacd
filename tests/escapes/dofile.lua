-- expect: undefined global 'dofile'
dofile("/etc/passwd")
