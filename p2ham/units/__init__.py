"""Work-unit progress data: one schema, loading from YAML or spreadsheets, validation, rendering. No MkDocs."""
