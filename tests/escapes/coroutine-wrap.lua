-- expect: undefined global 'coroutine'
coroutine.wrap(function() end)()
