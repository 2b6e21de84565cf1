"""Settings split by purpose: base, development, test, production."""
