"""Objects for the shadow board's tests."""

import datetime
import secrets

from voice.board.models import BoardIndexPage, MeetingPage, Question
from voice.feedback.models import Feedback, Feeling, Speaker, Topic
from voice.moderation.models import ModeratedText, Theme


def make_board_page(home) -> BoardIndexPage:
    page = BoardIndexPage.objects.first()
    if page is None:
        page = BoardIndexPage(
            title="Shadow board", slug="shadow-board", intro="Young people who help."
        )
        home.add_child(instance=page)
        page.save_revision().publish()
    return page


def make_meeting(board_page, *, title="November meeting", chair=None) -> MeetingPage:
    meeting = MeetingPage(
        title=title,
        slug=f"meeting-{secrets.token_hex(3)}",
        date=datetime.date(2026, 11, 20),
        chair=chair,
    )
    board_page.add_child(instance=meeting)
    meeting.save_revision().publish()
    return meeting


def make_question(meeting, *, by=None, text="Shall we ask for later appointments?"):
    return Question.objects.create(meeting=meeting, text=text, opened_by=by)


def make_feedback(
    *,
    topic: Topic,
    text: str = "The waiting room is cold.",
    status: str = ModeratedText.Status.APPROVED,
    share_consent: bool = True,
    withdrawn: bool = False,
    themes: tuple[Theme, ...] = (),
) -> Feedback:
    moderated = ModeratedText.objects.create(
        kind=ModeratedText.Kind.FEEDBACK, text=text, status=status
    )
    moderated.themes.set(themes)
    return Feedback.objects.create(
        receipt_code=secrets.token_hex(6),
        speaker=Speaker.YOUNG_PERSON,
        topic=topic,
        feeling=Feeling.UNHAPPY,
        moderated_text=moderated,
        share_consent=share_consent,
        share_consent_withdrawn_at=datetime.datetime.now(tz=datetime.UTC)
        if withdrawn
        else None,
    )
