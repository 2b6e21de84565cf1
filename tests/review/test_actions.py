"""Actions: status changes with audit entries, and each linked person told of them."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from wagtail.models import ModelLogEntry

from accounts import roles
from accounts.models import Notification
from tests.factories import UserFactory, user_with_role
from tests.review.factories import make_feedback
from voice.moderation.models import ModeratedText
from voice.review import services
from voice.review.models import Action
from voice.review.selectors import what_changed_for


def make_action(cycle, topic, manager, feedback=(), **extra):
    return services.create_action(
        cycle=cycle,
        topic=topic,
        what_we_heard="Waiting in reception is boring.",
        what_we_will_do="We put games and books in reception.",
        owner=manager,
        user=manager,
        feedback=feedback,
        **extra,
    )


def log_actions(action) -> list[str]:
    return list(
        ModelLogEntry.objects.for_instance(action)
        .order_by("timestamp", "pk")
        .values_list("action", flat=True)
    )


def test_each_status_change_is_audit_logged_with_who_and_what(cycle, topic, manager):
    action = make_action(cycle, topic, manager)
    for status in ("agreed", "in_progress", "done"):
        action = services.change_action_status(
            action=action, status=status, user=manager
        )

    entries = ModelLogEntry.objects.for_instance(action).order_by("timestamp", "pk")
    assert [entry.action for entry in entries] == [
        "review.action.create",
        "review.action.status",
        "review.action.status",
        "review.action.status",
    ]
    last = entries.last()
    assert last.user == manager
    assert last.data == {"old": "in_progress", "new": "done"}
    assert last.message == "Status changed from “In progress” to “Done”"
    assert action.done_at is not None


def test_not_possible_needs_a_reason_and_logs_it(cycle, topic, manager):
    action = make_action(cycle, topic, manager)

    with pytest.raises(ValidationError):
        services.change_action_status(
            action=action, status="not_possible", user=manager
        )
    assert Action.objects.get(pk=action.pk).status == "proposed"
    assert log_actions(action) == ["review.action.create"]

    services.change_action_status(
        action=action, status="not_possible", user=manager, reason="No money this year."
    )
    entry = ModelLogEntry.objects.for_instance(action).first()
    assert entry.comment == "No money this year."


def test_changing_an_action_logs_which_fields_changed(cycle, topic, manager):
    action = make_action(cycle, topic, manager)

    services.change_action(
        action=action, user=manager, what_we_will_do="Games, books and a TV."
    )
    services.change_action(
        action=action, user=manager, what_we_will_do="Games, books and a TV."
    )

    assert log_actions(action) == ["review.action.create", "review.action.edit"]
    entry = ModelLogEntry.objects.for_instance(action).first()
    assert entry.data == {"changed": ["what_we_will_do"]}


def test_only_approved_feedback_can_be_linked(cycle, topic, manager):
    waiting = make_feedback(status=ModeratedText.Status.WAITING)

    with pytest.raises(ValidationError) as error:
        make_action(cycle, topic, manager, feedback=[waiting])
    assert f"Feedback {waiting.pk}" in str(error.value)
    assert waiting.receipt_code not in str(error.value)
    assert not Action.objects.exists()


def test_each_linked_person_is_told_once_when_the_action_starts_and_at_each_change(
    cycle, topic, manager, django_capture_on_commit_callbacks
):
    with_email = UserFactory(
        username="sky", email="sky@example.org", roles=[roles.YOUNG_PERSON]
    )
    without_email = user_with_role(roles.PARENT_CARER, username="carer")
    someone_else = user_with_role(roles.YOUNG_PERSON, username="not-linked")
    linked = [
        make_feedback(author=with_email),
        make_feedback(author=with_email),  # two pieces, still told once
        make_feedback(author=without_email, speaker="parent_carer"),
        make_feedback(),  # anonymous: told through the receipt code
    ]
    make_feedback(author=someone_else)

    with django_capture_on_commit_callbacks(execute=True):
        action = make_action(cycle, topic, manager, feedback=linked)
    assert Notification.objects.filter(user=with_email).count() == 1
    assert Notification.objects.filter(user=without_email).count() == 1
    assert not Notification.objects.filter(user=someone_else).exists()
    first = Notification.objects.get(user=with_email)
    assert (
        "We are thinking about it: We put games and books in reception."
        in first.message
    )

    with django_capture_on_commit_callbacks(execute=True):
        services.change_action_status(action=action, status="done", user=manager)
    latest = Notification.objects.filter(user=without_email).first()
    assert latest.message == (
        "Because of your feedback about appointments, we made a change: "
        "We put games and books in reception."
    )
    assert latest.link == f"/you-said-we-did/#action-{action.pk}"
    assert Notification.objects.filter(user=with_email).count() == 2
    assert [message.to for message in mail.outbox] == [["sky@example.org"]] * 2
    assert "we made a change" in mail.outbox[-1].body


def test_people_whose_feedback_is_linked_later_are_told_then(cycle, topic, manager):
    first_person = user_with_role(roles.YOUNG_PERSON, username="first")
    later_person = user_with_role(roles.YOUNG_PERSON, username="later")
    first, later = (
        make_feedback(author=first_person),
        make_feedback(author=later_person),
    )
    action = make_action(cycle, topic, manager, feedback=[first])

    services.change_action(action=action, user=manager, feedback=[first, later])

    assert Notification.objects.filter(user=first_person).count() == 1
    assert Notification.objects.filter(user=later_person).count() == 1


def test_anonymous_feedback_hears_what_changed_through_its_receipt(
    cycle, topic, manager
):
    anonymous = make_feedback(text="I hate waiting, it is so boring")
    unrelated = make_feedback()
    action = make_action(cycle, topic, manager, feedback=[anonymous])
    assert [change.status for change in what_changed_for(anonymous)] == ["proposed"]

    services.change_action_status(
        action=action,
        status="not_possible",
        user=manager,
        reason="The room is too small.",
    )

    changes = what_changed_for(anonymous)
    assert len(changes) == 1
    assert changes[0].you_said == "Waiting in reception is boring."
    assert changes[0].status_label == "Not possible"
    assert changes[0].reason == "The room is too small."
    assert what_changed_for(unrelated) == []
    html = render_to_string(
        "review/includes/what_changed.html", {"what_changed": changes}
    )
    assert "What changed because of your feedback" in html
    assert "We could not, because:" in html and "The room is too small." in html
    assert (
        render_to_string(
            "review/includes/what_changed.html", {"what_changed": []}
        ).strip()
        == ""
    )


def test_what_changed_is_one_query_however_many_actions(
    cycle, topic, manager, django_assert_num_queries
):
    feedback = make_feedback()
    for _ in range(4):
        make_action(cycle, topic, manager, feedback=[feedback])

    with django_assert_num_queries(1):
        assert len(what_changed_for(feedback)) == 4


def test_the_receipt_page_hook_shows_what_changed_only_when_something_did(
    cycle, topic, manager
):
    from wagtail import hooks

    (provider,) = [
        hook
        for hook in hooks.get_hooks("feedback_what_changed")
        if hook.__module__ == "voice.review.wagtail_hooks"
    ]
    feedback = make_feedback()
    assert provider([feedback]) == {}

    action = make_action(cycle, topic, manager, feedback=[feedback])
    services.change_action_status(action=action, status="in_progress", user=manager)

    html = provider([feedback])[feedback.pk]
    assert "We are doing this:" in html
    assert "We put games and books in reception." in html
