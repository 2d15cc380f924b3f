"""Pages of the two-factor login (see ``accounts.two_factor``): status, set-up, code step, turning it
off, and the administrator's removal of a lost device."""

from __future__ import annotations

from functools import partial

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from binhdang.accounts import two_factor
from binhdang.accounts.models import User


class TokenForm(forms.Form):
    token = forms.CharField(
        label=gettext_lazy("6-digit code from the authenticator app"),
        max_length=16,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "autocapitalize": "none",
                "spellcheck": "false",
                "autofocus": True,
            }
        ),
    )

    def clean_token(self) -> str:
        token = two_factor.normalise_token(self.cleaned_data["token"])
        if not (token.isdigit() and len(token) == 6):
            raise forms.ValidationError(
                _("The code has exactly 6 digits (spaces do not matter); “%(value)s” is not such a code.")
                % {"value": self.cleaned_data["token"]}
            )
        return token


def _code_accepted(request, form: TokenForm, check) -> bool:
    """Run ``check(token)`` unless django-otp is still making the user wait after wrong codes.

    Adds the reason to the form when the code is not accepted: the wait, or a wrong/expired code.
    """
    wait = two_factor.seconds_until_retry(request.user)
    if wait:
        form.add_error(
            "token",
            _("Too many wrong codes. Wait %(seconds)d seconds, then enter the code now shown in the app.")
            % {"seconds": wait},
        )
        return False
    if check(form.cleaned_data["token"]):
        return True
    form.add_error(
        "token",
        _(
            "The code is wrong or has expired. Enter the code now shown in the app (it changes every "
            "30 seconds); check that the phone's clock is right."
        ),
    )
    return False


@login_required
def overview(request):
    """Whether two-factor login is on, and the buttons to set it up or turn it off."""
    return render(
        request,
        "accounts/two_factor.html",
        {
            "enabled": two_factor.has_two_factor(request.user),
            "may_enrol": two_factor.may_enrol(request.user),
            "form": TokenForm(),
        },
    )


@login_required
@never_cache
@sensitive_post_parameters("token")
def setup(request):
    """POST without a code: start (a new secret). GET: the QR code. POST with a code: confirm."""
    if not two_factor.may_enrol(request.user):
        raise PermissionDenied
    if two_factor.has_two_factor(request.user):
        messages.info(request, _("Two-factor login is already on for your account."))
        return redirect("accounts:two_factor")
    if request.method == "POST" and "token" not in request.POST:
        two_factor.start_enrolment(request.user)
        return redirect("accounts:two_factor_setup")
    device = two_factor.pending_device(request.user)
    if device is None:
        return redirect("accounts:two_factor")
    form = TokenForm(request.POST if request.method == "POST" else None)

    def confirm(token: str) -> bool:
        return two_factor.confirm_enrolment(request, token) is not None

    if request.method == "POST" and form.is_valid() and _code_accepted(request, form, confirm):
        messages.success(
            request, _("Two-factor login is on. From now on, logging in asks for the code of the app.")
        )
        return redirect("accounts:two_factor")
    return render(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "qr_svg": two_factor.qr_code_svg(device, _("QR code to scan with the authenticator app")),
            "secret": two_factor.secret_for_display(device),
        },
    )


def _safe_next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("core:home")


@login_required
@never_cache
@sensitive_post_parameters("token")
def verify(request):
    """The code step of the login, for users with two-factor login on."""
    if not two_factor.has_two_factor(request.user):  # e.g. an admin removed the device meanwhile
        request.session[two_factor.SESSION_FLAG] = False
        return redirect(_safe_next(request))
    if request.user.is_verified():
        return redirect(_safe_next(request))
    form = TokenForm(request.POST if request.method == "POST" else None)
    check = partial(two_factor.verify_login, request)
    if request.method == "POST" and form.is_valid() and _code_accepted(request, form, check):
        return redirect(_safe_next(request))
    return render(
        request,
        "accounts/two_factor_verify.html",
        {"form": form, "next": request.POST.get("next") or request.GET.get("next") or ""},
    )


@login_required
@require_POST
@sensitive_post_parameters("token")
def disable(request):
    """Turn two-factor login off, with a current code."""
    form = TokenForm(request.POST)
    if form.is_valid() and _code_accepted(request, form, partial(two_factor.disable, request)):
        messages.success(request, _("Two-factor login is off. Logging in now asks for the password only."))
        return redirect("accounts:two_factor")
    return render(
        request,
        "accounts/two_factor.html",
        {"enabled": two_factor.has_two_factor(request.user), "may_enrol": True, "form": form},
        status=400,
    )


@login_required
def remove_for_user(request, pk: int):
    """An administrator removes the devices of a user who lost their phone (GET asks, POST does)."""
    if not request.user.is_superuser:
        raise PermissionDenied
    target = get_object_or_404(User, pk=pk)
    if request.method == "POST":
        removed = two_factor.remove_devices(request.user, target)
        if removed:
            messages.success(
                request,
                _(
                    "Two-factor login of %(user)s has been removed. They can log in with the password "
                    "and set it up again."
                )
                % {"user": target.get_username()},
            )
        else:
            messages.info(request, _("%(user)s had no two-factor device.") % {"user": target.get_username()})
        return redirect("accounts:user_detail", pk=target.pk)
    return render(
        request,
        "accounts/two_factor_remove.html",
        {"target": target, "enabled": two_factor.has_two_factor(target)},
    )
