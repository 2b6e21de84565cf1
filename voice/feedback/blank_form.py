"""The blank feedback form's questions, rendered once and kept in the cache.

The feedback form is the page young people open most, and most of its time
went on rendering the same radio groups, topic list and text box for every
visitor (Django renders each widget from templates). A blank form renders
the same for everyone with the same language and sign-in state, so
`feedback/give.html` caches that part with Django's `{% cache %}` tag; the
CSRF and submission tokens sit outside it and are new on every page. A form
sent back with errors is always rendered afresh, with what was typed.

Saving or deleting a topic drops the cached questions at once, so the list
is never out of date; the cache's timeout is only a safety net.
"""

from django.conf import settings
from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key
from django.db.models.signals import post_delete, post_save

from voice.feedback.models import Topic

FRAGMENT_NAME = "feedback_blank_fields"  # as named in feedback/give.html


def fragment_keys() -> list[str]:
    """Every cached copy: one per language and sign-in state (the tag's vary-on values)."""
    return [
        make_template_fragment_key(FRAGMENT_NAME, [language, signed_in])
        for language, _name in settings.LANGUAGES
        for signed_in in (True, False)
    ]


def forget(**kwargs) -> None:
    cache.delete_many(fragment_keys())


def connect_signals() -> None:
    post_save.connect(forget, sender=Topic, dispatch_uid="feedback-form-topic-saved")
    post_delete.connect(
        forget, sender=Topic, dispatch_uid="feedback-form-topic-deleted"
    )
