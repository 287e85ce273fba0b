"""Every write to assessments: one module per subject, one function per use case.

``bank`` (items and policies), ``delivery`` (adaptive sittings), ``evidence`` (tasks
and prior-learning claims), ``calibration`` (item parameters from responses) and
``interchange`` (item import and export).
"""
