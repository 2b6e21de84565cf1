"""The child who gave feedback rates what came of it, on their receipt or My feedback, once."""

import pytest
from django.core.cache import cache
from django.db import IntegrityError, transaction

from tests.review.factories import make_feedback
from tests.review.test_public_page import make_action
from voice.review import figures
from voice.review.models import ActionRating

pytestmark = pytest.mark.django_db

CHECK = "/feedback/check/"
RATE = "/you-said-we-did/rate/"
MINE = "/feedback/mine/"


@pytest.fixture(autouse=True)
def fresh_limits():
    cache.clear()


@pytest.fixture
def answered(cycle, topic, manager):
    """A child's feedback and the public action that came from it."""
    feedback = make_feedback(text="The waiting room is boring.")
    action = make_action(cycle, topic, manager, "done", "New games", [feedback])
    return feedback, action


def rate(client, feedback, action, score, next_page="check"):
    return client.post(
        RATE,
        {
            "code": feedback.receipt_code,
            "action": str(action.pk),
            "score": str(score),
            "next": next_page,
        },
        follow=True,
    )


def test_the_receipt_offers_the_rating_and_keeps_one_per_item(client, answered, cycle):
    feedback, action = answered
    receipt = client.post(CHECK, {"code": feedback.receipt_code}, follow=True)
    assert "How well did we respond?" in receipt.content.decode()

    first = rate(client, feedback, action, 2)
    assert "Thank you. You said we did: badly." in first.content.decode()
    second = rate(client, feedback, action, 5).content.decode()

    assert list(ActionRating.objects.values_list("score", flat=True)) == [5]
    assert "You can change your answer." in second
    assert 'value="5" class="rating-button rating-button--chosen"' in second
    assert figures.board_report(cycle).rating_count == 1


def test_the_signed_in_author_rates_from_my_feedback(client_for, young_person, cycle):
    feedback = make_feedback(author=young_person)
    action = make_action(
        cycle, feedback.topic, young_person, "in_progress", "Texts", [feedback]
    )
    client = client_for(young_person)
    assert "How well did we respond?" in client.get(MINE).content.decode()

    response = rate(client, feedback, action, 4, next_page="mine")

    assert response.redirect_chain[-1][0] == MINE
    assert "Thank you. You said we did: well." in response.content.decode()
    assert ActionRating.objects.get().feedback == feedback


def test_nobody_else_can_rate_an_item(client, answered, cycle, topic, manager):
    feedback, action = answered
    someone_else = make_feedback(text="Other words.")
    not_from_it = make_action(cycle, topic, manager, "done", "Paint", [someone_else])
    not_public = make_action(cycle, topic, manager, "agreed", "Secret", [feedback])

    rate(client, someone_else, action, 1)
    rate(client, feedback, not_from_it, 1)
    rate(client, feedback, not_public, 1)
    wrong_code = client.post(
        RATE, {"code": "ZZZZ-ZZZZ", "action": action.pk, "score": 1}, follow=True
    )

    assert "We could not keep your answer" in wrong_code.content.decode()
    assert not ActionRating.objects.exists()


def test_a_bad_score_shows_its_message_beside_the_rating(
    client, client_for, young_person, cycle, topic, manager
):
    feedback = make_feedback(author=young_person)
    action = make_action(cycle, topic, manager, "done", "Games", [feedback])

    on_receipt = rate(client, feedback, action, 9).content.decode()
    signed_in = client_for(young_person)
    on_mine = signed_in.post(
        RATE,
        {
            "code": feedback.receipt_code,
            "action": action.pk,
            "score": 9,
            "next": "mine",
        },
    )

    for html in (on_receipt, on_mine.content.decode()):
        form = html[html.index('class="rating-form') :]
        form = form[: form.index("</form>")]
        assert "Choose how well you think we did, from 1 to 5." in form
    assert on_mine.status_code == 400
    assert not ActionRating.objects.exists()


def test_the_rating_answer_and_the_receipt_after_it_are_never_kept(client, answered):
    feedback, action = answered
    answer = client.post(
        RATE,
        {"code": feedback.receipt_code, "action": action.pk, "score": 3},
    )
    shown = client.get(answer["Location"])

    for response in (answer, shown):
        assert "no-store" in response["Cache-Control"]
    # The receipt is shown once: Back or Reload brings back only an empty form.
    assert "How well did we respond?" not in client.get(CHECK).content.decode()


def test_the_database_holds_one_rating_per_feedback_and_item(answered):
    feedback, action = answered
    ActionRating.objects.create(action=action, feedback=feedback, score=3)

    with pytest.raises(IntegrityError), transaction.atomic():
        ActionRating.objects.create(action=action, feedback=feedback, score=4)
