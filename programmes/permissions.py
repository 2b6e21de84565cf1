"""Who may open the event pages and staff pages, and what each role may do."""

from accounts import roles
from accounts.access import HasPermission, Public, register
from privacy import never_kept

TAKE_PART = "programmes.take_part"
SIGN_UP_SUPPORTED = "programmes.sign_up_supported"
MANAGE_SIGN_UPS = "programmes.manage_sign_ups"

ROLE_PERMISSIONS = {
    roles.YOUNG_PERSON: [TAKE_PART],
    roles.BOARD_MEMBER: [TAKE_PART],
    # Parents and carers sign up for events meant for them (EventPage.is_for).
    roles.PARENT_CARER: [TAKE_PART],
    roles.CASE_WORKER: [SIGN_UP_SUPPORTED],
    roles.PROGRAMME_STAFF: [MANAGE_SIGN_UPS],
    roles.SERVICE_MANAGER: [MANAGE_SIGN_UPS],
    roles.ADMINISTRATOR: [MANAGE_SIGN_UPS],
}

register(
    {
        "events:list": Public(),
        "events:past": Public(),
        "events:calendar": Public(),
        "events:programme_calendar": Public(),
        "events:event_calendar": Public(),
        # The view also checks the case worker supports the young person.
        "events:sign_up": HasPermission(TAKE_PART, SIGN_UP_SUPPORTED),
        # Only the person, or their own case worker, may cancel (checked in the view).
        "events:cancel": HasPermission(TAKE_PART, SIGN_UP_SUPPORTED),
        "events:my_participation": HasPermission(TAKE_PART),
        "events:certificate": HasPermission(TAKE_PART),
        # Only the person's own certificates (checked in the view).
        "events:issued_certificate": HasPermission(TAKE_PART),
        "events:withdraw_certificate": HasPermission(TAKE_PART),
        # A college or employer checks a reference; rate limited against guessing.
        "certificates:check": Public(),
        "event_admin:*": HasPermission(MANAGE_SIGN_UPS),
    }
)

# A reference and the name it was issued to are shown on the answer.
never_kept.declare("certificates:check")

roles.register_role_permissions(ROLE_PERMISSIONS)
