-- expect: undefined global 'os'
os.execute("touch /tmp/mtfp-escaped-os")
