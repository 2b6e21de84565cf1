"""Staff work for the board (/staff/board/): applications and management responses."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from voice.board import services
from voice.board.forms import DecisionForm, ResponseForm
from voice.board.models import BoardApplication, Recommendation
from voice.board.permissions import RESPOND, REVIEW_APPLICATIONS


def home(request):
    user = request.user
    return render(
        request,
        "board/staff/home.html",
        {
            "applications": BoardApplication.objects.filter(
                status=BoardApplication.Status.WAITING
            ).select_related("why")
            if user.has_perm(REVIEW_APPLICATIONS)
            else None,
            "awaiting": Recommendation.objects.awaiting_response()
            if user.has_perm(RESPOND)
            else None,
        },
    )


def application(request, pk: int):
    found = get_object_or_404(
        BoardApplication.objects.select_related("why", "applicant"), pk=pk
    )
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            if form.cleaned_data["decision"] == "accept":
                services.accept_application(application=found, by=request.user)
                messages.success(request, _("Accepted. They have been told."))
            else:
                services.decline_application(
                    application=found,
                    by=request.user,
                    reason=form.cleaned_data["reason"],
                )
                messages.success(request, _("Declined kindly. They have been told."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect("board_admin:home")
    return render(
        request, "board/staff/application.html", {"application": found, "form": form}
    )


def respond(request, pk: int):
    recommendation = get_object_or_404(Recommendation, pk=pk)
    if recommendation.status != Recommendation.Status.SUBMITTED:
        messages.error(request, _("This recommendation is not waiting for an answer."))
        return redirect("board_admin:home")
    form = ResponseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.record_response(
            recommendation=recommendation, by=request.user, **form.cleaned_data
        )
        messages.success(request, _("Your answer is saved and the board is told."))
        return redirect("board_admin:home")
    return render(
        request,
        "board/staff/respond.html",
        {"recommendation": recommendation, "form": form},
    )
