"""Demo service review: a cycle with an action in every status, linked to demo feedback."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from voice.board.models import Recommendation
from voice.feedback import receipts
from voice.feedback.models import Feedback, Speaker, Topic
from voice.moderation.models import ModeratedText, Theme
from voice.moderation.services import submit_text
from voice.review import services
from voice.review.models import Action, ReviewCycle

CYCLE_NAME = "Demo review: the last three months"

DEMO_FEEDBACK = [
    # (username or None, speaker, topic, feeling, theme, text, days ago)
    (
        "young1",
        Speaker.YOUNG_PERSON,
        "Appointments",
        2,
        "Waiting",
        "I have to wait ages in reception and there is nothing to do.",
        70,
    ),
    (
        None,
        Speaker.YOUNG_PERSON,
        "Appointments",
        1,
        "Waiting",
        "Appointments are always at school time so I miss lessons.",
        60,
    ),
    (
        "young2",
        Speaker.YOUNG_PERSON,
        "My worker",
        5,
        "Feeling listened to",
        "My worker listens to me and does what she says.",
        45,
    ),
    (
        "parent1",
        Speaker.PARENT_CARER,
        "Letters and texts",
        2,
        "Clear information",
        "The letters are hard to understand. Texts would be better.",
        40,
    ),
    (
        None,
        Speaker.YOUNG_PERSON,
        "The building",
        3,
        "Feeling safe",
        "The waiting room feels cold and a bit scary.",
        20,
    ),
    (
        None,
        Speaker.PARENT_CARER,
        "Appointments",
        4,
        "Waiting",
        "It helped when the worker came to our house.",
        10,
    ),
]

DEMO_ACTIONS = [
    # (status, feedback indexes, topic, what we heard, what we will do, reason)
    (
        Action.Status.DONE,
        [0, 1],
        "Appointments",
        "Waiting in reception is boring, and appointments clash with school.",
        "We put games and books in reception, and we now offer appointments after school.",
        "",
    ),
    (
        Action.Status.IN_PROGRESS,
        [3],
        "Letters and texts",
        "Our letters are hard to understand.",
        "We are rewriting our letters in plain words, and you can choose texts instead.",
        "",
    ),
    (
        Action.Status.NOT_POSSIBLE,
        [4],
        "The building",
        "The waiting room feels cold and not very welcoming.",
        "We wanted to move to a new building with a nicer waiting room.",
        "The council could not find us another building this year. We painted the room and added a heater instead.",
    ),
    (
        Action.Status.AGREED,
        [2],
        "My worker",
        "Young people like it when their worker does what they promised.",
        "Every worker will write down what they promised at the end of each meeting.",
        "",
    ),
    (
        Action.Status.PROPOSED,
        [5],
        "Appointments",
        "Home visits can help families.",
        "We will look at offering more home visits.",
        "",
    ),
]


def new_receipt_code() -> str:
    while True:
        code = receipts.new_receipt_code()
        if not Feedback.objects.filter(receipt_code=code).exists():
            return code


def seed(context: dict) -> None:
    users = context.get("users") or {}
    user_model = get_user_model()
    manager = (
        users.get("manager") or user_model.objects.filter(username="manager").first()
    )
    if manager is None:
        return
    moderator = (
        users.get("moderator")
        or user_model.objects.filter(username="moderator").first()
    )
    feedback = demo_feedback(users, moderator)
    today = timezone.localdate()
    cycle, _ = ReviewCycle.objects.get_or_create(
        name=CYCLE_NAME,
        defaults={"start": today - datetime.timedelta(days=90), "end": today},
    )
    if cycle.actions.exists():
        return
    for status, indexes, topic_name, heard, will_do, reason in DEMO_ACTIONS:
        linked = [feedback[index] for index in indexes if index < len(feedback)]
        action = services.create_action(
            cycle=cycle,
            recommendations=board_recommendations(topic_name),
            topic=Topic.objects.get_or_create(name=topic_name)[0],
            what_we_heard=heard,
            what_we_will_do=will_do,
            owner=manager,
            user=manager,
            due_date=today + datetime.timedelta(days=30),
            feedback=linked,
            themes=[item for f in linked for item in f.moderated_text.themes.all()],
        )
        path = {
            Action.Status.PROPOSED: [],
            Action.Status.AGREED: [Action.Status.AGREED],
            Action.Status.IN_PROGRESS: [
                Action.Status.AGREED,
                Action.Status.IN_PROGRESS,
            ],
            Action.Status.DONE: [
                Action.Status.AGREED,
                Action.Status.IN_PROGRESS,
                Action.Status.DONE,
            ],
            Action.Status.NOT_POSSIBLE: [
                Action.Status.AGREED,
                Action.Status.NOT_POSSIBLE,
            ],
        }[status]
        for step in path:
            action = services.change_action_status(
                action=action, status=step, user=manager, reason=reason
            )


def board_recommendations(topic_name: str) -> list:
    """The letters action answers the shadow board's demo recommendation about letters."""
    if topic_name != "Letters and texts":
        return []
    return list(
        Recommendation.objects.submitted().filter(
            title="Write appointment letters in plain words"
        )
    )


def demo_feedback(users: dict, moderator) -> list[Feedback]:
    """Approved demo feedback: the demo's own, made once; otherwise what is there."""
    # Only this demo's own items count: other apps' demos approve feedback too.
    existing = list(
        Feedback.objects.filter(
            moderated_text__status=ModeratedText.Status.APPROVED,
            moderated_text__text__in=[entry[5] for entry in DEMO_FEEDBACK],
        ).order_by("created_at")[: len(DEMO_FEEDBACK)]
    )
    if len(existing) >= len(DEMO_FEEDBACK):
        return existing
    now = timezone.now()
    made = []
    for (
        username,
        speaker,
        topic_name,
        feeling,
        theme_name,
        text,
        days_ago,
    ) in DEMO_FEEDBACK:
        author = users.get(username) if username else None
        when = now - datetime.timedelta(days=days_ago)
        moderated = submit_text(
            text=text, kind=ModeratedText.Kind.FEEDBACK, author=author
        )
        moderated.status = ModeratedText.Status.APPROVED
        moderated.created_at = when
        moderated.decided_by = moderator
        moderated.decided_at = when + datetime.timedelta(days=2)
        moderated.save()
        moderated.themes.add(Theme.objects.get_or_create(name=theme_name)[0])
        made.append(
            Feedback.objects.create(
                receipt_code=new_receipt_code(),
                speaker=speaker,
                topic=Topic.objects.get_or_create(name=topic_name)[0],
                feeling=feeling,
                moderated_text=moderated,
                share_consent=True,
                author=author,
                created_at=when,
            )
        )
    return made
