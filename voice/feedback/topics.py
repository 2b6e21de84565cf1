"""The topics offered when a service starts; staff change them in the admin."""

DEFAULT_TOPICS = [
    ("My worker", ""),
    ("Appointments", ""),
    ("The building", "The building and rooms"),
    ("Court", ""),
    ("School and education", ""),
    ("Inspire programme", ""),
    ("Something else", ""),
]


def ensure_default_topics(topic_model) -> list:
    """Create the default topics that are missing (used by a migration and the demo)."""
    topics = []
    for position, (name, plain_words) in enumerate(DEFAULT_TOPICS):
        topic, _ = topic_model.objects.get_or_create(
            name=name,
            defaults={"plain_words": plain_words, "sort_order": position * 10},
        )
        topics.append(topic)
    return topics
