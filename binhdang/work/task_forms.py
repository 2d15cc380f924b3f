"""Forms of the focal officer's edits of a plan's tasks (``work.task_editing`` checks every rule again)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from binhdang.orgunits.models import OrgUnit
from binhdang.plans.models import Plan, TaskGroup
from binhdang.plans.services import lead_choices


class TaskForm(forms.Form):
    code = forms.CharField(label=_("Code"), max_length=16, help_text=_("e.g. 1.d"))
    title = forms.CharField(label=_("Task"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3}))
    group: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Group of tasks"), queryset=TaskGroup.objects.none(), required=False, empty_label=_("(none)")
    )
    lead: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Lead agency"), queryset=OrgUnit.objects.none(), required=False, empty_label=_("(not named)")
    )
    cooperating: forms.ModelMultipleChoiceField = forms.ModelMultipleChoiceField(
        label=_("Cooperating agencies"),
        queryset=OrgUnit.objects.none(),
        required=False,
        help_text=_("Hold Ctrl (or ⌘) to choose several units."),
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    timeframe = forms.CharField(
        label=_("Time frame"),
        max_length=200,
        required=False,
        help_text=_("As the plan writes it: “Hằng năm”, “Trước ngày 20/6/2026”, “Giai đoạn 2026-2030”."),
    )
    due_date = forms.DateField(
        label=_("Due date"),
        required=False,
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Empty: the date the time frame names, if any. Past it, a task not done shows late."),
    )

    def __init__(self, *args, plan: Plan, **kwargs):
        super().__init__(*args, **kwargs)
        agencies = lead_choices(plan)
        self.fields["group"].queryset = plan.task_groups.all()  # type: ignore[attr-defined]
        self.fields["lead"].queryset = agencies  # type: ignore[attr-defined]
        self.fields["cooperating"].queryset = agencies  # type: ignore[attr-defined]


class TaskRemoveForm(forms.Form):
    confirm = forms.BooleanField(label=_("Also remove its progress updates"), required=False)
