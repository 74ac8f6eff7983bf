"""What every other package uses: problems and how they are reported, the one YAML reader, Markdown page sources,
page markers, template rendering, interface strings, dates and durations, and page addresses.

Nothing here knows about training modules, quizzes, units or the site engine (MkDocs)."""
