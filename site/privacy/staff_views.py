"""Data requests made in person: staff find the person, show, download or delete.

Every view of one person's data is written to the access log first. Staff
may handle requests only for accounts ranked below their own (see
accounts.roles.can_act_on); anyone else's request goes to someone senior.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from accounts.roles import account_in_reach
from privacy import selectors, services
from privacy.audit import record_access
from privacy.export import json_download
from privacy.filters import AccessLogFilter
from privacy.forms import FindPersonForm, StaffDeleteAccountForm
from privacy.registry import export_sections


def index(request):
    form = FindPersonForm(request.GET or None)
    people = []
    if form.is_valid():
        people = list(selectors.find_people(form.cleaned_data["q"]))
    return render(
        request,
        "privacy/staff/index.html",
        {"form": form, "people": people, "searched": form.is_bound},
    )


@never_cache
def person(request, user_id: int):
    subject = account_in_reach(request.user, pk=user_id)
    record_access(request, subject, "Everything held about them (data request)")
    return render(
        request,
        "privacy/staff/person.html",
        {"subject": subject, "sections": export_sections(subject)},
    )


@never_cache
def person_json(request, user_id: int):
    subject = account_in_reach(request.user, pk=user_id)
    record_access(request, subject, "Downloaded everything held about them")
    return json_download(subject)


@never_cache
def person_printable(request, user_id: int):
    subject = account_in_reach(request.user, pk=user_id)
    record_access(request, subject, "Printed everything held about them")
    return render(
        request,
        "privacy/printable.html",
        {"subject": subject, "sections": export_sections(subject), "for_staff": True},
    )


@never_cache
def delete_person(request, user_id: int):
    subject = account_in_reach(request.user, pk=user_id)
    form = StaffDeleteAccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        result = services.delete_account(
            user=subject, keep_words=form.keep_words, done_by=request.user
        )
        messages.success(
            request,
            _("The account %(username)s is deleted.") % {"username": result.username},
        )
        for note in result.notes:
            messages.info(request, note)
        return redirect("privacy_admin:index")
    return render(
        request, "privacy/staff/delete_person.html", {"subject": subject, "form": form}
    )


def access_log(request):
    log_filter = AccessLogFilter(request.GET or None, selectors.access_log_entries())
    page = Paginator(log_filter.qs, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "privacy/staff/access_log.html",
        {"page": page, "form": log_filter.form, "page_query": query.urlencode()},
    )
