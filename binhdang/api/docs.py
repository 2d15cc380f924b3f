"""The OpenAPI schema (JSON) and the Swagger UI page, served from our own static files
(drf-spectacular-sidecar, no CDN) under the Content-Security-Policy: the page's inline script and style
carry the request's CSP nonce."""

from __future__ import annotations

import json

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.http import require_safe
from drf_spectacular.renderers import OpenApiJsonRenderer, OpenApiJsonRenderer2
from drf_spectacular.views import SpectacularAPIView

from binhdang.accounts.two_factor import required_in_session
from binhdang.api.permissions import ActiveUser

SWAGGER_DIST = "drf_spectacular_sidecar/swagger-ui-dist/"


class SchemaView(SpectacularAPIView):
    """``GET /api/v1/schema/``: the OpenAPI 3 document, as JSON, for logged-in callers (``Accept``:
    ``application/vnd.oai.openapi+json``, ``application/json`` or anything)."""

    renderer_classes = [OpenApiJsonRenderer, OpenApiJsonRenderer2]
    permission_classes = [ActiveUser]


@require_safe
@login_required
def swagger(request: HttpRequest) -> HttpResponse:
    """``GET /api/v1/docs/``: Swagger UI over the schema, using the browser session."""
    user = request.user
    if required_in_session(request) and not getattr(user, "is_verified", lambda: True)():
        return redirect(reverse("accounts:two_factor_verify") + "?next=" + request.path)
    if getattr(user, "must_change_password", False):
        return redirect("accounts:password_change")
    context = {
        "title": "binhdang API v1",
        "swagger_ui_css": static(SWAGGER_DIST + "swagger-ui.css"),
        "swagger_ui_bundle": static(SWAGGER_DIST + "swagger-ui-bundle.js"),
        "swagger_ui_standalone": static(SWAGGER_DIST + "swagger-ui-standalone-preset.js"),
        "favicon_href": static(SWAGGER_DIST + "favicon-32x32.png"),
        "schema_url": reverse("api:schema"),
        "settings": json.dumps({"deepLinking": True, "persistAuthorization": False}),
        "oauth2_config": "{}",
        "template_name_js": "drf_spectacular/swagger_ui.js",
        "csrf_header_name": "X-CSRFToken",
        "schema_auth_names": "[]",
    }
    return render(request, "api/swagger_ui.html", context)
