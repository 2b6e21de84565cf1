"""MFA means this session: a staff role gives nothing until this session passed MFA.

`client.force_login` stands for a session started with a password alone (as
Wagtail's old /_util/login/ door gave): allauth has no MFA step recorded for it.
"""

import time

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret, hotp_value
from asgiref.sync import async_to_sync
from channels.testing import WebsocketCommunicator
from django.conf import settings as django_settings

from accounts import roles
from programmes.models import SignUp
from tests.board.factories import make_board_page, make_meeting
from tests.factories import DEFAULT_PASSWORD, UserFactory, pass_mfa
from tests.feedback.factories import a_topic
from tests.programmes.factories import make_event, make_programme, programme_index
from voice.board.models import Question
from voice.feedback.models import Feedback


@pytest.fixture(autouse=True)
def _mfa_required(settings):
    settings.STAFF_MFA_REQUIRED = True


def totp_code(secret: str) -> str:
    return f"{hotp_value(secret, int(time.time()) // 30):06d}"


def staff_with_totp(*role_names):
    user = UserFactory(username="staff-with-totp", roles=list(role_names))
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return user, secret


@pytest.mark.parametrize("path", ["/staff/", "/admin/", "/staff/safeguarding/"])
def test_a_password_only_session_is_asked_for_the_code_even_with_totp_set_up(
    client, db, path
):
    lead, _ = staff_with_totp(roles.SAFEGUARDING_LEAD)
    client.force_login(lead)
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/2fa/reauthenticate/?next=")


def test_giving_the_code_opens_the_staff_pages_and_goes_where_the_person_was_going(
    client, db
):
    lead, secret = staff_with_totp(roles.SAFEGUARDING_LEAD)
    client.force_login(lead)
    asked = client.get("/staff/safeguarding/")["Location"]
    response = client.post(asked, {"code": totp_code(secret)})
    assert response.status_code == 302
    assert response["Location"] == "/staff/safeguarding/"
    assert client.get("/staff/safeguarding/").status_code == 200


def test_a_wrong_code_keeps_the_staff_pages_shut(client, db):
    lead, _ = staff_with_totp(roles.SAFEGUARDING_LEAD)
    client.force_login(lead)
    asked = client.get("/staff/")["Location"]
    response = client.post(asked, {"code": "000000"})
    assert response.status_code == 200
    assert client.get("/staff/").status_code == 302


@pytest.mark.django_db(
    transaction=True
)  # allauth announces a new authenticator on commit
def test_setting_up_totp_counts_as_this_sessions_mfa_step(client):
    moderator = UserFactory(username="new-moderator", roles=[roles.MODERATOR])
    client.force_login(moderator)
    assert client.get("/staff/")["Location"] == "/accounts/2fa/totp/activate/"
    # allauth asks for the password again before an authenticator is added.
    client.post("/accounts/reauthenticate/", {"password": DEFAULT_PASSWORD})
    secret = client.get("/accounts/2fa/totp/activate/").context["form"].secret
    response = client.post("/accounts/2fa/totp/activate/", {"code": totp_code(secret)})
    assert response.status_code == 302
    assert client.get("/staff/").status_code == 200


def test_staff_without_mfa_see_no_page_but_the_mfa_step_sign_out_and_health(
    client, db, home_page
):
    client.force_login(UserFactory(username="worker", roles=[roles.CASE_WORKER]))
    for path in ["/", "/feedback/", "/events/", "/my-data/", "/accounts/welcome/"]:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"] == "/accounts/2fa/totp/activate/", path
    # Setting up TOTP starts by asking for the password again.
    assert client.get("/accounts/2fa/totp/activate/")["Location"].startswith(
        "/accounts/reauthenticate/"
    )
    assert client.get("/accounts/reauthenticate/").status_code == 200
    assert client.get("/healthz").status_code == 200
    assert client.get("/accounts/logout/").status_code == 200


def test_a_young_person_is_never_asked_for_mfa(client, db, home_page, young_person):
    client.force_login(young_person)
    assert client.get("/").status_code == 200
    assert client.get("/feedback/").status_code == 200


@pytest.fixture
def meeting(home_page):
    return make_meeting(make_board_page(home_page))


def test_programme_staff_without_mfa_cannot_open_a_board_vote(client, people, meeting):
    staff = people[roles.PROGRAMME_STAFF]
    client.force_login(staff)
    vote = {"text": "Should letters be shorter?", "kind": "proposal"}
    response = client.post(f"/board/meetings/{meeting.pk}/questions/", vote)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/totp/activate/"
    assert not Question.objects.exists()

    pass_mfa(client, staff)
    client.post(f"/board/meetings/{meeting.pk}/questions/", vote)
    assert Question.objects.filter(text="Should letters be shorter?").exists()


@pytest.fixture
def case_worker_and_child(people):
    worker = people[roles.CASE_WORKER]
    child = UserFactory(username="supported", roles=[roles.YOUNG_PERSON])
    child.case_worker = worker
    child.save()
    return worker, child


def test_a_case_worker_without_mfa_cannot_sign_a_young_person_up(
    client, home_page, case_worker_and_child
):
    worker, child = case_worker_and_child
    event = make_event(make_programme(programme_index(home_page), title="Inspire"))
    client.force_login(worker)
    response = client.post(f"/events/{event.pk}/sign-up/", {"person": child.pk})
    assert response["Location"] == "/accounts/2fa/totp/activate/"
    assert not SignUp.objects.exists()

    pass_mfa(client, worker)
    client.post(f"/events/{event.pk}/sign-up/", {"person": child.pk})
    assert SignUp.objects.filter(person=child).exists()


def test_a_case_worker_without_mfa_cannot_give_feedback_for_a_supported_child(
    client, case_worker_and_child
):
    worker, child = case_worker_and_child
    feedback = {
        "speaker": "parent_carer",
        "young_person": str(child.pk),
        "topic": str(a_topic().pk),
        "feeling": "4",
        "text": "The youth club sessions are good.",
        "share": "yes",
        "wants_reply": "no",
        "submission_token": "a-token-for-this-test",
    }
    client.force_login(worker)
    response = client.post("/feedback/", feedback)
    assert response["Location"] == "/accounts/2fa/totp/activate/"
    assert not Feedback.objects.exists()

    pass_mfa(client, worker)
    client.post("/feedback/", feedback)
    assert Feedback.objects.filter(author=child, supported_by=worker).exists()


# --- Websockets, through the site's ASGI application and its session cookie ---


def socket(client, path: str) -> WebsocketCommunicator:
    from config.asgi import application

    cookie = f"{django_settings.SESSION_COOKIE_NAME}={client.session.session_key}"
    return WebsocketCommunicator(
        application,
        path,
        headers=[
            (b"origin", b"http://localhost"),
            (b"host", b"localhost"),
            (b"cookie", cookie.encode()),
        ],
    )


def connects(client, path: str) -> tuple[bool, int | None]:
    async def scenario():
        communicator = socket(client, path)
        connected, code = await communicator.connect()
        if connected:
            await communicator.disconnect()
        return connected, code

    return async_to_sync(scenario)()


@pytest.mark.django_db(transaction=True)
def test_the_meeting_socket_refuses_programme_staff_until_this_session_passed_mfa(
    client, people, meeting
):
    staff = people[roles.PROGRAMME_STAFF]
    client.force_login(staff)
    path = f"/ws/board/meetings/{meeting.pk}/"
    assert connects(client, path) == (False, 4403)

    pass_mfa(client, staff)
    assert connects(client, path)[0]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("path", ["/ws/staff/moderation/", "/ws/staff/safeguarding/"])
def test_the_moderation_sockets_refuse_a_session_that_did_not_pass_mfa(client, path):
    lead, _ = staff_with_totp(roles.SAFEGUARDING_LEAD, roles.MODERATOR)
    client.force_login(lead)
    assert connects(client, path) == (False, 4403)

    pass_mfa(client, lead)
    assert connects(client, path)[0]
