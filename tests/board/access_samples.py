"""URL kwargs for the board's routes in the access matrix (seed_demo has run)."""

from accounts import roles


def _recommendation(people):
    from voice.board.models import Recommendation

    return {"pk": Recommendation.objects.order_by("pk").first().pk}


def _meeting(people):
    from voice.board.models import MeetingPage

    return {"meeting_id": MeetingPage.objects.order_by("pk").first().pk}


def _question(people):
    from voice.board.models import Question

    return {"pk": Question.objects.order_by("pk").first().pk}


def _application(people):
    from voice.board.services import apply_to_join

    application = apply_to_join(
        applicant=people[roles.YOUNG_PERSON], chosen_name="Kai", why="I want to help."
    )
    return {"pk": application.pk}


def _waiting_recommendation(people):
    from voice.board.models import Recommendation

    recommendation = Recommendation.objects.create(
        title="Later appointments",
        what_we_found="School clashes.",
        what_we_ask="Appointments after 4pm.",
        status=Recommendation.Status.SUBMITTED,
    )
    return {"pk": recommendation.pk}


SAMPLE_KWARGS = {
    "board:recommendation_detail": _recommendation,
    "board:recommendation_edit": _recommendation,
    "board:recommendation_submit": _recommendation,
    "board:influence_log_export": lambda people: {"file_format": "csv"},
    "board:meeting": _meeting,
    "board:meeting_open_question": _meeting,
    "board:question_vote": _question,
    "board:question_close": _question,
    "board_admin:application": _application,
    "board_admin:respond": _waiting_recommendation,
}
