-- expect: undefined global 'os'
os.remove("/tmp/anything")
