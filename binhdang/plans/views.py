from django.contrib.auth.decorators import login_required
from django.shortcuts import render


@login_required
def plan_list(request):
    return render(request, "plans/plan_list.html", {})
