"""Authentication backend that refuses locked accounts."""

from django.contrib.auth.backends import ModelBackend


class LockoutModelBackend(ModelBackend):
    """Placeholder: the lock-out logic is added with the accounts service."""
