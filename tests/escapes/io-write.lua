-- expect: undefined global 'io'
io.open("/tmp/mtfp-escaped-io", "w"):write("x")
