"""Landing after sign-in, supported accounts and one-time sign-in codes."""

from urllib.parse import urlencode

from allauth.account.internal.flows.login import perform_login, record_authentication
from allauth.account.models import Login
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render, resolve_url
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import roles, services
from accounts.forms import (
    AgeBandForm,
    AskForCodeForm,
    RedeemCodeForm,
    SupportedAccountForm,
)
from accounts.models import SignInCodeRequest
from accounts.qr import qr_data_url

User = get_user_model()


def notifications(request):
    """A person's messages, newest first; opening the page marks them read."""
    items = list(request.user.notifications.all()[:100])
    request.user.notifications.filter(read_at__isnull=True).update(
        read_at=timezone.now()
    )
    return render(request, "accounts/notifications.html", {"notifications": items})


def my_account(request):
    """A person's own account in plain words: their name, password, data, messages.

    Email is optional for young people and parents, so it is shown as a choice
    with no nudge to add one (ICO Children's code, standard 13). Staff also get
    their two-step sign-in links. Young people may give or change their age
    group here (only the band: it decides whether events need a parent's yes).
    """
    asked_age = roles.is_asked_age_band(request.user)
    age_form = AgeBandForm(
        request.POST if request.method == "POST" else None,
        initial={"age_band": request.user.age_band},
    )
    if request.method == "POST":
        if asked_age and age_form.is_valid():
            services.set_age_band(
                user=request.user, age_band=age_form.cleaned_data["age_band"]
            )
            messages.success(request, _("Your age group is saved."))
            return redirect("accounts:my_account")
        if not asked_age:
            age_form.add_error(None, _("There is nothing to change here."))
    return render(
        request,
        "accounts/my_account.html",
        {
            "has_password": request.user.has_usable_password(),
            "email": request.user.email,
            "is_staff_member": roles.is_staff_member(request.user),
            "age_form": age_form if asked_age else None,
            "age_form_errors": age_form.errors if age_form.is_bound else None,
        },
        status=400 if age_form.is_bound else 200,
    )


def landing(request):
    """Send each person to the page that fits their role."""
    return redirect(resolve_url(roles.landing_for(request.user)))


def admin_login_redirect(request):
    """Wagtail's login door leads to allauth's, keeping where the person was going."""
    target = reverse("account_login")
    next_url = request.GET.get("next")
    if next_url:
        target += "?" + urlencode({"next": next_url})
    return redirect(target)


def supported_list(request):
    young_people = list(
        User.objects.filter(case_worker=request.user)
        .order_by("username")
        .only("username", "date_joined", "last_login", "password")
    )
    open_requests = {
        item.user_id: item
        for item in SignInCodeRequest.objects.filter(
            user__in=young_people,
            status__in=[
                SignInCodeRequest.Status.WAITING,
                SignInCodeRequest.Status.AGREED,
            ],
        ).order_by("requested_at")
    }
    for person in young_people:
        person.open_code_request = open_requests.get(person.pk)
    return render(
        request, "accounts/supported_list.html", {"young_people": young_people}
    )


def create_supported(request):
    form = SupportedAccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        young_person, code = services.create_supported_account(
            case_worker=request.user,
            username=form.cleaned_data["username"],
            age_band=form.cleaned_data["age_band"],
        )
        return render_code_sheet(request, young_person, code)
    return render(request, "accounts/create_supported.html", {"form": form})


def _supported_in_reach(request, user_id: int):
    return roles.account_in_reach(request.user, pk=user_id, case_worker=request.user)


@require_POST
def sign_in_code(request, user_id: int):
    """Print a code for a young person this case worker supports.

    Someone who has never set a password gets one at once. For someone who
    has, a code would replace their password, so it is printed only once a
    second member of staff has agreed; until then the worker is asked why.
    """
    young_person = _supported_in_reach(request, user_id)
    if not young_person.has_usable_password():
        code = services.issue_sign_in_code(user=young_person, created_by=request.user)
        return render_code_sheet(request, young_person, code)
    agreed = services.agreed_code_request(user=young_person, requested_by=request.user)
    if agreed is None:
        return redirect("young_people:ask_for_code", user_id=young_person.pk)
    code = services.print_agreed_sign_in_code(
        code_request=agreed, printed_by=request.user
    )
    return render_code_sheet(request, young_person, code)


@require_POST
def lift_sign_in_lock(request, user_id: int):
    """After too many wrong passwords, let a young person this case worker supports try again."""
    young_person = get_object_or_404(User, pk=user_id, case_worker=request.user)
    services.lift_sign_in_lock(young_person=young_person, case_worker=request.user)
    messages.success(
        request,
        _("%(username)s can try to sign in again now.")
        % {"username": young_person.username},
    )
    return redirect("young_people:list")


def ask_for_code(request, user_id: int):
    """Ask a second member of staff to agree to a new code for someone with a password."""
    young_person = _supported_in_reach(request, user_id)
    if not young_person.has_usable_password():
        return redirect("young_people:list")
    waiting = services.waiting_code_request(user=young_person)
    form = AskForCodeForm(request.POST or None)
    if request.method == "POST" and waiting is None and form.is_valid():
        waiting = services.ask_for_sign_in_code(
            user=young_person,
            requested_by=request.user,
            reason=form.cleaned_data["reason"],
        )
        messages.success(
            request,
            _(
                "Asked. When a second member of staff agrees, come back to this "
                "list to print the code. %(name)s has been told in their messages."
            )
            % {"name": young_person.get_username()},
        )
        return redirect("young_people:list")
    return render(
        request,
        "accounts/ask_for_code.html",
        {"young_person": young_person, "form": form, "waiting": waiting},
        status=400 if form.is_bound and form.errors else 200,
    )


def code_requests(request):
    """Requests for new codes waiting for a second member of staff."""
    waiting = [
        item
        for item in SignInCodeRequest.objects.filter(
            status=SignInCodeRequest.Status.WAITING
        )
        .exclude(requested_by=request.user)
        .select_related("user", "requested_by")
        .order_by("requested_at")
        if roles.can_act_on(request.user, item.user)
    ]
    return render(request, "accounts/code_requests.html", {"waiting": waiting})


@require_POST
def decide_code_request(request, request_id: int):
    code_request = get_object_or_404(
        SignInCodeRequest.objects.select_related("user"), pk=request_id
    )
    agree = request.POST.get("decision") == "agree"
    try:
        services.decide_code_request(
            code_request=code_request, decided_by=request.user, agree=agree
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Agreed. The worker who asked can now print the code.")
            if agree
            else _("Refused. No code will be made."),
        )
    return redirect("young_people:code_requests")


def render_code_sheet(request, young_person, code: str):
    redeem_url = request.build_absolute_uri(
        reverse("accounts:redeem_code") + "?" + urlencode({"code": code})
    )
    return render(
        request,
        "accounts/code_sheet.html",
        {
            "young_person": young_person,
            "code": code,
            "redeem_url": redeem_url,
            "qr": qr_data_url(redeem_url),
        },
    )


def redeem_code(request):
    if request.method == "POST":
        form = RedeemCodeForm(request.POST, request=request)
        if form.is_valid():
            try:
                user = services.redeem_sign_in_code(
                    sign_in_code=form.sign_in_code,
                    password=form.cleaned_data["password1"],
                )
            except ValueError:  # spent by someone else a moment ago
                form.add_error("code", _("That code does not work any more."))
            else:
                messages.success(request, _("Your password is set."))
                return sign_in_with_code(request, user)
    else:
        form = RedeemCodeForm(
            initial={"code": request.GET.get("code", "")}, request=request
        )
    return render(request, "accounts/redeem_code.html", {"form": form})


def sign_in_with_code(request, user):
    """Sign in through allauth's login flow, so its stages and records apply."""
    record_authentication(request, user, method="sign_in_code")
    return perform_login(request, Login(user=user))
