"""A safeguarding match alerts the leads' open pages live, and never the moderators'."""

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async

from tests.moderation.test_live import SAFEGUARDING, receive, socket_for
from voice.moderation import services
from voice.moderation.models import ModeratedText

pytestmark = pytest.mark.django_db(transaction=True)

# A websocket's connect runs the consumer's checks (session, MFA, permission)
# in a database thread and joins a Redis group: on PostgreSQL + Redis with the
# machine busy that took longer than WebsocketCommunicator's 1 s default.
CONNECT_SECONDS = 5
# How long a moderator's socket is watched for an event that must never come.
QUIET_SECONDS = 1


@pytest.fixture(autouse=True)
def _no_mfa_needed(settings):
    settings.STAFF_MFA_REQUIRED = False


def test_a_safeguarding_match_alerts_leads_live_and_never_reaches_the_queue_socket(
    moderator, leads
):
    async def scenario():
        queue = socket_for(moderator)
        lead = socket_for(leads[0], SAFEGUARDING)
        queue_connected, _ = await queue.connect(timeout=CONNECT_SECONDS)
        lead_connected, _ = await lead.connect(timeout=CONNECT_SECONDS)
        assert queue_connected and lead_connected
        item = await database_sync_to_async(services.submit_text)(
            text="I am holding drugs for them", kind=ModeratedText.Kind.FEEDBACK
        )
        alert = await receive(lead, timeout=5)
        nothing_for_moderators = await queue.receive_nothing(timeout=QUIET_SECONDS)
        await queue.disconnect()
        await lead.disconnect()
        return item, alert, nothing_for_moderators

    item, alert, nothing = async_to_sync(scenario)()

    concern = item.concerns.get()
    assert alert == {"event": "concern.raised", "id": concern.pk, "open": 1}
    assert nothing
