"""The XLSX template of a unit's report, prefilled with its current values.

- :func:`build_template(period, unit, include_narrative=True) -> bytes`
- :func:`build_templates_zip(period) -> bytes`: every expected unit's template in one zip;
  :func:`iter_templates_zip(period)` gives it in chunks (streamed download).
- :func:`template_filename(period, unit)`: ``bieu-mau-2026-xa-ea-kar.xlsx``.

The template is always in Vietnamese (the official form), whatever the user's language; the
importer also accepts the English labels of yes/no and the options. The workbook is
:func:`reporting.excel.workbook.make_workbook`'s (what users typed stays text, never a formula), written
from its layout's skeleton (``reporting.excel.skeleton``) or, for the few units it cannot carry, by
openpyxl as a whole.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterable, Iterator

from django.conf import settings
from django.db.models import prefetch_related_objects
from django.utils import timezone, translation
from django.utils.text import slugify

from binhdang.core.text import fold
from binhdang.reporting import log_figures
from binhdang.reporting.excel import layout as L
from binhdang.reporting.excel import skeleton
from binhdang.reporting.excel.meta import make_meta
from binhdang.reporting.excel.workbook import make_workbook
from binhdang.reporting.models import Period, Submission


def template_filename(period: Period, unit) -> str:
    """The file name of a unit's template, named after the unit: ``bieu-mau-2026-xa-ea-kar.xlsx``
    (the strategy form's: ``bieu-mau-chien-luoc-2026-so-y-te.xlsx``)."""
    kind = "bieu-mau-chien-luoc" if period.form_code == "NQ28" else "bieu-mau"
    return f"{kind}-{period.year}-{slugify(fold(unit.name))[:80] or slugify(unit.code)}.xlsx"


_LOOK_UP = object()


def build_template(
    period: Period, unit, *, include_narrative: bool = True, submission=_LOOK_UP, logged=None
) -> bytes:
    """The template of ``unit``'s report in ``period``, prefilled with the report's current values.

    ``submission``: the report (or None: no report yet) if the caller already knows it; by default it
    is looked up (none is created). ``include_narrative``: False leaves the narrative cells empty (for
    users who may not read it). ``logged``: the activity log's figures for the unit
    (``reporting.log_figures``) if the caller already has them.

    The workbook is written from the skeleton of its form's layout (``reporting.excel.skeleton``:
    a few milliseconds); a unit whose texts the skeleton cannot carry as they are (a text starting
    like a formula, a character XML cannot hold) is made by openpyxl as a whole (the same workbook).
    """
    if submission is _LOOK_UP:
        submission = Submission.objects.filter(period=period, unit=unit).first()
    values = submission.value_map() if submission else {}
    narrative = submission.narrative() if submission and include_narrative else {}
    if logged is None:
        logged = log_figures.figures(period, unit)
    with translation.override(settings.LANGUAGE_CODE):
        layout = L.build_layout(period, unit)
        content = layout.content_digest(values, submission.narrative() if submission else {})
        meta = make_meta(period, unit, layout, content, timezone.now().isoformat())
        fast = skeleton.render(period, unit, layout, values, narrative, logged, meta)
        if fast is not None:
            return fast
        workbook = make_workbook(period, unit, layout, values, narrative, logged, meta)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


class _Sink:
    """A write-only stream for :class:`zipfile.ZipFile` whose written bytes are taken out as they come."""

    def __init__(self):
        self.chunks: list[bytes] = []
        self.position = 0

    def write(self, data: bytes) -> int:
        self.chunks.append(bytes(data))
        self.position += len(data)
        return len(data)

    def tell(self) -> int:
        return self.position

    def flush(self) -> None:
        pass

    def close(self) -> None:
        pass

    def take(self) -> bytes:
        data, self.chunks = b"".join(self.chunks), []
        return data


def iter_templates_zip(
    period: Period,
    units=None,
    *,
    include_narrative: bool = True,
    build=None,
    logged=None,
    figures_for: Callable[[dict[int, Submission]], Iterable[Submission]] | None = None,
) -> Iterator[bytes]:
    """The zip of one template per expected unit of ``period`` (or per unit of ``units``), in chunks as
    each template is ready: a province's 100-250 templates take a while, the download starts at once.
    ``build``: the function making a template (default :func:`build_template`; the download keeps
    them, ``reporting.excel.kept``). ``logged``: the activity log's figures by unit
    (``log_figures.figures_by_unit``), read in one go when not given. ``figures_for``: given the reports
    by unit, the reports whose figures ``build`` will use, read in one go (by default every report's; the
    download's kept templates need only those of the templates made anew)."""
    build = build or build_template
    if units is None:
        units = [e.unit for e in period.expected_reporters.select_related("unit").order_by("unit__code")]
    if logged is None:
        logged = log_figures.figures_by_unit(period, [unit.pk for unit in units])
    submissions = {report.unit_id: report for report in period.submissions.filter(unit__in=units)}
    used = submissions.values() if figures_for is None else figures_for(submissions)
    prefetch_related_objects(list(used), "values")
    sink = _Sink()
    names: set[str] = set()
    # Stored, not deflated again: a workbook is already a deflated zip (a second pass gains a few
    # per cent and costs most of the time of a zip made of kept templates).
    with zipfile.ZipFile(sink, "w", zipfile.ZIP_STORED) as archive:
        for unit in units:
            content = build(
                period,
                unit,
                include_narrative=include_narrative,
                submission=submissions.get(unit.pk),
                logged=logged.get(unit.pk, {}),
            )
            name = template_filename(period, unit)
            if name in names:  # two units of the same name: the unit code tells them apart
                name = name.removesuffix(".xlsx") + f"-{slugify(unit.code)}.xlsx"
            names.add(name)
            archive.writestr(name, content)
            yield sink.take()
    yield sink.take()


def build_templates_zip(period: Period, units=None, *, include_narrative: bool = True) -> bytes:
    """One template per expected unit of ``period`` (or per unit of ``units``), zipped."""
    return b"".join(iter_templates_zip(period, units, include_narrative=include_narrative))
