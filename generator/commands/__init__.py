"""One module per command; discovered by `generator.__main__`."""
