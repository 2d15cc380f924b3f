"""A plan's counts for a year read through its period's figures (``figures.PeriodFigures``)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from binhdang.results.figures import PeriodFigures


class FiguresOfAPeriod:
    """A plan's counts for a year read through its period's figures (``figures``), zero or None when
    the year has no period: what a plan's results and the ministry's board row both show."""

    figures: PeriodFigures | None

    @property
    def expected(self) -> int:
        return self.figures.expected if self.figures else 0

    @property
    def submitted(self) -> int:
        return self.figures.submitted if self.figures else 0

    @property
    def on_time(self) -> int:
        return self.figures.on_time if self.figures else 0

    @property
    def completeness(self) -> Decimal | None:
        return self.figures.completeness if self.figures else None

    @property
    def timeliness(self) -> Decimal | None:
        return self.figures.timeliness if self.figures else None
