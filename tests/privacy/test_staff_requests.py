"""Staff carry out data requests made in person; every look at a person's data is logged."""

import json

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory

from accounts import roles
from privacy.audit import record_access
from privacy.models import AccessLog
from tests.factories import UserFactory
from tests.privacy.factories import feedback


@pytest.fixture
def manager_client(client_for, people):
    return client_for(people[roles.SERVICE_MANAGER])


def test_staff_find_a_person_by_username(manager_client, young_person, other_person):
    content = manager_client.get("/staff/privacy/?q=young").content.decode()
    assert f'href="/staff/privacy/people/{young_person.pk}/"' in content
    assert "other-person" not in content
    assert not AccessLog.objects.exists()  # a list of usernames shows no data


def test_opening_a_persons_data_shows_it_and_is_logged(
    manager_client, people, young_person
):
    feedback(author=young_person, text="My worker listens.")
    response = manager_client.get(f"/staff/privacy/people/{young_person.pk}/")
    assert "My worker listens." in response.content.decode()
    entry = AccessLog.objects.get()
    assert entry.who == people[roles.SERVICE_MANAGER]
    assert entry.who_username == "manager"
    assert entry.subject == young_person
    assert entry.path == f"/staff/privacy/people/{young_person.pk}/"


def test_downloading_and_printing_for_a_person_are_logged_too(
    manager_client, young_person, other_person
):
    feedback(author=young_person, text="Court was fine.")
    response = manager_client.get(f"/staff/privacy/people/{young_person.pk}/data.json")
    data = json.loads(response.content)
    assert data["Username"] == "young-person"
    assert "Zebedee" not in response.content.decode()
    manager_client.get(f"/staff/privacy/people/{young_person.pk}/everything/")
    whats = list(
        AccessLog.objects.order_by("created_at").values_list("what", flat=True)
    )
    assert whats == [
        "Downloaded everything held about them",
        "Printed everything held about them",
    ]


def test_record_access_is_what_other_apps_call_and_keeps_no_address(
    people, young_person
):
    request = RequestFactory().get(
        "/staff/moderation/1/", REMOTE_ADDR="203.0.113.77", HTTP_USER_AGENT="Agent/1"
    )
    request.user = people[roles.MODERATOR]
    entry = record_access(request, young_person, "Their feedback")
    row = " ".join(str(value) for value in AccessLog.objects.values().get().values())
    assert entry.what == "Their feedback" and entry.subject_number == young_person.pk
    assert "203.0.113.77" not in row and "Agent/1" not in row


def test_the_access_log_lists_who_looked_at_whose_data(
    manager_client, people, young_person
):
    manager_client.get(f"/staff/privacy/people/{young_person.pk}/")
    content = manager_client.get("/staff/privacy/log/").content.decode()
    assert "<td>manager</td>" in content
    assert "<td>young-person</td>" in content
    filtered = manager_client.get("/staff/privacy/log/?person=nobody").content
    assert b"Nothing recorded yet." in filtered


def test_the_access_log_filters_by_either_username_and_tells_of_one_too_long(
    manager_client, people, young_person
):
    manager_client.get(f"/staff/privacy/people/{young_person.pk}/")

    by_subject = manager_client.get("/staff/privacy/log/", {"person": "young-person"})
    by_staff = manager_client.get("/staff/privacy/log/", {"person": "manager"})
    too_long = manager_client.get("/staff/privacy/log/", {"person": "x" * 151})

    assert "<td>young-person</td>" in by_subject.content.decode()
    assert "<td>young-person</td>" in by_staff.content.decode()
    assert too_long.status_code == 200
    assert too_long.context["form"].errors.keys() == {"person"}
    assert "<td>young-person</td>" in too_long.content.decode()


def test_the_log_keeps_an_account_number_after_the_account_is_deleted(
    manager_client, young_person
):
    manager_client.get(f"/staff/privacy/people/{young_person.pk}/")
    number = young_person.pk
    young_person.delete()
    content = manager_client.get("/staff/privacy/log/").content.decode()
    assert f"Account {number} (deleted)" in content


def test_the_access_log_page_makes_the_same_queries_for_10_or_60_entries(
    manager_client, people, django_assert_max_num_queries
):
    manager = people[roles.SERVICE_MANAGER]

    def add_entries(count):
        for n in range(count):
            person = UserFactory(username=f"subject-{count}-{n}")
            AccessLog.objects.create(
                who=manager, who_username="manager", subject=person, what="looked"
            )

    add_entries(10)
    manager_client.get("/staff/privacy/log/")  # settings and roles cached once
    with django_assert_max_num_queries(12) as small:
        manager_client.get("/staff/privacy/log/")
    add_entries(50)
    with django_assert_max_num_queries(12) as large:
        manager_client.get("/staff/privacy/log/")
    assert len(large.captured_queries) == len(small.captured_queries)


@pytest.mark.parametrize(
    "role",
    [roles.MODERATOR, roles.CASE_WORKER, roles.SAFEGUARDING_LEAD, roles.YOUNG_PERSON],
)
def test_other_roles_cannot_open_a_persons_data(client_for, people, role, young_person):
    client = client_for(people[role])
    response = client.get(f"/staff/privacy/people/{young_person.pk}/")
    assert response.status_code == 403
    assert not AccessLog.objects.exists()


def test_administrators_set_the_retention_periods_in_the_wagtail_admin(
    client_for, people
):
    from privacy.models import RetentionSettings

    admin = UserFactory(username="admin-not-superuser", roles=[roles.ADMINISTRATOR])
    client = client_for(admin)
    response = client.get("/admin/settings/privacy/retentionsettings/", follow=True)
    assert response.status_code == 200
    assert "must set its own policy" in response.content.decode()
    form_url = response.redirect_chain[-1][0]
    client.post(
        form_url,
        {
            "free_text_months": "6",
            "safeguarding_years": "7",
            "notification_days": "90",
            "sign_in_code_days": "14",
            "finished_task_days": "3",
            "consent_months": "18",
            "access_log_years": "3",
        },
    )
    policy = RetentionSettings.load()
    assert (policy.free_text_months, policy.safeguarding_years) == (6, 7)
    assert policy.finished_task_days == 3
    assert policy.consent_months == 18
    manager = people[roles.SERVICE_MANAGER]
    assert not manager.has_perm("privacy.change_retentionsettings")


def test_the_short_privacy_notice_is_plain_and_links_to_the_full_one():
    html = render_to_string("includes/privacy_notice.html", {"privacy_anonymous": True})
    assert 'href="/privacy/"' in html
    assert "never with your name" in html
    assert "We do not keep your IP address" in html
    sentences = [s for s in html.replace("<", ".").split(".") if s.strip()]
    assert max(len(s.split()) for s in sentences) <= 25  # short sentences
