"""Commands of `python -m devtools`: the same interface as `generator.commands`."""
