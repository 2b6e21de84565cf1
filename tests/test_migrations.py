"""Migrations keep working on a fresh database and keep the content already saved."""

import json
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
from tests.factories import ImageFactory, UserFactory
from tests.pages.test_pictures import a_content_page, a_programme_page
from tests.programmes.factories import make_event, make_programme, programme_index
from tests.surveys.factories import make_survey, survey_index
from voice.surveys.models import SurveySummaryPage

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


def a_survey_summary_page(home_page):
    page = SurveySummaryPage(
        title="What you told us", slug="told-us", survey=make_survey(home_page)
    )
    survey_index(home_page).add_child(instance=page)
    return page


# Each app whose pages hold pictures in their body: the migration before the move
# into Wagtail's ImageBlock, the move, and a page of that app.
PICTURE_MOVES = [
    (
        "pages",
        "0003_fill_footer_pages_from_slugs",
        "0004_pictures_in_image_block",
        a_content_page,
    ),
    (
        "programmes",
        "0007_consent_withdrawal",
        "0008_pictures_in_image_block",
        a_programme_page,
    ),
    (
        "surveys",
        "0005_survey_page_permissions",
        "0006_pictures_in_image_block",
        a_survey_summary_page,
    ),
]


def old_picture(image, alt_text, caption=""):
    """A body's picture as the block before Wagtail's ImageBlock stored it."""
    return {
        "type": "image",
        "value": {"image": image.pk, "alt_text": alt_text, "caption": caption},
        "id": f"picture-{image.pk}",
    }


def migrate_to(target):
    executor = MigrationExecutor(connection)
    executor.migrate([target])
    return executor.loader.project_state(target).apps


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(("app_label", "before", "after", "make_page"), PICTURE_MOVES)
def test_pictures_saved_before_the_image_block_keep_image_alt_text_and_caption(
    home_page, app_label, before, after, make_page
):
    """The live page and its newer draft both keep their pictures."""
    live_image = ImageFactory(title="IMG_0042")
    draft_image = ImageFactory(title="IMG_0043")
    page = make_page(home_page)
    page.save_revision().publish()
    draft = page.save_revision()
    model_name = page.specific_class.__name__

    old_apps = migrate_to((app_label, before))
    try:
        old_apps.get_model(app_label, model_name).objects.filter(pk=page.pk).update(
            body=[old_picture(live_image, "Young people at the climbing wall", "June")]
        )
        old_revision = old_apps.get_model("wagtailcore", "Revision")
        content = old_revision.objects.get(pk=draft.pk).content
        content["body"] = json.dumps([old_picture(draft_image, "A climbing helmet")])
        old_revision.objects.filter(pk=draft.pk).update(content=content)

        migrate_to((app_label, after))
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())

    page = page.specific_class.objects.get(pk=page.pk)
    (live,) = page.body
    assert live.value["image"].pk == live_image.pk
    assert (
        live.value["image"].contextual_alt_text == "Young people at the climbing wall"
    )
    assert live.value["image"].decorative is False
    assert live.value["caption"] == "June"
    (drafted,) = page.get_latest_revision_as_object().body
    assert drafted.value["image"].pk == draft_image.pk
    assert drafted.value["image"].contextual_alt_text == "A climbing helmet"


@pytest.mark.django_db(transaction=True)
def test_moving_pictures_back_keeps_alt_text_and_gives_decorative_ones_none(
    home_page,
):
    image = ImageFactory(title="Pattern")
    page = a_content_page(home_page)
    page.body = [
        {
            "type": "image",
            "value": {
                "image": {"image": image.pk, "alt_text": alt, "decorative": decorative},
                "caption": "",
            },
        }
        for alt, decorative in [("A map of the centre", False), ("", True)]
    ]
    page.save()

    old_apps = migrate_to(("pages", "0003_fill_footer_pages_from_slugs"))
    try:
        old_page = old_apps.get_model("pages", "StandardPage").objects.get(pk=page.pk)
        stored = [block.value for block in old_page.body]
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())

    assert [(value["image"].pk, value["alt_text"]) for value in stored] == [
        (image.pk, "A map of the centre"),
        (image.pk, ""),
    ]
