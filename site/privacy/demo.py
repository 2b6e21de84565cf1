"""The privacy page at /privacy/: a short version first, then the full version.

Runs after pages' demo (apps seed in installed order) and replaces the
privacy page's words with these. A service edits them in the Wagtail admin to
name its own data protection officer and retention periods.
"""

from pages.demo import ensure_home_page, ensure_standard_page


def _p(*sentences: str) -> str:
    return "<p>" + " ".join(sentences) + "</p>"


def _list(*items: str) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


PRIVACY_PAGE = {
    "slug": "privacy",
    "title": "Your privacy",
    "intro": "What we keep about you, why, who sees it, and what you can ask us to do.",
    "body": [
        ("heading", "The short version"),
        (
            "paragraph",
            _list(
                "You can tell us things without giving your name.",
                "We only put your words on our website if you say yes, "
                "and never with your name.",
                "A member of staff reads everything before anyone else can see it.",
                "If you might be in danger, we have to tell someone who can help.",
                "We do not track you, and we do not keep where you are.",
                "You can see what we keep about you, get a copy, and delete it. "
                "Go to My data when you are signed in.",
            ),
        ),
        (
            "callout",
            {
                "title": "Want to talk about it?",
                "text": "<p>Ask your worker, or call the office. "
                "We will explain anything on this page.</p>",
                "tone": "info",
            },
        ),
        ("heading", "The full version"),
        ("heading", "Who we are"),
        (
            "paragraph",
            _p(
                "This website is run by the youth justice service. We are in charge "
                "of your information (the law calls us the data controller). Our data "
                "protection officer checks that we follow the law. You can reach them "
                "through the office.",
            ),
        ),
        ("heading", "What we keep"),
        (
            "paragraph",
            _list(
                "<b>Your account</b>: the username you made up, your password "
                "(scrambled, so nobody can read it), and your email only if you "
                "gave one.",
                "<b>What you tell us</b>: your feedback, your answers to surveys, "
                "and comments on the shadow board, with the topic and how you felt.",
                "<b>Events</b>: which events you signed up to and if you came.",
                "<b>Messages</b> we send to your account.",
            ),
        ),
        (
            "paragraph",
            _p(
                "We never ask about crimes, your court case or your health. Please "
                "do not write about them. If you do, a moderator takes them out "
                "before anything is shared. We do not keep your IP address, what "
                "phone or browser you use, or where you are. There is no "
                "advertising and nothing from other websites on our pages.",
            ),
        ),
        ("heading", "Why we keep it"),
        (
            "paragraph",
            _p(
                "We keep it to listen to you and make the service better, which is "
                "part of our public task. We only share your words on our website "
                "when you say yes (your consent), and you can change your mind at "
                "any time.",
            ),
        ),
        ("heading", "Who can see it"),
        (
            "paragraph",
            _list(
                "Moderators read what you write before anyone else sees it.",
                "Staff who need it for their job, such as your case worker. Every "
                "time staff open a named person's records, it is written down.",
                "If we think you or someone else might be in danger, safeguarding "
                "staff see it and may tell other services that help keep children "
                "safe. We would try to tell you first.",
                "We do not sell your information or give it to anyone for advertising.",
            ),
        ),
        ("heading", "How long we keep it"),
        (
            "paragraph",
            _list(
                "Your words: 12 months after a moderator has read them. Then we "
                "remove the words and keep only counts, like how many people felt "
                "happy.",
                "Messages in your account: 6 months.",
                "Safeguarding records: 6 years after they are closed, or longer "
                "if the law says so.",
                "Your account: until you delete it.",
            ),
        ),
        ("heading", "What you can ask us to do"),
        (
            "paragraph",
            _list(
                "See everything we keep about you, and get a copy. Use My data, "
                "or ask us in person.",
                "Put something right if it is wrong.",
                "Delete your account. You choose if we erase your words or keep "
                "them without your name.",
                "Stop sharing your words on our website.",
                "Complain to us, or to the Information Commissioner's Office "
                "(ICO) on 0303 123 1113 or at ico.org.uk.",
            ),
        ),
        (
            "paragraph",
            _p(
                "A parent or carer can ask for these things for a young child. "
                "If you are old enough to understand, we will ask you first.",
            ),
        ),
    ],
}


def seed(context: dict) -> None:
    home = context.get("home") or ensure_home_page()
    ensure_standard_page(home, PRIVACY_PAGE)
