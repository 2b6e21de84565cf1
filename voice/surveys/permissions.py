"""Who may open the survey routes, and what each role may do with surveys.

Answering a survey happens on its Wagtail page (`wagtail_serve`), where
voice/surveys/audience.py decides who may answer, and when.
"""

from accounts import roles
from accounts.access import HasPermission, Public, register

VIEW_RESULTS = "surveys.view_results"

ROLE_PERMISSIONS = {
    roles.PROGRAMME_STAFF: [VIEW_RESULTS],
    roles.SERVICE_MANAGER: [VIEW_RESULTS],
    roles.ADMINISTRATOR: [VIEW_RESULTS],
}

register(
    {
        "surveys:list": Public(),
        "survey_admin:*": HasPermission(VIEW_RESULTS),
    }
)

roles.register_role_permissions(ROLE_PERMISSIONS)
