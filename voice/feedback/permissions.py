"""Who may open the feedback pages, and which roles manage the topic list."""

from accounts import roles
from accounts.access import Public, SignedIn, register
from privacy import never_kept

TOPIC_PERMISSIONS = [
    "feedback.add_topic",
    "feedback.change_topic",
    "feedback.view_topic",
]

ROLE_PERMISSIONS = {
    roles.SERVICE_MANAGER: TOPIC_PERMISSIONS,
    roles.ADMINISTRATOR: TOPIC_PERMISSIONS,
}

register(
    {
        # Anyone can give feedback, with or without an account.
        "feedback:give": Public(),
        "feedback:thanks": Public(),
        # The one-time value on the thank-you page is what lets the answers count.
        "feedback:about_you": Public(),
        # The receipt code is the key: the views check it (and rate-limit guesses).
        "feedback:check": Public(),
        "feedback:stop_sharing": Public(),
        # Only the signed-in person's own feedback is listed.
        "feedback:mine": SignedIn(),
        "feedback:shared": Public(),
        "feedback:report": Public(),
        # Nobody has to sign in to say they do not feel safe.
        "feedback:unsafe": Public(),
        "feedback:unsafe_sent": Public(),
    }
)

# The form, the receipt, its check and the unsafe button show someone's words
# or code: no browser or cache keeps them (the shared page is for everyone).
never_kept.declare(
    "feedback:give",
    "feedback:thanks",
    "feedback:about_you",
    "feedback:check",
    "feedback:stop_sharing",
    "feedback:mine",
    "feedback:report",
    "feedback:unsafe",
    "feedback:unsafe_sent",
)

roles.register_role_permissions(ROLE_PERMISSIONS)
