"""allauth adapter: public sign-up makes young people and parents/carers only."""

from allauth.account.adapter import DefaultAccountAdapter
from django.contrib.auth.models import Group
from django.shortcuts import resolve_url

from accounts import roles


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=commit)
        # Staff accounts are made by an administrator; sign-up gives a public role only.
        user.groups.add(Group.objects.get(name=form.role()))
        return user

    def get_login_redirect_url(self, request):
        # A `next` address, when there is one, is honoured by allauth before this.
        return resolve_url(roles.landing_for(request.user))
