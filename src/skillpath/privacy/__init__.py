"""A learner's own data: download everything held about them, or delete the account.

This package sits above the apps (beside web and api) because both the export and
the deletion reach into every app that holds something about the person.
"""
