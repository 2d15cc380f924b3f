"""A readable summary of an extraction, for ``binhdang plan extract FILE`` without ``--json``."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from binhdang.core.formatting import number as format_number
from binhdang.plans.extraction.records import PlanExtraction, Target

LEVELS = {
    "province": gettext_lazy("province"),
    "district": gettext_lazy("district"),
    "commune": gettext_lazy("commune"),
}
PROGRAMS = {
    "communication": gettext_lazy("gender-equality communication programme"),
    "strategy": gettext_lazy("national gender-equality strategy"),
    "other": gettext_lazy("other"),
}


def describe_target(target: Target) -> str:
    """One target in words, e.g. "≥ 90% (2030)", "104–107 bé trai/100 bé gái (2030)"."""
    unit = target.get("unit") or ""
    sep = "" if unit.startswith(("%", "/")) or not unit else " "

    def num(value: float | None) -> str:
        return format_number(value) if value is not None else "?"

    kind = target["kind"]
    if kind == "min":
        text = f"{'>' if target.get('strict') else '≥'} {num(target.get('value'))}{sep}{unit}"
    elif kind == "max":
        text = f"{'<' if target.get('strict') else '≤'} {num(target.get('value'))}{sep}{unit}"
    elif kind == "range":
        text = f"{num(target.get('min'))}–{num(target.get('max'))}{sep}{unit}"
    elif kind == "increase":
        bounds = num(target.get("min"))
        if target.get("max") is not None:
            bounds += f"–{num(target.get('max'))}"
        text = _("+%(bounds)s%(unit)s over %(year)s") % {
            "bounds": bounds,
            "unit": f"{sep}{unit}",
            "year": target.get("baseline_year") or "?",
        }
    else:
        text = _("yes/no")
    if target.get("approx"):
        text = _("about %(text)s") % {"text": text}
    notes = []
    if target.get("year"):
        notes.append(str(target["year"]))
    if target.get("from_year"):
        notes.append(_("from %(year)s") % {"year": target["from_year"]})
    if target.get("annual"):
        notes.append(_("every year"))
    return f"{text} ({', '.join(notes)})" if notes else text


def summary(plan: PlanExtraction) -> str:
    """Counts, indicators with targets, deadlines, campaigns and warnings, one item a line."""
    lines = [
        _("Plan: %(title)s") % {"title": plan["title"] or "?"},
        _("Issued by: %(issuer)s (%(level)s); number: %(number)s; date: %(date)s")
        % {
            "issuer": plan["issuer"] or "?",
            "level": LEVELS.get(plan["level"], plan["level"]),
            "number": plan.get("number") or "-",
            "date": plan.get("date") or "-",
        },
        _("Programme: %(program)s; period: %(start)s–%(end)s")
        % {
            "program": PROGRAMS.get(plan["program"], plan["program"]),
            "start": plan["period"]["start"] or "?",
            "end": plan["period"]["end"] or "?",
        },
        _("Focal agency: %(name)s") % {"name": plan["focal_agency"] or "?"},
        _(
            "Counts: %(bases)d legal bases, %(goals)d goals, %(indicators)d indicators, %(tasks)d tasks, "
            "%(agencies)d agencies, %(reports)d reporting deadlines, %(campaigns)d campaigns"
        )
        % {
            "bases": len(plan["legal_bases"]),
            "goals": len(plan["goals"]),
            "indicators": len(plan["indicators"]),
            "tasks": len(plan["tasks"]),
            "agencies": len(plan["agencies"]),
            "reports": len(plan["reporting"]),
            "campaigns": len(plan["campaigns"]),
        },
        "",
        _("Indicators:"),
    ]
    for indicator in plan["indicators"]:
        targets = "; ".join(describe_target(t) for t in indicator["targets"])
        lines.append(f"  {indicator['code']}. {indicator['text'][:90]}")
        lines.append("     " + _("Target: %(targets)s") % {"targets": targets})
        if indicator["responsible"]:
            lines.append(
                "     " + _("Reported by: %(names)s") % {"names": ", ".join(indicator["responsible"])}
            )
    lines += ["", _("Reporting deadlines:")]
    for report in plan["reporting"]:
        recurrence = (
            _("every year") if report["recurrence"] == "annual" else str(report.get("year") or _("once"))
        )
        day, month = report["deadline"][3:], report["deadline"][:2]
        lines.append(
            "  "
            + _("%(sender)s -> %(receivers)s: before %(day)s/%(month)s (%(recurrence)s)")
            % {
                "sender": report["from"] or "?",
                "receivers": ", ".join(report["to"]) or "?",
                "day": day,
                "month": month,
                "recurrence": recurrence,
            }
        )
    lines += ["", _("Campaigns:")]
    for campaign in plan["campaigns"]:
        end = campaign.get("end")
        dates = _day(campaign["start"]) + (f"–{_day(end)}" if end else "")
        lines.append(f"  {dates}: {campaign['name']}")
    signer = plan["signer"]
    lines += [
        "",
        _("Signed: %(signer)s")
        % {
            "signer": " / ".join(
                filter(None, [signer.get("authority"), signer.get("position"), signer["name"]])
            )
            or "?"
        },
    ]
    lines += ["", _("Warnings (%(count)d):") % {"count": len(plan["warnings"])}]
    lines += [f"  - {w}" for w in plan["warnings"]]
    return "\n".join(lines)


def _day(mmdd: str) -> str:
    return f"{mmdd[3:]}/{mmdd[:2]}"
