"""The "I don't feel safe" button: one tap raises an urgent concern and shows help at once."""

import pytest
from django.test import Client
from django.urls import reverse

from accounts import roles
from accounts.models import Notification
from tests.factories import DEFAULT_PASSWORD, pass_mfa
from voice.safeguarding.models import SafeguardingConcern
from voice.safeguarding.services import acknowledge_concern

pytestmark = pytest.mark.django_db

BUTTON = "I don't feel safe"


def test_signed_in_young_people_see_the_button_on_every_page(client, people, home_page):
    client.force_login(people[roles.YOUNG_PERSON])
    for path in ["/", "/feedback/shared/", "/accounts/messages/"]:
        html = client.get(path).content.decode()
        assert 'action="/feedback/unsafe/"' in html, path


def test_other_people_see_it_only_on_the_feedback_page(client, people, home_page):
    for user in [None, people[roles.PARENT_CARER], people[roles.MODERATOR]]:
        client.logout()
        if user:
            client.force_login(user)
            pass_mfa(client, user)
        assert 'action="/feedback/unsafe/"' not in client.get("/").content.decode()
        assert 'action="/feedback/unsafe/"' in client.get("/feedback/").content.decode()


def test_one_tap_raises_an_urgent_concern_and_shows_what_happens_next(client, people):
    young = people[roles.YOUNG_PERSON]
    client.force_login(young)
    response = client.post("/feedback/unsafe/", {})
    assert response.status_code == 302
    concern = SafeguardingConcern.objects.get()
    assert concern.source == SafeguardingConcern.Source.UNSAFE_BUTTON
    assert concern.raised_by == young

    page = client.get(response["Location"])
    html = page.content.decode()
    assert "We have told someone" in html
    assert "What happens next" in html
    assert "999" in html and "0800 1111" in html
    assert "secret" not in html.lower()
    assert "no-store" in page["Cache-Control"]


def test_anyone_can_use_it_from_the_feedback_page_and_add_how_to_reach_them(client):
    response = client.post(
        "/feedback/unsafe/",
        {
            "unsafe-details": "Someone is waiting outside.",
            "unsafe-how_to_reach": "07700 900123",
        },
    )
    assert response.status_code == 302
    concern = SafeguardingConcern.objects.get()
    assert concern.raised_by is None
    assert "Someone is waiting outside." in concern.details
    assert "07700 900123" in concern.details


def test_a_double_tap_raises_one_concern(client):
    client.post("/feedback/unsafe/", {})
    client.post("/feedback/unsafe/", {})
    assert SafeguardingConcern.objects.count() == 1


def test_words_added_after_the_tap_join_the_same_concern(client):
    client.post("/feedback/unsafe/", {})
    response = client.post("/feedback/unsafe/sent/", {"unsafe-details": "At school."})
    assert response.status_code == 200
    assert "We have added that" in response.content.decode()
    concern = SafeguardingConcern.objects.get()
    assert "At school." in concern.details


def test_too_many_words_are_refused_and_kept(client):
    words = "x" * 1001
    response = client.post("/feedback/unsafe/", {"unsafe-details": words})
    assert response.status_code == 400
    assert words in response.content.decode()
    assert not SafeguardingConcern.objects.exists()


def test_the_next_steps_page_without_a_tap_leads_to_the_button(client):
    response = client.get("/feedback/unsafe/sent/")
    assert response["Location"] == "/feedback/unsafe/"
    html = client.get("/feedback/unsafe/").content.decode()
    assert BUTTON in html and "0800 1111" in html


def test_the_button_is_a_post_form_protected_against_forgery(people):
    client = Client(enforce_csrf_checks=True)
    assert client.post("/feedback/unsafe/", {}).status_code == 403
    assert not SafeguardingConcern.objects.exists()
    html = client.get("/feedback/").content.decode()
    token = html.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    response = client.post("/feedback/unsafe/", {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert SafeguardingConcern.objects.count() == 1


@pytest.mark.parametrize("path", ["/feedback/", "/feedback/unsafe/"])
def test_the_short_privacy_notice_is_shown_where_words_are_collected(client, path):
    html = client.get(path).content.decode()
    assert "What happens to what you tell us" in html
    # These forms work without signing in, so the notice says what that means.
    assert "We do not keep your IP address or what phone you use." in html
    assert 'href="/privacy/"' in html


OFFICE = "203.0.113.60"


def alert_from_a_fresh_browser(details: str, address: str = OFFICE):
    """A post as a script sends it: a new browser (new cookies, new session) each time."""
    return Client().post(
        "/feedback/unsafe/", {"unsafe-details": details}, REMOTE_ADDR=address
    )


def notifications_for_leads(people):
    return Notification.objects.filter(user=people[roles.SAFEGUARDING_LEAD])


def test_twelve_alerts_from_fresh_browsers_in_one_place_reach_the_lead_once_with_every_word(
    people,
):
    for number in range(12):
        response = alert_from_a_fresh_browser(f"Message number {number}.")
        assert response.status_code == 302
    concern = SafeguardingConcern.objects.get()
    for number in range(12):
        assert f"Message number {number}." in concern.details
    assert concern.details.count("Pressed again") == 11
    assert notifications_for_leads(people).count() == 1


def test_alerts_from_two_places_stay_two_concerns(people):
    alert_from_a_fresh_browser("From the office.", address=OFFICE)
    alert_from_a_fresh_browser("From home.", address="198.51.100.20")
    assert SafeguardingConcern.objects.count() == 2
    assert notifications_for_leads(people).count() == 2


def test_once_a_lead_has_acknowledged_it_a_new_alert_is_a_new_concern(client, people):
    alert_from_a_fresh_browser("First.")
    lead = people[roles.SAFEGUARDING_LEAD]
    first = SafeguardingConcern.objects.get()
    acknowledge_concern(concern=first, lead=lead)
    alert_from_a_fresh_browser("Second.")
    assert SafeguardingConcern.objects.count() == 2
    assert "Second." not in SafeguardingConcern.objects.get(pk=first.pk).details
    assert notifications_for_leads(people).count() == 2


def test_a_signed_in_young_person_signing_in_again_still_reaches_the_same_concern(
    people,
):
    young = people[roles.YOUNG_PERSON]
    for number in range(3):
        browser = Client()
        browser.force_login(young)  # a new session each time
        browser.post("/feedback/unsafe/", {"unsafe-details": f"Signed in {number}."})
    concern = SafeguardingConcern.objects.get()
    assert concern.raised_by == young
    assert all(f"Signed in {n}." in concern.details for n in range(3))
    assert notifications_for_leads(people).count() == 1


def session_row_text(client) -> str:
    from django.contrib.sessions.models import Session

    row = Session.objects.get(session_key=client.cookies["sessionid"].value)
    return str(row.get_decoded())


def test_an_anonymous_alert_does_not_follow_the_next_person_who_signs_in(
    client, people
):
    client.post("/feedback/unsafe/", {"unsafe-details": "Someone is outside."})
    concern = SafeguardingConcern.objects.get()
    assert "feedback_unsafe" in session_row_text(client)

    response = client.post(
        "/accounts/login/", {"login": "young", "password": DEFAULT_PASSWORD}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(people[roles.YOUNG_PERSON].pk)
    assert "feedback_unsafe" not in session_row_text(client)
    assert client.get("/feedback/unsafe/sent/")["Location"] == "/feedback/unsafe/"
    client.post("/feedback/unsafe/sent/", {"unsafe-details": "I can read this."})
    concern.refresh_from_db()
    assert "I can read this." not in concern.details


def test_nothing_an_anonymous_visitor_left_in_the_session_survives_a_sign_in(
    client, people
):
    session = client.session
    session["feedback_reported"] = [1, 2, 3]
    session["anything_else"] = "left by the last person"
    session.save()
    client.post("/accounts/login/", {"login": "young", "password": DEFAULT_PASSWORD})
    stored = session_row_text(client)
    assert "_auth_user_id" in stored
    assert "feedback_reported" not in stored
    assert "left by the last person" not in stored


def test_an_anonymous_alert_is_remembered_only_while_words_can_be_added(client):
    client.post("/feedback/unsafe/", {})
    # The anonymous session ends when the time to add words ends.
    assert client.session.get_expiry_age() <= 60 * 60
    session = client.session
    remembered = dict(session["feedback_unsafe"])
    remembered["at"] = "2000-01-01T00:00:00+00:00"
    session["feedback_unsafe"] = remembered
    session.save()
    assert client.get("/feedback/unsafe/sent/")["Location"] == "/feedback/unsafe/"
    assert "feedback_unsafe" not in session_row_text(client)


def test_what_they_write_after_the_button_is_screened_and_the_lead_sees_why(
    client, client_for, people
):
    client.post(
        "/feedback/unsafe/",
        {
            "unsafe-details": "my mums bf keeps goin for her n im scared hes gonna kill her"
        },
    )
    concern = SafeguardingConcern.objects.get()
    assert concern.reasons
    page = client_for(people[roles.SAFEGUARDING_LEAD]).get(
        reverse("safeguarding:detail", args=[concern.pk])
    )
    html = page.content.decode()
    assert "Why it was raised" in html


def test_someone_who_did_not_sign_in_or_leave_a_way_to_reach_them_is_not_promised_contact(
    client,
):
    response = client.post(
        "/feedback/unsafe/", {"unsafe-details": "i dont wanna go back there tonite"}
    )
    html = client.get(response["Location"]).content.decode()
    assert "get in touch with you as soon as" not in html
    assert "A person whose job is to keep young people safe has read" in html
    assert "we cannot get in touch with you" in html
    assert "999" in html and "0800 1111" in html and "85258" in html


def test_someone_who_left_a_way_to_reach_them_is_told_they_will_be_contacted(client):
    response = client.post(
        "/feedback/unsafe/", {"unsafe-how_to_reach": "07700 900123 after 4"}
    )
    html = client.get(response["Location"]).content.decode()
    assert "They will try to get in touch with you as soon as they can." in html


def test_a_signed_in_young_person_is_told_they_will_be_contacted(client, people):
    client.force_login(people[roles.YOUNG_PERSON])
    response = client.post("/feedback/unsafe/", {})
    html = client.get(response["Location"]).content.decode()
    assert "They will try to get in touch with you as soon as they can." in html


def test_the_box_on_the_feedback_page_is_empty_after_someone_else_was_refused(client):
    assert BUTTON in client.get("/feedback/").content.decode()
    words = "y" * 1001
    refused = client.post("/feedback/unsafe/", {"unsafe-details": words})
    assert words in refused.content.decode()
    html = client.get("/feedback/").content.decode()
    assert words not in html
    assert 'name="unsafe-details"' in html and 'name="unsafe-how_to_reach"' in html
