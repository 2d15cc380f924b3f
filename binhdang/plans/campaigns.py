"""A plan's campaigns and commemorative days: the usual set added at import, and the focal officer's
edits (add, change, remove).

At import (:func:`add_usual`, called by ``plan_builder``) the campaigns the plan's text names are kept
as read (``origin`` "plan"); when the text names no commemorative day, the usual days of the gender
equality work are added (``origin`` "default"), and the national Action Month (15/11-15/12) when the
plan does not name it. A day the plan already names (same date) is never added twice.

The edits check that ``user`` may manage the plan (``plans.access.can_manage_plan``: its province's
focal officers), validate the input (``EditError`` naming each refused field, in Vietnamese; nothing
changed), run in one transaction and leave history rows attributed to ``user``. Removing a campaign
for which activities are recorded is refused: the units' log would lose its link.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from binhdang.core import audit
from binhdang.core.text import nfc
from binhdang.plans import access
from binhdang.plans.errors import EditError
from binhdang.plans.extraction.numbers import valid_day
from binhdang.plans.models import Campaign, CampaignOrigin, Plan


@dataclass(frozen=True)
class UsualCampaign:
    name: str
    start: tuple[int, int]  # (month, day)
    end: tuple[int, int] | None = None


#: The Action Month, set by the national programme for every year (15/11-15/12).
ACTION_MONTH = UsualCampaign(
    "Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới", (11, 15), (12, 15)
)
#: The commemorative days the provinces' gender equality work usually marks, when a plan names none.
USUAL_DAYS = [
    UsualCampaign("Ngày Quốc tế Phụ nữ", (3, 8)),
    UsualCampaign("Ngày Quốc tế Thiếu nhi", (6, 1)),
    UsualCampaign("Ngày Gia đình Việt Nam", (6, 28)),
    UsualCampaign("Ngày Dân số thế giới", (7, 11)),
    UsualCampaign("Ngày Phụ nữ Việt Nam", (10, 20)),
    UsualCampaign("Ngày Quốc tế xóa bỏ bạo lực đối với phụ nữ", (11, 25)),
]


def add_usual(plan: Plan, user=None) -> list[Campaign]:
    """Add the usual campaigns the plan does not name (see the module's text); returns those added."""
    named = list(plan.campaigns.all())
    starts = {(c.start_month, c.start_day) for c in named}
    wanted = [] if any(c.is_period and c.start_month == 11 for c in named) else [ACTION_MONTH]
    if not any(not c.is_period for c in named):
        wanted += USUAL_DAYS
    order = max((c.order for c in named), default=0)
    added = []
    for usual in wanted:
        if usual.start in starts and usual.end is None:
            continue
        order += 1
        campaign = Campaign(
            plan=plan,
            name=usual.name,
            start_month=usual.start[0],
            start_day=usual.start[1],
            end_month=usual.end[0] if usual.end else None,
            end_day=usual.end[1] if usual.end else None,
            origin=CampaignOrigin.DEFAULT,
            order=order,
        )
        audit.by(campaign, user).save()
        added.append(campaign)
    return added


def _day(errors: dict[str, str], field: str, label: str, value) -> tuple[int, int] | None:
    """A "dd/mm" day of the year, or None (with the reason in ``errors``)."""
    text = str(value or "").strip().replace("-", "/").replace(".", "/")
    parts = text.split("/")
    if len(parts) == 2 and all(p.strip().isdigit() for p in parts):
        day, month = int(parts[0]), int(parts[1])
        if valid_day(day, month):
            return month, day
    errors[field] = _('%(label)s: "%(value)s" is not a day of the year (dd/mm, e.g. 15/11).') % {
        "label": label,
        "value": text,
    }
    return None


def _clean(data: dict) -> dict:
    """The values of a campaign from the officer's form (name, start "dd/mm", end "dd/mm" or blank)."""
    errors: dict[str, str] = {}
    name = nfc(str(data.get("name") or "")).strip()
    if not name:
        errors["name"] = _("Enter the name of the campaign or day.")
    elif len(name) > 500:
        errors["name"] = _("The name is longer than 500 characters.")
    start = _day(errors, "start", _("First day"), data.get("start"))
    end = None
    if str(data.get("end") or "").strip():
        end = _day(errors, "end", _("Last day"), data.get("end"))
        if start and end and end == start:
            end = None
        elif start and end and end < start:
            errors["end"] = _("The last day comes before the first day: a campaign lies within one year.")
    if errors:
        raise EditError(errors)
    assert start is not None
    return {
        "name": name,
        "start_month": start[0],
        "start_day": start[1],
        "end_month": end[0] if end else None,
        "end_day": end[1] if end else None,
    }


def _check_access(user, plan: Plan) -> None:
    if not access.can_manage_plan(user, plan):
        raise PermissionDenied(_("Only the focal officers of the plan's province change its campaigns."))


def add(plan: Plan, user, data: dict) -> Campaign:
    """Add a campaign or commemorative day to ``plan``."""
    _check_access(user, plan)
    values = _clean(data)
    with transaction.atomic():
        order = (plan.campaigns.aggregate(top=Max("order"))["top"] or 0) + 1
        campaign = Campaign(plan=plan, origin=CampaignOrigin.OFFICER, order=order, **values)
        audit.by(campaign, user).save()
    return campaign


def change(campaign: Campaign, user, data: dict) -> Campaign:
    """Correct a campaign's name or dates (its history keeps the old values)."""
    _check_access(user, campaign.plan)
    values = _clean(data)
    with transaction.atomic():
        for name, value in values.items():
            setattr(campaign, name, value)
        audit.by(campaign, user).save()
    return campaign


def remove(campaign: Campaign, user) -> None:
    """Remove a campaign no activity is recorded for (history keeps it)."""
    _check_access(user, campaign.plan)
    with transaction.atomic():
        recorded = campaign.activities.count()
        if recorded:
            raise EditError(
                {
                    "campaign": _(
                        "%(count)d activities are recorded for this campaign: it cannot be removed. "
                        "Correct its name or dates instead."
                    )
                    % {"count": recorded}
                }
            )
        audit.by(campaign, user).delete()
