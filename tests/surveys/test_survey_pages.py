"""The survey pages as Wagtail serves them: privacy, preview and the survey section's staff.

A survey is answered through its page's URL, inside Wagtail's own checks of
who may see the page; staff preview a draft in the admin; a survey section
made in code or in the admin gives survey staff what they need to run it.
"""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission, PageViewRestriction

from accounts import roles
from tests.surveys.factories import make_survey
from voice.surveys.models import SurveyIndexPage, SurveyResponse

pytestmark = pytest.mark.django_db


def test_a_survey_behind_sign_in_sends_a_visitor_to_sign_in_and_keeps_nothing(
    client, home_page, full_answers
):
    survey = make_survey(home_page)
    PageViewRestriction.objects.create(
        page=survey, restriction_type=PageViewRestriction.LOGIN
    )

    shown = client.get(survey.url)
    sent = client.post(survey.url, full_answers())

    assert shown.status_code == 302 and "/login/" in shown["Location"]
    assert "How was today?" not in shown.content.decode()
    assert sent.status_code == 302 and "/login/" in sent["Location"]
    assert not SurveyResponse.objects.exists()


def test_a_survey_for_one_staff_group_is_not_shown_to_a_young_person(
    client_for, home_page, people
):
    survey = make_survey(home_page)
    restriction = PageViewRestriction.objects.create(
        page=survey, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name=roles.PROGRAMME_STAFF))

    refused = client_for(people[roles.YOUNG_PERSON]).get(survey.url)
    allowed = client_for(people[roles.PROGRAMME_STAFF]).get(survey.url)

    assert "How was today?" not in refused.content.decode()
    assert allowed.status_code == 200
    assert "How was today?" in allowed.content.decode()


def test_survey_staff_preview_a_survey_draft_in_the_admin(
    client_for, home_page, people
):
    survey = make_survey(home_page, title="Trip to the coast")
    survey.title = "Trip to the seaside"
    survey.save_revision()

    preview = client_for(people[roles.SERVICE_MANAGER]).get(
        f"/admin/pages/{survey.pk}/view_draft/"
    )

    assert preview.status_code == 200
    assert "Trip to the seaside" in preview.content.decode()


def test_a_survey_section_made_in_code_gives_survey_staff_their_page_permissions(
    home_page, people
):
    index = home_page.add_child(
        instance=SurveyIndexPage(title="Have your say", slug="have-your-say")
    )

    granted = {
        role: set(
            GroupPagePermission.objects.filter(
                page=index, group__name=role
            ).values_list("permission__codename", flat=True)
        )
        for role in (roles.PROGRAMME_STAFF, roles.SERVICE_MANAGER)
    }
    assert granted == {
        roles.PROGRAMME_STAFF: {"add_page", "change_page", "publish_page"},
        roles.SERVICE_MANAGER: {"add_page", "change_page", "publish_page"},
    }


def test_saving_the_survey_section_again_gives_back_no_permission_taken_away(
    home_page, people
):
    index = home_page.add_child(
        instance=SurveyIndexPage(title="Have your say", slug="have-your-say")
    )
    staff = Group.objects.get(name=roles.PROGRAMME_STAFF)
    GroupPagePermission.objects.filter(
        page=index, group=staff, permission__codename="publish_page"
    ).delete()

    index.intro = "Tell us what you think."
    index.save()
    index.save_revision().publish()

    assert not GroupPagePermission.objects.filter(
        page=index, group=staff, permission__codename="publish_page"
    ).exists()
