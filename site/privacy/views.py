"""A person's own data: see it, download it, stop sharing, delete the account."""

from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from privacy import registry, services
from privacy.export import json_download
from privacy.forms import DeleteAccountForm
from privacy.models import RetentionSettings
from privacy.registry import export_sections

DELETED_SESSION_KEY = "privacy_account_deleted"


@never_cache
def index(request):
    sections = export_sections(request.user)
    return render(
        request,
        "privacy/index.html",
        {
            "sections": sections,
            "consents": registry.consents_for(request.user),
            "policy": RetentionSettings.load(request_or_site=request),
        },
    )


@never_cache
def download_json(request):
    return json_download(request.user)


@never_cache
def printable(request):
    return render(
        request,
        "privacy/printable.html",
        {"subject": request.user, "sections": export_sections(request.user)},
    )


@require_POST
def stop_sharing(request, feedback_id: int):
    registry.stop_sharing(request.user, feedback_id)
    messages.success(
        request, _("Done. That feedback is no longer shared on our website.")
    )
    return redirect("privacy:index")


@never_cache
def delete_account(request):
    form = DeleteAccountForm(request.POST or None, user=request.user, request=request)
    if request.method == "POST" and form.is_valid():
        result = services.delete_account(user=request.user, keep_words=form.keep_words)
        logout(request)
        # A fresh session after signing out, so the next page can say what was kept.
        request.session[DELETED_SESSION_KEY] = {
            "kept_words": result.kept_words,
            "notes": result.notes,
        }
        return redirect("privacy:account_deleted")
    return render(request, "privacy/delete_account.html", {"form": form})


@never_cache
def account_deleted(request):
    done = request.session.pop(DELETED_SESSION_KEY, None)
    if done is None:
        return redirect("/")
    return render(request, "privacy/account_deleted.html", {"done": done})
