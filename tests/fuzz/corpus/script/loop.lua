local t = {}
for i = 1, 10 do t[i] = i end
print(#t)
