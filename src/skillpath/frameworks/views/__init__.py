"""Pages of frameworks: frameworks and competencies, job profiles, employer reviews."""
