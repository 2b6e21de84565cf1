"""Demo feedback: topics, and a believable set of shared feedback with replies."""

from datetime import timedelta

from django.utils import timezone

from voice.feedback.models import Feedback, Speaker, Topic
from voice.feedback.receipts import format_code
from voice.feedback.topics import ensure_default_topics
from voice.moderation.models import ModeratedText
from voice.moderation.services import submit_text

# (receipt characters, topic, speaker, feeling, words, reply, days ago)
SHARED = [
    (
        "DEMQAAAA",
        "My worker",
        Speaker.YOUNG_PERSON,
        5,
        "My worker actually listens to me and doesn't rush me. That helps a lot.",
        "Thank you. We have passed this on to the team.",
        2,
    ),
    (
        "DEMQAAAC",
        "Appointments",
        Speaker.YOUNG_PERSON,
        2,
        "Appointments straight after school are hard because I have to get two buses.",
        "Thank you for telling us. From January you can ask for a later time.",
        3,
    ),
    (
        "DEMQAAAD",
        "The building",
        Speaker.YOUNG_PERSON,
        3,
        "The waiting room is boring. Could there be a phone charger and some games?",
        "Good idea. We have ordered a charging station.",
        5,
    ),
    (
        "DEMQAAAE",
        "Court",
        Speaker.PARENT_CARER,
        2,
        "Nobody explained to us what would happen on the day at court. We were worried.",
        "We are sorry. We are making a short guide about going to court.",
        6,
    ),
    (
        "DEMQAAAF",
        "School and education",
        Speaker.YOUNG_PERSON,
        4,
        "Getting help with my college application was really good.",
        "",
        8,
    ),
    (
        "DEMQAAAG",
        "Inspire programme",
        Speaker.YOUNG_PERSON,
        5,
        "The cooking sessions on Inspire were the best thing. I learned loads.",
        "We are glad you enjoyed it. There are more sessions in the spring.",
        9,
    ),
    (
        "DEMQAAAH",
        "Something else",
        Speaker.YOUNG_PERSON,
        3,
        "It would be good to get a text the day before my appointment.",
        "",
        11,
    ),
    (
        "DEMQAAAJ",
        "My worker",
        Speaker.PARENT_CARER,
        4,
        "My son's worker always calls me back. It makes a big difference.",
        "",
        13,
    ),
    (
        "DEMQAAAK",
        "Appointments",
        Speaker.YOUNG_PERSON,
        1,
        "My appointment got moved three times and nobody told me.",
        "We are sorry. We now send a text whenever an appointment changes.",
        15,
    ),
    (
        "DEMQAAAM",
        "Inspire programme",
        Speaker.YOUNG_PERSON,
        4,
        "The football on Thursdays is good but it finishes too early.",
        "",
        18,
    ),
]


def seed(context: dict) -> None:
    topics = ensure_default_topics(Topic)
    by_name = {topic.name: topic for topic in topics}
    now = timezone.now()
    for characters, topic, speaker, feeling, words, reply, days_ago in SHARED:
        code = format_code(characters)
        if Feedback.objects.filter(receipt_code=code).exists():
            continue
        item = submit_text(text=words, kind=ModeratedText.Kind.FEEDBACK, author=None)
        created = now - timedelta(days=days_ago)
        # Demo only: approved directly, as if a moderator had read it.
        item.status = ModeratedText.Status.APPROVED
        item.created_at = created
        item.decided_at = created + timedelta(hours=3)
        item.reply = reply
        item.replied_at = item.decided_at if reply else None
        item.save()
        Feedback.objects.create(
            receipt_code=code,
            speaker=speaker,
            topic=by_name[topic],
            feeling=feeling,
            moderated_text=item,
            share_consent=True,
            created_at=created,
        )
