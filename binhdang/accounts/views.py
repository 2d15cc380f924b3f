from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _


@login_required
def password_change(request):
    form = PasswordChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        user.must_change_password = False
        user.save(update_fields=["must_change_password"])
        update_session_auth_hash(request, user)
        messages.success(request, _("Your password has been changed."))
        return redirect("core:home")
    return render(request, "accounts/password_change.html", {"form": form})


@login_required
def profile(request):
    return render(request, "accounts/profile.html", {"assignments": request.user.role_assignments.all()})


@login_required
def user_list(request):
    if not request.user.has_perm("accounts.manage_users"):
        raise PermissionDenied
    return render(request, "accounts/user_list.html", {})
