"""The Excel round-trip of unit reports: a prefilled XLSX template per unit, filled offline and
uploaded back (issue 4, item 6).

- :mod:`.layout`: where every value of a unit's report lives in the sheet (stable, checksummed).
- :mod:`.template`: :func:`build_template(period, unit)`, :func:`build_templates_zip(period)`.
- :mod:`.workbook`: the openpyxl workbook of a template; :mod:`.skeleton`: a unit's template written
  from its layout's skeleton (made once by :mod:`.workbook`) with only its own cells: a few milliseconds.
- :mod:`.importer`: :func:`import_xlsx(file, user, *, submit=False) -> ImportResult`,
  :func:`import_many(files, user, *, submit=False)`: all or nothing per file.
- :mod:`.cells`: from a cell's content to the value text of the form, with Vietnamese reasons.

The workbook (template version :data:`layout.TEMPLATE_VERSION`):

- sheet ``Biểu1``: a locked header block (form code, plan, year, unit code and name, deadline, data
  cutoff), then one row per data element the unit fills: column A the number, B the Vietnamese
  label, C the value (D ``Nam`` and E ``Nữ`` for the by-sex elements, C then holds their total as a
  formula), F the unit of measure, G the element code (hidden column). A strategy indicator takes
  one row per category option (value, numerator, denominator, source). Then the narrative fields
  (results, difficulties, proposals) as large cells C:F. Input cells are yellow and unlocked, with
  data validation (whole number >= 0, number >= 0, percentage 0-100, lists "Có"/"Không" and the
  option labels); the sheet is protected without a password and the workbook structure is locked
  (no sheet can be added, removed or unhidden).
- hidden sheet ``_meta``: template id and version, form, period id, year, unit code, a checksum of
  the structure, a digest of the values it was prefilled with, and an HMAC signature (the site's
  secret key) over all of them, so that an edited ``_meta`` is refused.
"""
