"""Settings for a server deployment: refuse to start when unsafe."""

import os

from django.core.exceptions import ImproperlyConfigured

from config.settings.base import *  # noqa: F403
from config.settings.base import DEBUG

if DEBUG:
    raise ImproperlyConfigured("VANTHU_DEBUG must be off in production.")
if not os.environ.get("VANTHU_SECRET_KEY"):
    raise ImproperlyConfigured("VANTHU_SECRET_KEY must be set in production.")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
