"""Forms for the web UI: login with the one generic refusal message."""

from __future__ import annotations

from django.contrib.auth.forms import AuthenticationForm

from vanthu.accounts.lockout import LOGIN_FAILED_MESSAGE


class LoginForm(AuthenticationForm):
    """Django's login form whose every refusal shows the same Vietnamese message.

    Wrong name, wrong password, inactive and locked accounts are indistinguishable.
    """

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": LOGIN_FAILED_MESSAGE,
        "inactive": LOGIN_FAILED_MESSAGE,
    }
