"""People and organisations: names and their spellings, name spans, people with their posts and roles."""
