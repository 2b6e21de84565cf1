"""The bare view: validate a 4-field form and save one row, nothing else."""

import logging

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction
from django.shortcuts import render

from tests.perf.baseline.forms import BaselineForm

LIVE_GROUP = "bench-submissions"
logger = logging.getLogger(__name__)


def bare_submission(request):
    form = BaselineForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        return render(request, "perf_baseline/thanks.html", {"receipt": saved.pk})
    return render(request, "perf_baseline/form.html", {"form": form})


def live_submission(request):
    """The bare view plus a live update after commit, sent the way the apps send theirs."""
    form = BaselineForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            saved = form.save()
            transaction.on_commit(lambda: announce(saved.pk))
        return render(request, "perf_baseline/thanks.html", {"receipt": saved.pk})
    return render(request, "perf_baseline/form.html", {"form": form})


def announce(receipt: int) -> None:
    try:
        async_to_sync(get_channel_layer().group_send)(
            LIVE_GROUP, {"type": "submission.stored", "receipt": receipt}
        )
    except Exception:  # the row is stored; a missed live update is only logged
        logger.warning("Live update for baseline submission %s not sent", receipt)
