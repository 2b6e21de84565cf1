"""Who may open the shadow board's pages, and what each role may do."""

from accounts import roles
from accounts.access import HasPermission, SignedIn, register

MEMBERS_AREA = "board.access_members_area"
TAKE_PART = "board.take_part_as_member"
RUN_MEETING = "board.run_meeting"
REVIEW_APPLICATIONS = "board.review_applications"
RESPOND = "board.respond_to_recommendations"

ROLE_PERMISSIONS = {
    roles.BOARD_MEMBER: [MEMBERS_AREA, TAKE_PART],
    roles.PROGRAMME_STAFF: [MEMBERS_AREA, RUN_MEETING, REVIEW_APPLICATIONS],
    roles.SERVICE_MANAGER: [MEMBERS_AREA, RUN_MEETING, REVIEW_APPLICATIONS, RESPOND],
    roles.ADMINISTRATOR: [MEMBERS_AREA, RUN_MEETING, REVIEW_APPLICATIONS, RESPOND],
}

_members = HasPermission(MEMBERS_AREA)
_staff = HasPermission(REVIEW_APPLICATIONS, RESPOND)

register(
    {
        # Anyone signed in may ask to join; the rest is for the board and its staff.
        "board:apply": SignedIn(),
        "board:profile": HasPermission(TAKE_PART),
        "board:home": _members,
        "board:evidence": _members,
        "board:recommendation_*": _members,
        "board:influence_log*": _members,
        "board:meeting*": _members,
        "board:question_*": _members,
        "board_admin:home": _staff,
        "board_admin:application": HasPermission(REVIEW_APPLICATIONS),
        "board_admin:respond": HasPermission(RESPOND),
    }
)

roles.register_role_permissions(ROLE_PERMISSIONS)
