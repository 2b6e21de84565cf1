"""The short privacy notice sits beside every survey form."""

import pytest

from accounts import roles
from tests.surveys.factories import make_survey
from voice.surveys.models import Mode

NOTICE = "What happens to what you tell us"
NO_IP = "We do not keep your IP address"


@pytest.mark.django_db
def test_an_anonymous_survey_shows_the_notice_and_says_no_ip_is_kept(client, home_page):
    survey = make_survey(home_page, mode=Mode.ANONYMOUS)
    page = client.get(survey.url).content.decode()
    assert NOTICE in page
    assert NO_IP in page
    assert page.index(NOTICE) > page.index("</form>")


@pytest.mark.django_db
def test_a_signed_in_survey_shows_the_notice_without_the_anonymous_line(
    client, home_page, people
):
    survey = make_survey(home_page, mode=Mode.SIGNED_IN)
    client.force_login(people[roles.YOUNG_PERSON])
    page = client.get(survey.url).content.decode()
    assert NOTICE in page
    assert NO_IP not in page
