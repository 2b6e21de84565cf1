"""Every paged list has the one pager: the same links, words and landmarks."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.moderation.factories import ModeratedTextFactory

pytestmark = pytest.mark.django_db

PAGER_NEXT = '<li><a href="?kind=feedback&amp;page=2" rel="next">Next</a></li>'


def test_the_moderation_queue_pages_with_the_shared_pager_and_keeps_its_filter(
    client_for, moderator
):
    for n in range(30):
        ModeratedTextFactory(
            kind="feedback", created_at=timezone.now() - timedelta(minutes=60 - n)
        )
    page = client_for(moderator).get(reverse("moderation:queue"), {"kind": "feedback"})
    html = page.content.decode()

    assert '<nav class="pagination" aria-label="Pages">' in html
    assert PAGER_NEXT in html
    assert '<li aria-current="page">Page 1 of 2</li>' in html
