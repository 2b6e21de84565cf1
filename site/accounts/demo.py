"""Demo users, one per role. They exist only when `seed_demo` is run."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from accounts import roles

DEMO_USERS = [
    ("young1", [roles.YOUNG_PERSON]),
    ("young2", [roles.YOUNG_PERSON]),
    ("parent1", [roles.PARENT_CARER]),
    ("board1", [roles.YOUNG_PERSON, roles.BOARD_MEMBER]),
    ("caseworker", [roles.CASE_WORKER]),
    ("moderator", [roles.MODERATOR]),
    ("safeguarding", [roles.SAFEGUARDING_LEAD]),
    ("programmes", [roles.PROGRAMME_STAFF]),
    ("manager", [roles.SERVICE_MANAGER]),
    ("admin", [roles.ADMINISTRATOR]),
]


def seed(context: dict) -> None:
    user_model = get_user_model()
    users = {}
    for username, role_names in DEMO_USERS:
        user, _ = user_model.objects.get_or_create(username=username)
        user.set_password(context["password"])
        user.is_superuser = user.is_staff = username == "admin"
        user.save()
        user.groups.set(Group.objects.filter(name__in=role_names))
        users[username] = user
    for young in ("young1", "young2"):
        users[young].case_worker = users["caseworker"]
        users[young].save(update_fields=["case_worker"])
    context["users"] = users
    context["logins"] = [(name, ", ".join(r)) for name, r in DEMO_USERS]
