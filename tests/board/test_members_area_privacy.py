"""Only board members and their staff can read the members' area, by any route."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from accounts import roles
from tests.board.access_samples import SAMPLE_KWARGS
from tests.board.factories import make_feedback
from tests.routes import ALL_ROUTES, has_parameters
from voice.board.models import Recommendation
from voice.feedback.models import Topic
from voice.moderation.models import Theme

pytestmark = pytest.mark.django_db

MEMBERS_ONLY = [
    (name, route)
    for name, route, _ in ALL_ROUTES
    if name.startswith("board:") and name not in {"board:apply", "board:profile"}
]


def members_area_paths(people):
    for name, route in MEMBERS_ONLY:
        if has_parameters(route):
            yield name, reverse(name, kwargs=SAMPLE_KWARGS[name](people))
        else:
            yield name, reverse(name)


@pytest.fixture
def seeded(db):
    import io

    from django.core.management import call_command

    call_command("seed_demo", stdout=io.StringIO())


def test_every_members_area_route_is_listed():
    assert len(MEMBERS_ONLY) >= 12


def test_anonymous_visitors_are_sent_to_sign_in_everywhere_in_the_members_area(
    client, seeded, people
):
    for name, path in members_area_paths(people):
        for method in (client.get, client.post):
            response = method(path)
            assert response.status_code == 302, f"{name} {path}"
            assert response["Location"].startswith("/accounts/login/"), name


def test_young_people_who_are_not_members_are_refused_everywhere(
    client_for, seeded, people
):
    client = client_for(people[roles.YOUNG_PERSON])
    for name, path in members_area_paths(people):
        for method in (client.get, client.post):
            assert method(path).status_code == 403, f"{name} {path}"


def test_board_members_can_open_every_page_of_the_members_area(
    client_for, seeded, people
):
    client = client_for(people[roles.BOARD_MEMBER])
    for name, path in members_area_paths(people):
        response = client.get(path)
        assert response.status_code in {200, 302, 405}, f"{name} {path}"
        if response.status_code == 302:
            assert not response["Location"].startswith("/accounts/login/")


def test_staff_pages_for_the_board_are_closed_to_members(client_for, seeded, people):
    client = client_for(people[roles.BOARD_MEMBER])
    assert client.get(reverse("board_admin:home")).status_code == 403


def test_drafts_and_comments_never_reach_public_pages_or_search(client, seeded, people):
    draft = Recommendation.objects.drafts().get()
    public_pages = Page.objects.live().public().specific()
    for page in public_pages:
        assert draft.title not in client.get(page.url).content.decode(), page.url
    assert not Page.objects.live().search(draft.title)
    assert not Page.objects.live().search("comfy chairs")
    board = client.get("/shadow-board/").content.decode()
    assert "Write appointment letters in plain words" in board  # submitted: public


def test_member_area_content_is_not_a_page_so_no_feed_preview_or_api_can_serve_it():
    from wagtail.models import get_page_models

    page_models = {model.__name__ for model in get_page_models()}
    assert {"BoardIndexPage", "MeetingPage"} <= page_models
    assert not any("Recommendation" in name for name in page_models)


def test_evidence_shows_only_approved_consented_feedback_and_hides_small_groups(
    client_for, member
):
    waiting, _ = Topic.objects.get_or_create(name="Waiting")
    court, _ = Topic.objects.get_or_create(name="Court")
    cold, _ = Theme.objects.get_or_create(name="Feeling welcome")
    for number in range(5):
        make_feedback(topic=waiting, text=f"Shared words {number}", themes=(cold,))
    make_feedback(topic=court, text="Court was scary")
    make_feedback(topic=waiting, text="Not approved", status="waiting")
    make_feedback(topic=waiting, text="Not consented", share_consent=False)
    make_feedback(topic=waiting, text="Taken back", withdrawn=True)

    body = client_for(member).get(reverse("board:evidence")).content.decode()
    assert "Shared words 4" in body
    assert "Court was scary" not in body  # its group is under 5
    assert "fewer than 5" in body
    for hidden in ("Not approved", "Not consented", "Taken back"):
        assert hidden not in body
    assert "<td>Waiting</td><td>5</td>" in body
    assert "<td>Feeling welcome</td><td>5</td>" in body
    assert "Survey results" in body


def test_evidence_page_queries_do_not_grow_with_more_feedback(
    client_for, member, django_assert_max_num_queries
):
    topic, _ = Topic.objects.get_or_create(name="Waiting")
    for number in range(5):
        make_feedback(topic=topic, text=f"Words {number}")
    client = client_for(member)
    client.get(reverse("board:evidence"))
    with django_assert_max_num_queries(20) as small:
        client.get(reverse("board:evidence"))
    for number in range(20):
        make_feedback(topic=topic, text=f"More words {number}")
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(reverse("board:evidence"))


def test_evidence_quotes_leave_out_feedback_whose_words_were_purged(client_for, member):
    from django.utils import timezone

    topic = Topic.objects.create(name="Waiting")
    for number in range(5):
        make_feedback(topic=topic, text=f"Shared words {number}")
    purged = make_feedback(topic=topic, text="")
    purged.moderated_text.anonymised_at = timezone.now()
    purged.moderated_text.save()

    body = client_for(member).get(reverse("board:evidence")).content.decode()
    assert "Shared words 4" in body
    assert body.count("<blockquote>") == 5
    assert "<blockquote></blockquote>" not in body
    assert "<td>Waiting</td><td>6</td>" in body  # still counted in the figures
