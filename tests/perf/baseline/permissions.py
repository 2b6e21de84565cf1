from accounts.access import Public, register

register({"perf_baseline:*": Public()})
