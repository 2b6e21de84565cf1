"""Demo content for the shadow board: its pages, three members, a meeting, a recommendation."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from accounts import roles
from pages.models import HomePage
from voice.board.models import (
    BoardIndexPage,
    ManagementResponse,
    MeetingPage,
    MemberProfile,
    Question,
    Recommendation,
    Vote,
)

INTRO = "We are young people who help decide how the youth justice service is run."
MEMBERS = [
    ("board1", "Jay", MemberProfile.Avatar.ROCKET, True),
    ("board2", "Sam", MemberProfile.Avatar.STAR, True),
    ("board3", "Ri", MemberProfile.Avatar.WAVE, False),
]


def seed(context: dict) -> None:
    home = HomePage.objects.first()
    if home is None:
        return
    board_page = ensure_index_page(home)
    members = ensure_members(context)
    meeting = ensure_meeting(board_page, chair=members[0])
    ensure_recommendation(meeting, members, context)


def ensure_index_page(home: HomePage) -> BoardIndexPage:
    page = BoardIndexPage.objects.child_of(home).first()
    if page is None:
        page = BoardIndexPage(slug="shadow-board", title="Shadow board", intro=INTRO)
        home.add_child(instance=page)
    page.title = "Shadow board"
    page.intro = INTRO
    page.about = (
        "<p>We meet once a month. We read what young people tell the service, we "
        "talk about it, and we tell managers what should change. Managers must "
        "answer us, and everyone can see what they said.</p>"
    )
    page.how_to_join = (
        "<p>If you work with the service and you are 10 to 17, you can ask to join. "
        "Tell us a little about why. A worker will read it and talk to you.</p>"
    )
    page.save_revision().publish()
    return page


def ensure_members(context: dict) -> list:
    user_model = get_user_model()
    group = Group.objects.get(name=roles.BOARD_MEMBER)
    young = Group.objects.get(name=roles.YOUNG_PERSON)
    members = []
    for username, name, avatar, public in MEMBERS:
        user, created = user_model.objects.get_or_create(username=username)
        if created:
            user.set_password(context["password"])
            user.save()
        user.groups.add(group, young)
        MemberProfile.objects.update_or_create(
            user=user,
            defaults={
                "chosen_name": name,
                "avatar": avatar,
                "is_public": public,
                "agreed_at": timezone.now() if public else None,
            },
        )
        members.append(user)
    logins = context.setdefault("logins", [])
    for username, *_ in MEMBERS:
        if username not in {login for login, _ in logins}:
            logins.append((username, f"{roles.YOUNG_PERSON}, {roles.BOARD_MEMBER}"))
    return members


def ensure_meeting(board_page: BoardIndexPage, *, chair) -> MeetingPage:
    meeting = (
        MeetingPage.objects.child_of(board_page).filter(slug="october-meeting").first()
    )
    if meeting is None:
        meeting = MeetingPage(
            slug="october-meeting",
            title="October meeting",
            date=datetime.date(2026, 10, 14),
        )
        board_page.add_child(instance=meeting)
    meeting.agenda = (
        "<ul><li>Waiting times at the office</li><li>Appointment letters</li></ul>"
    )
    meeting.minutes = (
        "<p>Five members came. We read feedback about waiting at the office. Many "
        "young people said the waiting room feels unwelcoming and letters are hard "
        "to read.</p>"
    )
    meeting.decisions = "<ul><li>Ask managers to change appointment letters.</li></ul>"
    meeting.chair = chair
    meeting.save_revision().publish()
    question, created = Question.objects.get_or_create(
        meeting=meeting,
        text="Should we ask for appointment letters in plain words?",
        defaults={"kind": Question.Kind.PROPOSAL, "opened_by": chair},
    )
    if created:
        for member in get_user_model().objects.filter(
            username__in=["board1", "board2"]
        ):
            Vote.objects.create(
                question=question, member=member, choice=Vote.Choice.YES
            )
        question.status = Question.Status.CLOSED
        question.closed_at = timezone.now()
        question.result = {"yes": 2, "no": 0, "not_sure": 0}
        question.save()
    return meeting


def ensure_recommendation(meeting: MeetingPage, members: list, context: dict) -> None:
    title = "Write appointment letters in plain words"
    recommendation, created = Recommendation.objects.get_or_create(
        title=title,
        defaults={
            "what_we_found": (
                "Young people told us letters use long words and they miss "
                "appointments because they do not understand them."
            ),
            "what_we_ask": (
                "Write letters in short, plain words, with the date and place at the "
                "top. Ask the board to check new letters."
            ),
            "meeting": meeting,
            "created_by": members[0],
            "status": Recommendation.Status.RESPONDED,
            "submitted_by": members[0],
            "submitted_at": timezone.now() - datetime.timedelta(days=20),
        },
    )
    if created:
        manager = get_user_model().objects.filter(username="manager").first()
        ManagementResponse.objects.create(
            recommendation=recommendation,
            outcome=ManagementResponse.Outcome.ACCEPTED,
            reasons=(
                "You are right. We are rewriting all our letters and the board will "
                "check them before we send them."
            ),
            responded_by=manager,
            responded_at=timezone.now() - datetime.timedelta(days=6),
        )
    Recommendation.objects.get_or_create(
        title="A friendlier waiting room",
        defaults={
            "what_we_found": "Young people say the waiting room feels cold and unwelcoming.",
            "what_we_ask": "Add comfy chairs, posters made by young people and free water.",
            "created_by": members[1],
        },
    )
