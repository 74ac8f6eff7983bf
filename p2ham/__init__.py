"""Plain-Python core of the P2HAM site: reading, validating and rendering, without MkDocs."""
