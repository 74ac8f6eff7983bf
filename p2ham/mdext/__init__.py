"""Python-Markdown extensions of the site (no MkDocs import: they work with any Markdown-based engine)."""
