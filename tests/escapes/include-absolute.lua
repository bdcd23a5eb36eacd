-- expect: the script's own directory
include "/etc/passwd"
