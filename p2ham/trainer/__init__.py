"""The trainer's views of each module (presentation, trainer's handout, participant's handout, print-all page) and
the timing of its sections. The ``/// trainer`` notes that authors write are parsed by :mod:`p2ham.mdext.trainer`."""
