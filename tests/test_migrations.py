"""Role migrations keep working on a fresh database as permissions are added later."""

from datetime import timedelta
from importlib import import_module

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.db import connection
from django.db.migrations import RunPython
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

from accounts import roles
from tests.factories import UserFactory
from tests.programmes.factories import make_event, make_programme, programme_index

# Each app's migration that gives roles their permissions, and the module whose
# ROLE_PERMISSIONS table is the roles' powers today.
ROLE_MIGRATIONS = [
    ("accounts", "0002_roles", "accounts.permissions"),
    ("accounts", "0004_sign_in_code_requests", "accounts.permissions"),
    ("privacy", "0002_roles", "privacy.permissions"),
    ("board", "0002_roles", "voice.board.permissions"),
    ("review", "0002_roles", "voice.review.permissions"),
    ("surveys", "0002_roles", "voice.surveys.permissions"),
    ("programmes", "0002_roles_and_approval", "programmes.permissions"),
    ("moderation", "0005_starter_lists_and_roles", "voice.moderation.permissions"),
    ("feedback", "0003_default_topics_and_roles", "voice.feedback.permissions"),
]


def run_forward(app_label: str, migration_name: str) -> None:
    """Run a migration's data steps against the models as they were at that point."""
    loader = MigrationLoader(connection)
    state = loader.project_state((app_label, migration_name), at_end=False)
    migration = import_module(
        f"{loader.get_migration(app_label, migration_name).__module__}"
    )
    for operation in migration.Migration.operations:
        if isinstance(operation, RunPython):
            operation.code(state.apps, None)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("app_label", "migration_name", "permissions_module"), ROLE_MIGRATIONS
)
def test_a_role_migration_still_runs_after_a_later_permission_is_declared(
    monkeypatch, app_label, migration_name, permissions_module
):
    declared = import_module(permissions_module)
    later_table = {
        role: list(perms) for role, perms in declared.ROLE_PERMISSIONS.items()
    }
    # A permission of a model that a later migration will add.
    later_table.setdefault(roles.ADMINISTRATOR, []).append(
        f"{app_label}.view_model_of_a_later_migration"
    )
    monkeypatch.setattr(declared, "ROLE_PERMISSIONS", later_table)

    run_forward(app_label, migration_name)

    assert Group.objects.filter(name=roles.ADMINISTRATOR).exists()


@pytest.mark.django_db
def test_migrate_gives_the_roles_what_their_tables_declare_now():
    managers = Group.objects.get(name=roles.SERVICE_MANAGER)
    review = Permission.objects.get(
        content_type__app_label="review", codename="run_review"
    )
    managers.permissions.remove(review)

    call_command("migrate", verbosity=0)

    assert managers.permissions.filter(pk=review.pk).exists()


@pytest.mark.django_db(transaction=True)
def test_programmes_0006_makes_a_consent_record_for_each_consent_received_only(
    home_page,
):
    """The data step of 0006, run by the migration executor on the schema before it."""
    staff = UserFactory(username="staff-then", roles=[roles.PROGRAMME_STAFF])
    received_by = UserFactory(username="child-received", roles=[roles.YOUNG_PERSON])
    pending_by = UserFactory(username="child-pending", roles=[roles.YOUNG_PERSON])
    event = make_event(
        make_programme(programme_index(home_page), title="Inspire", slug="inspire"),
        title="Climbing taster",
        needs_consent=True,
    )
    marked_at = timezone.now() - timedelta(days=3)
    before, after = (
        ("programmes", "0005_certificate"),
        ("programmes", "0006_consent_records"),
    )
    executor = MigrationExecutor(connection)
    executor.migrate([before])
    try:
        old_sign_up = (
            MigrationExecutor(connection)
            .loader.project_state(before)
            .apps.get_model("programmes", "SignUp")
        )
        received = old_sign_up.objects.create(
            event_id=event.pk,
            person_id=received_by.pk,
            status="place",
            consent="received",
            consent_marked_by_id=staff.pk,
            consent_marked_at=marked_at,
        )
        old_sign_up.objects.create(
            event_id=event.pk,
            person_id=pending_by.pk,
            status="place",
            consent="pending",
        )

        executor = MigrationExecutor(connection)
        executor.migrate([after])

        consent_model = executor.loader.project_state(after).apps.get_model(
            "programmes", "Consent"
        )
        (consent,) = consent_model.objects.all()
        assert consent.sign_up_id == received.pk
        assert consent.given_by_name == "Not recorded (before consent records)"
        assert consent.relationship == "not_recorded"
        assert consent.how == "not_recorded"
        assert consent.for_what == "Climbing taster"
        assert consent.recorded_by_id == staff.pk
        assert consent.given_at == marked_at and consent.recorded_at == marked_at
        assert consent.withdrawn_at is None
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
