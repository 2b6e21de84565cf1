"""URL kwargs for the access matrix: a shared item to report."""

from tests.feedback.factories import make_shared

SAMPLE_KWARGS = {
    "feedback:report": lambda people: {"pk": make_shared().pk},
}
