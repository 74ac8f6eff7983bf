"""The course as authors write it: training modules (their front matter), the glossary, the session agendas and
the site's contact."""
