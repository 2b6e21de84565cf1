"""allauth adapter: public sign-up makes young people and parents/carers only."""

from allauth.account.adapter import DefaultAccountAdapter
from django.contrib.auth.models import Group
from django.shortcuts import resolve_url

from accounts import roles
from accounts.client_address import address_for_limits, client_address
from accounts.sign_in_locks import failed_sign_in_key


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        user.age_band = form.chosen_age_band()
        user = super().save_user(request, user, form, commit=commit)
        # Staff accounts are made by an administrator; sign-up gives a public role only.
        user.groups.add(Group.objects.get(name=form.role()))
        return user

    def get_login_redirect_url(self, request):
        # A `next` address, when there is one, is honoured by allauth before this.
        return resolve_url(roles.landing_for(request.user))

    def get_password_change_redirect_url(self, request):
        # Back to their own account page, where "saved" is said in plain words,
        # not to the same form again.
        return resolve_url("accounts:my_account")

    def get_client_ip(self, request):
        # One answer for every limit: ours and allauth's read the same setting.
        return client_address(request)

    def _get_login_attempts_cache_key(self, request, **credentials):
        # Per address and account, so wrong passwords typed elsewhere never
        # lock a young person out (accounts.sign_in_locks).
        return failed_sign_in_key(
            account_key=super()._get_login_attempts_cache_key(request, **credentials),
            login=credentials.get("email", credentials.get("username", "")),
            address=address_for_limits(request),
        )
