"""Forms of the accounts app: login (with throttling), user creation and editing, bulk creation."""

from __future__ import annotations

from typing import cast

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.core.exceptions import ValidationError
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy

from binhdang.accounts import access, throttle
from binhdang.accounts.backends import THROTTLED_ATTRIBUTE
from binhdang.accounts.models import Role
from binhdang.orgunits.models import OrgUnit

USERNAME_STYLES = [
    ("name", _("From the unit name (e.g. xa-ea-kar)")),
    ("code", _("From the unit code (e.g. 66-c001)")),
]


class _WrittenInput:
    """An ``<input>`` written here as Django's ``input.html`` and ``attrs.html`` write it, character for
    character, without the template engine: the login page is everyone's first request, and its two
    inputs through the form renderer's templates were a third of the page's time. Every value goes
    through ``conditional_escape``, as the templates' autoescaping does."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]  # type: ignore[attr-defined]
        html = (
            f'<input type="{conditional_escape(widget["type"])}" name="{conditional_escape(widget["name"])}"'
        )
        if widget["value"] is not None:
            html += f' value="{conditional_escape(widget["value"])}"'
        for key, attr in widget["attrs"].items():
            if attr is not False:
                html += (
                    f" {conditional_escape(key)}"
                    if attr is True
                    else f' {conditional_escape(key)}="{conditional_escape(attr)}"'
                )
        return mark_safe(html + ">")


class LoginTextInput(_WrittenInput, forms.TextInput):
    pass


class LoginPasswordInput(_WrittenInput, forms.PasswordInput):
    pass


class LoginForm(AuthenticationForm):
    """Django's login form, refusing attempts while the username or address is locked."""

    error_messages = {
        "invalid_login": _(
            "Wrong username or password. Check both (capital letters count) and try again; after "
            "several wrong attempts, logging in is blocked for a while."
        ),
        "inactive": _("This account has been deactivated. Contact your province's focal officer."),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        username, password = self.fields["username"].widget, self.fields["password"].widget
        self.fields["username"].widget = LoginTextInput(attrs=username.attrs)
        self.fields["password"].widget = LoginPasswordInput(attrs=password.attrs, render_value=False)
        for field, former in ((self.fields["username"], username), (self.fields["password"], password)):
            field.widget.is_required = former.is_required
        self.fields["username"].label = pgettext_lazy("account", "Username")
        self.fields["username"].widget.attrs.update({"autocomplete": "username", "autocapitalize": "none"})
        self.fields["password"].label = _("Password")

    def clean(self):
        username = self.cleaned_data.get("username")
        if username is not None and self.cleaned_data.get("password") and self.request is not None:
            # The backend checks the throttle before the password (one read of the failures) and
            # leaves the time left on the request when it refuses.
            try:
                return super().clean()
            except ValidationError:
                remaining = getattr(self.request, THROTTLED_ATTRIBUTE, None)
                if remaining:
                    raise self._throttled(remaining) from None
                raise
        remaining = throttle.lockout_remaining(username, throttle.client_ip(self.request))
        if username is not None and remaining is not None:
            raise self._throttled(remaining)
        return super().clean()

    @staticmethod
    def _throttled(remaining) -> ValidationError:
        minutes = throttle.minutes_to_wait(remaining)
        return ValidationError(
            ngettext(
                "Too many failed login attempts. Logging in is blocked; try again in %(minutes)d minute.",
                "Too many failed login attempts. Logging in is blocked; try again in %(minutes)d minutes.",
                minutes,
            )
            % {"minutes": minutes},
            code="throttled",
        )


class OwnPasswordChangeForm(PasswordChangeForm):
    """Django's password change form; saving is done by ``services.change_own_password``."""


class UnitsField(forms.ModelMultipleChoiceField):
    """Checkboxes of units, labelled by name, with a message that says which choice is wrong."""

    widget = forms.CheckboxSelectMultiple
    default_error_messages = {
        "invalid_choice": _("The unit with number %(value)s does not exist or is not in your province."),
        "invalid_pk_value": _("“%(pk)s” is not a unit number."),
    }

    def label_from_instance(self, obj: OrgUnit) -> str:
        return obj.name


def _reporter_units(province: OrgUnit):
    return access.reporter_units_of(province).filter(is_active=True).order_by("type", "name")


class UserDetailsForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=150, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    phone = forms.CharField(label=_("Phone"), max_length=32, required=False)


class UserCreateForm(UserDetailsForm):
    username = forms.CharField(
        label=pgettext_lazy("account", "Username"),
        max_length=150,
        help_text=_("Lower-case letters without accents, digits, dots or dashes, e.g. nguyen.thi.hoa"),
    )
    role = forms.ChoiceField(label=_("Role"))
    units = UnitsField(
        label=_("Units (for a reporter)"),
        queryset=OrgUnit.objects.none(),
        required=False,
        help_text=_("The units this person reports for. Not needed for a focal officer or a leader."),
    )
    field_order = ["username", "full_name", "email", "phone", "role", "units"]

    def __init__(self, *args, actor, province: OrgUnit, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["role"]).choices = [
            (r, Role(r).label) for r in access.grantable_roles(actor)
        ]
        cast(UnitsField, self.fields["units"]).queryset = _reporter_units(province)

    def clean(self):
        cleaned = super().clean() or {}
        if cleaned.get("role") == Role.REPORTER and not cleaned.get("units"):
            self.add_error("units", _("Choose at least one unit the reporter reports for."))
        return cleaned


class UserEditForm(UserDetailsForm):
    focal_officer = forms.BooleanField(label=_("Focal officer of the province"), required=False)
    leader = forms.BooleanField(label=_("Leader (reads the whole province)"), required=False)
    units = UnitsField(label=_("Reporter for the units"), queryset=OrgUnit.objects.none(), required=False)
    ministry_viewer = forms.BooleanField(label=_("Ministry viewer (reads every province)"), required=False)

    def __init__(self, *args, actor, province: OrgUnit, **kwargs):
        super().__init__(*args, **kwargs)
        cast(UnitsField, self.fields["units"]).queryset = _reporter_units(province)
        if Role.MINISTRY_VIEWER not in access.grantable_roles(actor):
            del self.fields["ministry_viewer"]


class BulkCreateForm(forms.Form):
    units = UnitsField(
        label=pgettext_lazy("account", "Units"), queryset=OrgUnit.objects.none(), required=False
    )
    style = forms.ChoiceField(
        label=_("Usernames"), choices=USERNAME_STYLES, initial="name", widget=forms.RadioSelect
    )

    def __init__(self, *args, province: OrgUnit, **kwargs):
        super().__init__(*args, **kwargs)
        cast(UnitsField, self.fields["units"]).queryset = _reporter_units(province)
