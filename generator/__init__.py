"""Directory generator: YAML records -> checked directory -> site, search, leaflets."""
