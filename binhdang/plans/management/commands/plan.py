"""``binhdang plan <subcommand>``: work with implementation plans from the command line.

Each subcommand is one entry of ``SUBCOMMANDS``: a function that adds its arguments to its own
parser, and a function that runs it with the parsed options. To add a subcommand, write the two
functions and add one line to ``SUBCOMMANDS``.

- ``extract FILE [--json]``: read a plan (.docx or text) and print what was extracted.
- ``import FILE --province NAME [--json] [--status S] [--new-version]``, ``list [--json]``: see ``plans.cli``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from binhdang.plans import cli
from binhdang.plans.extraction import ExtractionError, extract_file
from binhdang.plans.extraction.summary import summary


def add_extract_arguments(parser: CommandParser) -> None:
    parser.add_argument("file", help=_("Plan document: .docx, .txt or .md"))
    parser.add_argument("--json", action="store_true", help=_("Print the extraction as JSON"))


def handle_extract(command: BaseCommand, options: dict[str, Any]) -> None:
    """Print the extracted plan as JSON (``--json``) or as a readable summary."""
    try:
        plan = extract_file(options["file"])
    except ExtractionError as error:
        raise CommandError(error.message) from error
    if options["json"]:
        command.stdout.write(json.dumps(plan, ensure_ascii=False, indent=2))
    else:
        command.stdout.write(summary(plan))


# name -> (help, add arguments, run)
SUBCOMMANDS: dict[str, tuple[Any, Callable[[CommandParser], Any], Callable[[BaseCommand, dict], Any]]] = {
    "extract": (gettext_lazy("Extract goals, indicators, tasks, agencies and deadlines from a plan document"),
                add_extract_arguments, handle_extract),
    "import": (gettext_lazy("Import a plan document for a province"), cli.add_import_arguments, cli.handle_import),
    "list": (gettext_lazy("List the imported plans"), cli.add_list_arguments, cli.handle_list),
}  # fmt: skip


class Command(BaseCommand):
    @property
    def help(self) -> str:  # type: ignore[override]
        return _("Work with implementation plans: %(names)s.") % {"names": ", ".join(SUBCOMMANDS)}

    def add_arguments(self, parser: CommandParser) -> None:
        subparsers = parser.add_subparsers(dest="subcommand", required=True, metavar="SUBCOMMAND")
        for name, (help_text, add_arguments, _run) in SUBCOMMANDS.items():
            add_arguments(subparsers.add_parser(name, help=str(help_text), description=str(help_text)))

    def handle(self, *args: Any, **options: Any) -> None:
        _use_utf8(self)
        name = options["subcommand"]
        if name not in SUBCOMMANDS:
            raise CommandError(_("Unknown subcommand: %(name)s") % {"name": name})
        SUBCOMMANDS[name][2](self, options)


def _use_utf8(command: BaseCommand) -> None:
    """Write UTF-8 whatever the terminal's locale, so Vietnamese text is never mangled."""
    for wrapper in (command.stdout, command.stderr):
        stream = getattr(wrapper, "_out", None)
        if stream in (sys.stdout, sys.stderr) and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
