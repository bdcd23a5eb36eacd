-- expect: undefined global 'loadfile'
loadfile("/etc/passwd")()
