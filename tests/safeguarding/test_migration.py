"""Safeguarding's move out of moderation keeps every row, grant and log entry.

Each test migrates back to before the move (moderation 0010, no safeguarding
migration), writes what a live site held then, on the old content type, and
migrates forward again. One test per path: schema changes need a
transactional test, which is slow. Runs on SQLite and, with DATABASE_URL, on
PostgreSQL.
"""

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import ModelLogEntry

from accounts import roles
from accounts.models import User
from voice.safeguarding.models import SafeguardingConcern, SafeguardingPhrase

BEFORE_THE_MOVE = [
    ("moderation", "0010_scrub_words_from_audit_log"),
    ("safeguarding", None),
]
MOVED = ["safeguardingconcern", "safeguardingphrase"]

pytestmark = pytest.mark.django_db(transaction=True)


def migrate_to(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    known = [target for target in targets if target[1] is not None]
    return MigrationExecutor(connection).loader.project_state(known).apps


def migrate_to_the_end():
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def what_the_site_held_before_the_move(old_apps) -> dict:
    """A concern, a phrase, the lead group's grant and a log entry, as they stood."""
    content_types = old_apps.get_model("contenttypes", "ContentType")
    concern_type, _ = content_types.objects.get_or_create(
        app_label="moderation", model="safeguardingconcern"
    )
    content_types.objects.get_or_create(
        app_label="moderation", model="safeguardingphrase"
    )
    concern = old_apps.get_model("moderation", "SafeguardingConcern").objects.create(
        source="unsafe_button", details="i dont feel safe at home"
    )
    phrase = old_apps.get_model("moderation", "SafeguardingPhrase").objects.create(
        phrase="keeps following me", category="threats"
    )
    permissions = old_apps.get_model("auth", "Permission")
    handle, _ = permissions.objects.get_or_create(
        content_type=concern_type,
        codename="handle_safeguarding",
        defaults={"name": "Can see and act on safeguarding concerns"},
    )
    lead_group, _ = old_apps.get_model("auth", "Group").objects.get_or_create(
        name=roles.SAFEGUARDING_LEAD
    )
    lead_group.permissions.add(handle)
    entry = old_apps.get_model("wagtailcore", "ModelLogEntry").objects.create(
        content_type=concern_type,
        object_id=str(concern.pk),
        label=f"Concern {concern.pk}",
        action="safeguarding.acknowledge",
        timestamp=concern.created_at,
    )
    return {"concern": concern.pk, "phrase": phrase.pk, "entry": entry.pk}


def assert_everything_followed_the_move(held: dict) -> None:
    ContentType.objects.clear_cache()
    concern = SafeguardingConcern.objects.get(pk=held["concern"])
    assert concern.details == "i dont feel safe at home"
    phrase = SafeguardingPhrase.objects.get(pk=held["phrase"])
    assert (phrase.phrase, phrase.category) == ("keeps following me", "threats")

    for model in MOVED:
        assert (
            ContentType.objects.filter(app_label="safeguarding", model=model).count()
            == 1
        )
        assert not ContentType.objects.filter(
            app_label="moderation", model=model
        ).exists()

    group = Group.objects.get(name=roles.SAFEGUARDING_LEAD)
    assert group.permissions.filter(
        content_type__app_label="safeguarding", codename="handle_safeguarding"
    ).exists()
    lead = User.objects.create(username="lead-after-the-move")
    lead.groups.add(group)
    assert lead.has_perm("safeguarding.handle_safeguarding")

    entry = ModelLogEntry.objects.get(pk=held["entry"])
    assert entry.content_type == ContentType.objects.get_for_model(SafeguardingConcern)
    assert ModelLogEntry.objects.for_instance(concern).filter(pk=entry.pk).exists()


def test_the_move_keeps_rows_grants_and_log_entries():
    held = what_the_site_held_before_the_move(migrate_to(BEFORE_THE_MOVE))

    migrate_to_the_end()

    assert_everything_followed_the_move(held)


def test_the_move_merges_into_content_types_post_migrate_already_made():
    old_apps = migrate_to(BEFORE_THE_MOVE)
    held = what_the_site_held_before_the_move(old_apps)
    content_types = old_apps.get_model("contenttypes", "ContentType")
    for model in MOVED:
        content_types.objects.create(app_label="safeguarding", model=model)

    migrate_to_the_end()

    assert_everything_followed_the_move(held)
