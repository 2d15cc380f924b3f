"""The site's URLs plus one page that does nothing, to measure what the middleware alone costs
(tests/core/test_middleware.py)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.urls import path

from binhdang.urls import urlpatterns as site_urlpatterns


@login_required
def trivial(request):
    return HttpResponse(f"ok {request.user.pk}")


urlpatterns = [path("trivial/", trivial), *site_urlpatterns]
