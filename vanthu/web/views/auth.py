"""Login, logout and password change pages (Django's views with Vietnamese templates)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordChangeForm
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from vanthu.accounts.services import password_change
from vanthu.core.errors import DomainError
from vanthu.core.forms import form_add_refusal
from vanthu.web.forms import LoginForm, VietnamesePasswordChangeForm


class LoginView(auth_views.LoginView):
    """The Vietnamese login page; a logged-in user goes straight to their start page."""

    template_name = "web/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    """Log out on POST only (Django refuses GET with 405)."""


@method_decorator(never_cache, name="dispatch")
class PasswordChangeView(auth_views.PasswordChangeView):
    """Change one's own password through the audited service; input is re-shown on error."""

    template_name = "web/password_change.html"
    form_class = VietnamesePasswordChangeForm
    success_url = reverse_lazy("web:home")

    def form_valid(self, form: PasswordChangeForm) -> HttpResponse:
        user = form.user
        try:
            password_change(
                actor=user,
                user=user,
                old_password=form.cleaned_data["old_password"],
                new_password=form.cleaned_data["new_password1"],
            )
        except DomainError as error:
            form_add_refusal(form, error, fields={"new_password": "new_password1"})
            return self.form_invalid(form)
        update_session_auth_hash(self.request, user)
        messages.success(self.request, _("Đã đổi mật khẩu."))
        return HttpResponseRedirect(self.get_success_url())
