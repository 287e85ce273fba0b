"""Settings for the test suite: the real settings, with test-only speed-ups."""

import os

os.environ.setdefault("SKILLPATH_TESTING", "1")
# pytest-django's live server and Playwright's sync API share one process.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
# Tasks run where they are enqueued (after commit); common/tests/test_queue.py runs
# real consumers in processes of their own.
os.environ.setdefault("SKILLPATH_QUEUE_IMMEDIATE", "1")

from skillpath.config.settings import *  # noqa: E402,F403

# Argon2 is what production uses (see settings.py); tests hash fast.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # noqa: S303
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = VAR_DIR / "test-media"  # noqa: F405
