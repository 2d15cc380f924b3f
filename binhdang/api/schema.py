"""drf-spectacular extensions. The hook: every operation documents the JSON error responses it can give (see
``api.exceptions``), so that clients and the schemathesis run know their shape."""

from __future__ import annotations

from django.conf import settings
from drf_spectacular.extensions import OpenApiAuthenticationExtension

ERROR_REF = {"$ref": "#/components/schemas/Error"}
ERROR_SCHEMA = {
    "type": "object",
    "properties": {
        "detail": {"type": "string"},
        "code": {"type": "string"},
        "errors": {"type": "object", "additionalProperties": True},
        "current_version": {"type": "integer", "nullable": True},
    },
    "required": ["detail", "code"],
}
DESCRIPTIONS = {
    "400": "Invalid input / Dữ liệu không hợp lệ",
    "401": "Not authenticated / Chưa xác thực",
    "403": "Not allowed / Không có quyền",
    "404": "Not found / Không tìm thấy",
    "405": "Method not allowed / Phương thức không được phép",
    "406": "Not acceptable / Chỉ trả về JSON",
    "409": "Conflict / Xung đột",
    "415": "Unsupported media type / Chỉ nhận JSON",
}


def add_error_responses(result, generator, request, public):
    """``POSTPROCESSING_HOOKS`` entry: add the error responses to every operation."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    for path_item in result.get("paths", {}).values():
        for method, operation in path_item.items():
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue
            responses = operation.setdefault("responses", {})
            codes = ["400", "401", "403", "404", "405", "406"]
            if method in {"post", "put", "patch"}:
                codes += ["409", "415"]
            for code in codes:
                responses.setdefault(
                    code,
                    {
                        "description": DESCRIPTIONS[code],
                        "content": {"application/json": {"schema": ERROR_REF}},
                    },
                )
    return result


class SessionScheme(OpenApiAuthenticationExtension):
    """The browser session (``api.authentication.SessionAuthentication``) in the schema."""

    target_class = "binhdang.api.authentication.SessionAuthentication"
    name = "cookieAuth"

    def get_security_definition(self, auto_schema):
        return {"type": "apiKey", "in": "cookie", "name": settings.SESSION_COOKIE_NAME}
