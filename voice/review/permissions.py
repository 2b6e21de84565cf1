"""Who may run service reviews, and who may read and rate "You said, we did"."""

from accounts import roles
from accounts.access import HasPermission, Public, register

RUN_REVIEW = "review.run_review"

ROLE_PERMISSIONS = {
    roles.SERVICE_MANAGER: [RUN_REVIEW],
    roles.ADMINISTRATOR: [RUN_REVIEW],
}

# Who may rate an item: young people (and board members, who are young people)
# signed in, or any visitor without an account. Staff and parents/carers read.
RATING_ROLES = {roles.YOUNG_PERSON, roles.BOARD_MEMBER}

register(
    {
        "review:*": HasPermission(RUN_REVIEW),
        "you_said_we_did:list": Public(),
        # The view itself turns away signed-in people who are not young people.
        "you_said_we_did:rate": Public(),
    }
)


def may_rate(user) -> bool:
    """Anonymous visitors and signed-in young people may rate an item."""
    if not user.is_authenticated:
        return True
    return bool(roles.role_names(user) & RATING_ROLES)
