"""Sign-in pages: login (throttled), logout, password change, and the user's own profile."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters

from binhdang.accounts import services
from binhdang.accounts.forms import LoginForm, OwnPasswordChangeForm
from binhdang.accounts.models import Role


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    """Logout by POST only (Django's default); back to the login page."""


@sensitive_post_parameters()
@login_required
def password_change(request):
    """Change one's own password; required at first login and after a reset (see the middleware)."""
    form = OwnPasswordChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.change_own_password(request.user, form.cleaned_data["new_password1"])
        update_session_auth_hash(request, request.user)
        messages.success(request, _("Your password has been changed."))
        return redirect("core:home")
    return render(
        request, "accounts/password_change.html", {"form": form, "forced": request.user.must_change_password}
    )


@login_required
def profile(request):
    """The user's name, roles and units, and a link to change the password."""
    assignments = request.user.role_assignments.select_related("org_unit", "org_unit__province").order_by(
        "role", "org_unit__name"
    )
    return render(
        request,
        "accounts/profile.html",
        {"assignments": assignments, "is_admin": request.user.is_superuser, "Role": Role},
    )
