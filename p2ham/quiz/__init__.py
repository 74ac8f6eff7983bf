"""Self-check quizzes: what makes a question valid, how a page's two languages must agree, and the learner's
progress page. The Markdown blocks that authors write are parsed by :mod:`p2ham.mdext.quiz`."""
