"""Who may run service reviews, read "You said, we did" and rate what came of their feedback."""

from accounts import roles
from accounts.access import HasPermission, Public, register
from privacy import never_kept

RUN_REVIEW = "review.run_review"

ROLE_PERMISSIONS = {
    roles.SERVICE_MANAGER: [RUN_REVIEW],
    roles.ADMINISTRATOR: [RUN_REVIEW],
}

register(
    {
        "review:*": HasPermission(RUN_REVIEW),
        "you_said_we_did:list": Public(),
        # Only with a receipt code: the child who gave the feedback rates what
        # came of it (the view checks the code and limits guesses).
        "you_said_we_did:rate": Public(),
    }
)

# A rating answers a post carrying a receipt code: never kept.
never_kept.declare("you_said_we_did:rate")

roles.register_role_permissions(ROLE_PERMISSIONS)
