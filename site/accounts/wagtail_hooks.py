"""Wagtail hooks for accounts: the audit log's account actions, and the rank rule
in Wagtail's user admin (edit, delete, role changes, bulk actions).

Wagtail checks only that a person holds "change user"; these hooks add
accounts.roles' rule, so an administrator cannot change, deactivate or delete
an account ranked as high as their own, nor hand out a role that high.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail import hooks

from accounts import log_actions
from accounts.roles import OutOfReach, can_act_on, can_grant, role_names


def _submitted_roles(request) -> set[str] | None:
    """The role names ticked in a user form, or None when the form sends none."""
    if request.method != "POST" or "groups" not in request.POST:
        return None if request.method != "POST" else set()
    # Compared as text: a forged id never reaches a query, and there are few groups.
    ticked = set(request.POST.getlist("groups"))
    groups = Group.objects.values_list("pk", "name")
    return {name for pk, name in groups if str(pk) in ticked}


def _refuse_role_changes_out_of_reach(request, before: set[str]) -> None:
    after = _submitted_roles(request)
    if after is None:
        return
    if any(not can_grant(request.user, role) for role in before ^ after):
        raise OutOfReach
    if request.POST.get("is_superuser") and not request.user.is_superuser:
        raise OutOfReach


@hooks.register("before_create_user")
def refuse_creating_accounts_above_own_rank(request):
    _refuse_role_changes_out_of_reach(request, before=set())


@hooks.register("before_edit_user")
def refuse_editing_accounts_out_of_reach(request, user):
    if not can_act_on(request.user, user):
        raise OutOfReach
    _refuse_role_changes_out_of_reach(request, before=set(role_names(user)))


@hooks.register("before_delete_user")
def refuse_deleting_accounts_out_of_reach(request, user):
    if not can_act_on(request.user, user):
        raise OutOfReach


@hooks.register("before_bulk_action")
def refuse_bulk_actions_on_accounts_out_of_reach(request, action_type, objects, view):
    if getattr(view, "model", None) is not get_user_model():
        return
    if any(not can_act_on(request.user, user) for user in objects):
        raise OutOfReach
    if action_type == "assign_role":
        role = view.cleaned_form.cleaned_data.get("role")
        if role is not None and not can_grant(request.user, role.name):
            raise OutOfReach


@hooks.register("register_log_actions")
def register_account_log_actions(actions):
    for action, label, message in log_actions.LOG_ACTIONS:
        actions.register_action(action, label, message)
