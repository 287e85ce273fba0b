"""Every write to learning: one module per subject, one function per use case.

``catalogue`` (modules), ``plans`` (learning plans), ``progress`` (a learner's work on
a plan item), ``csv_io`` (module import and export) and ``reassess`` (back to
assessment).
"""
