"""The API's one request-body parser: JSON read through :func:`binhdang.core.jsonbody.load_json`.

DRF's own JSON parser reads any size and depth (a body nested 100,000 levels deep was a server error);
this one reads at most ``MAX_JSON_BYTES`` from the stream and refuses too large, too deep or malformed
bodies with a JSON 400 whose ``detail`` names the problem in Vietnamese and whose ``code`` is
``too_large``, ``too_deep`` or ``parse_error``.
"""

from __future__ import annotations

from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

from binhdang.core.jsonbody import MAX_JSON_BYTES, JsonInputError, load_json, too_large_error


class BoundedJSONParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        content = stream.read(MAX_JSON_BYTES + 1) if stream is not None else b""
        try:
            if len(content) > MAX_JSON_BYTES:
                raise too_large_error()
            return load_json(content)
        except JsonInputError as exc:
            raise ParseError(str(exc), code=exc.code) from exc
