"""Fixtures every test can use: people in each role, signed-in clients, a page tree."""

import os
from importlib import import_module

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group
from django.core.cache import caches
from hypothesis import settings as hypothesis_settings
from wagtail.models import Collection, Locale, Page, Site, Workflow

from accounts import roles
from tests.factories import ROLE_USERNAMES, UserFactory, pass_mfa
from voice.moderation import services as moderation_services
from voice.moderation.models import ModeratedText

# CI draws the same examples on every run, so a red build always names a
# change on main; `make fuzz` explores fresh random examples instead.
hypothesis_settings.register_profile("ci", derandomize=True)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(autouse=True)
def _forget_cached_settings_and_forms():
    """A rolled-back test's settings, topics or phrases must not stay cached for the next one."""
    from pages import service_settings
    from voice.feedback import blank_form
    from voice.safeguarding import screening

    def forget_everything():
        caches["fragments"].clear()
        service_settings.forget()
        blank_form.forget()
        screening.forget_phrases()

    forget_everything()
    yield
    forget_everything()


@pytest.fixture(autouse=True)
def _restore_migrated_data(request):
    """Transactional tests flush the database, Wagtail's root page and our roles included.

    Put back what migrations made, so no test depends on the order tests run in.
    """
    marker = request.node.get_closest_marker("django_db")
    wanted = {"db", "transactional_db", "live_server"} & set(request.fixturenames)
    if marker is None and not wanted:
        return
    transactional = bool(
        (marker and marker.kwargs.get("transaction"))
        or {"transactional_db", "live_server"} & set(request.fixturenames)
    )
    request.getfixturevalue("transactional_db" if transactional else "db")
    restore_baseline()


def restore_baseline() -> None:
    if not Group.objects.filter(name=roles.ADMINISTRATOR).exists():
        roles.sync_roles()
    if not Locale.objects.exists():
        Locale.objects.create(language_code="en-gb")
    from voice.safeguarding.models import SafeguardingPhrase
    from voice.safeguarding.starter_lists import add_starter_lists

    if not SafeguardingPhrase.objects.exists():
        add_starter_lists()
    from voice.feedback.models import Topic
    from voice.feedback.topics import ensure_default_topics

    if not Topic.objects.exists():
        ensure_default_topics(Topic)
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    programme_approval = import_module("programmes.migrations.0002_roles_and_approval")
    if not Workflow.objects.filter(name=programme_approval.WORKFLOW_NAME).exists():
        programme_approval.create_roles_and_workflow(django_apps, None)
    if not Page.objects.filter(depth=1).exists():
        root = Page.add_root(title="Root", slug="root")
        Site.objects.create(hostname="localhost", root_page=root, is_default_site=True)


@pytest.fixture
def people(db):
    """One person per role, keyed by role name, plus "anonymous" → None."""
    found = {
        role: UserFactory(username=ROLE_USERNAMES[role], roles=[role])
        for role in roles.ALL_ROLES
    }
    admin = found[roles.ADMINISTRATOR]
    admin.is_superuser = admin.is_staff = True
    admin.save()
    return found


@pytest.fixture
def young_person(db):
    return UserFactory(username="young-person", roles=[roles.YOUNG_PERSON])


@pytest.fixture
def client_for(client, settings):
    """A test client signed in as the given user.

    By default the session has passed MFA (as allauth records it). With
    `mfa_required=True` MFA is enforced and the session has not passed it,
    unless `passed_mfa=True` says it has.
    """

    def sign_in(user, mfa_required: bool = False, passed_mfa: bool | None = None):
        settings.STAFF_MFA_REQUIRED = mfa_required
        if user is not None:
            client.force_login(user)
            if passed_mfa if passed_mfa is not None else not mfa_required:
                pass_mfa(client, user)
        return client

    return sign_in


@pytest.fixture
def home_page(db):
    """The site's home page under Wagtail's root, as the default site's root."""
    from pages.models import HomePage

    home = HomePage.objects.first()
    if home:
        return home
    root = Page.get_first_root_node()
    home = HomePage(title="Home", slug="test-home", intro="Welcome.")
    root.add_child(instance=home)
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    return home


@pytest.fixture
def submit(django_capture_on_commit_callbacks):
    """submit_text as a real request makes it: with what runs after commit (screening, alerts)."""

    def submit_text(text, kind=ModeratedText.Kind.FEEDBACK, author=None):
        with django_capture_on_commit_callbacks(execute=True):
            item = moderation_services.submit_text(text=text, kind=kind, author=author)
        item.refresh_from_db()
        return item

    return submit_text


@pytest.fixture
def moderator(db):
    return UserFactory(
        username="mod-one", roles=[roles.MODERATOR], email="one@example.org"
    )


@pytest.fixture
def other_moderator(db):
    return UserFactory(
        username="mod-two", roles=[roles.MODERATOR], email="two@example.org"
    )


@pytest.fixture
def leads(db):
    """Two safeguarding leads: every alert must reach each of them."""
    return [
        UserFactory(
            username=f"lead-{n}",
            roles=[roles.SAFEGUARDING_LEAD],
            email=f"lead{n}@example.org",
        )
        for n in (1, 2)
    ]
