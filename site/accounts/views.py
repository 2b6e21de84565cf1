"""Landing after sign-in, supported accounts and one-time sign-in codes."""

from urllib.parse import urlencode

from allauth.account.internal.flows.login import perform_login, record_authentication
from allauth.account.models import Login
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404, redirect, render, resolve_url
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import roles, services
from accounts.forms import RedeemCodeForm, SupportedAccountForm
from accounts.qr import qr_data_url

User = get_user_model()


def notifications(request):
    """A person's messages, newest first; opening the page marks them read."""
    items = list(request.user.notifications.all()[:100])
    request.user.notifications.filter(read_at__isnull=True).update(
        read_at=timezone.now()
    )
    return render(request, "accounts/notifications.html", {"notifications": items})


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
    young_people = (
        User.objects.filter(case_worker=request.user)
        .order_by("username")
        .only("username", "date_joined", "last_login")
    )
    return render(
        request, "accounts/supported_list.html", {"young_people": young_people}
    )


def create_supported(request):
    form = SupportedAccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        young_person, code = services.create_supported_account(
            case_worker=request.user, username=form.cleaned_data["username"]
        )
        return render_code_sheet(request, young_person, code)
    return render(request, "accounts/create_supported.html", {"form": form})


@require_POST
def sign_in_code(request, user_id: int):
    """Issue a fresh code for a young person this case worker supports."""
    young_person = get_object_or_404(User, pk=user_id, case_worker=request.user)
    code = services.issue_sign_in_code(user=young_person, created_by=request.user)
    return render_code_sheet(request, young_person, code)


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
