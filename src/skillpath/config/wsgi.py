"""WSGI entry point: ``gunicorn skillpath.config.wsgi``."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "skillpath.config.settings")
application = get_wsgi_application()
