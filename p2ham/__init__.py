"""The P2HAM site generator's own code, engine-free (no MkDocs import), in the order data flows to pages:

- ``core``: what every other package uses: problems, the one YAML reader, page sources, page markers, rendering,
  interface strings, dates, addresses;
- ``course``: the course as authors write it: modules, glossary, agendas, contact;
- ``quiz`` and ``trainer``: self-check quizzes and the trainer's views of each module;
- ``units``: work-unit data, from YAML or spreadsheets, to unit pages;
- ``mdext``: the Markdown extensions authors write in (quiz blocks, trainer notes, checklists);
- ``publish``: from built pages to a published site (search, security policy, previews, share, offline archive);
- ``context``: what one language's build knows, made once at its start;
- ``serve``: the site on the author's computer, rebuilt when any input is saved (``./dev serve``).

See ARCHITECTURE.md for the flow and the hooks that adapt these packages to MkDocs.
"""
