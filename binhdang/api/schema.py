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


#: Properties of answers that are really absent at times; every other property of an answer is always
#: there, so it is listed as required (drf-spectacular leaves non-required model fields optional).
OPTIONAL_IN_ANSWERS = {
    "ImportConflict": {"indexes"},
    "Dhis2DataValue": {"categoryOptionCombo"},
    "Dhis2DataValueSet": {"dataSet", "period", "completeDate"},
}
#: A target in the results: a number, ``{"min", "max"}`` for a range, ``true`` for yes/no, or null.
TARGET_SCHEMA = {
    "description": "a number; {min, max} for a range; true for a yes/no target; null without target",
    "oneOf": [
        {"type": "number", "nullable": True},
        {"type": "boolean", "enum": [True]},
        {
            "type": "object",
            "properties": {"min": {"type": "number"}, "max": {"type": "number"}},
            "required": ["min", "max"],
            "additionalProperties": False,
        },
    ],
}


def _component_type(result: dict, ref: str) -> str:
    return result["components"]["schemas"].get(ref.rsplit("/", 1)[-1], {}).get("type", "string")


def strict_components(result, generator, request, public):
    """``POSTPROCESSING_HOOKS`` entry: make the schema say exactly what the server does, for strict
    OpenAPI 3.0 readers and generated clients:

    - every property of an answer (a component not named ``...Request``) is required, as the server
      always sends it (except ``OPTIONAL_IN_ANSWERS``);
    - a nullable reference (``allOf: [$ref], nullable: true``) gets the referenced ``type``: OpenAPI
      3.0.3 makes ``nullable`` count only beside a ``type``;
    - a result's ``target`` and ``final_target`` are typed (:data:`TARGET_SCHEMA`).
    """
    schemas = result.get("components", {}).get("schemas", {})
    for name, schema in schemas.items():
        properties = schema.get("properties")
        if not properties or name == "Error":
            continue
        for prop in properties.values():
            if prop.get("nullable") and "allOf" in prop and "type" not in prop:
                prop["type"] = _component_type(result, prop["allOf"][0]["$ref"])
        if not name.endswith("Request"):
            optional = OPTIONAL_IN_ANSWERS.get(name, set())
            schema["required"] = sorted(p for p in properties if p not in optional)
    indicator = schemas.get("IndicatorResult", {}).get("properties", {})
    for key in ("target", "final_target"):
        if key in indicator:
            indicator[key] = dict(TARGET_SCHEMA)
    return result


class SessionScheme(OpenApiAuthenticationExtension):
    """The browser session (``api.authentication.SessionAuthentication``) in the schema."""

    target_class = "binhdang.api.authentication.SessionAuthentication"
    name = "cookieAuth"

    def get_security_definition(self, auto_schema):
        return {"type": "apiKey", "in": "cookie", "name": settings.SESSION_COOKIE_NAME}
