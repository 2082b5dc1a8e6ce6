"""Forms of the web shell: login and password change, with Vietnamese messages."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.utils.translation import gettext_lazy as _

from vanthu.accounts.lockout import LOGIN_FAILED_MESSAGE


class LoginForm(AuthenticationForm):
    """Log in with one generic message for every refusal; the typed username is kept."""

    error_messages = {
        "invalid_login": LOGIN_FAILED_MESSAGE,
        "inactive": LOGIN_FAILED_MESSAGE,
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Tên đăng nhập")
        self.fields["password"].label = _("Mật khẩu")
        self.fields["username"].widget.attrs["autocomplete"] = "username"
        self.fields["password"].widget.attrs["autocomplete"] = "current-password"
        # After a refusal the username is kept, so the cursor goes where the retyping starts.
        first = "password" if self.data.get("username") else "username"
        for name in ("username", "password"):
            self.fields[name].widget.attrs.pop("autofocus", None)
        self.fields[first].widget.attrs["autofocus"] = True


class VietnamesePasswordChangeForm(PasswordChangeForm):
    """Django's password change with Vietnamese labels.

    Passwords are never written back into the page after an error (they would sit in the HTML
    and the browser cache); every other form keeps what the user typed.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labels = {
            "old_password": _("Mật khẩu hiện tại"),
            "new_password1": _("Mật khẩu mới"),
            "new_password2": _("Nhập lại mật khẩu mới"),
        }
        for name, label in labels.items():
            self.fields[name].label = label
