"""Side effects of saving programme pages, however they are saved.

Django's signals rather than Wagtail's admin hooks: demo data, scheduled
publishing and staff code save pages without the admin, and the people
signed up must be told of a change all the same. The work itself is in
`services.py` and `page_access.py`; these receivers only decide when.
"""

from django.db.models.signals import post_save, pre_save

from programmes import services
from programmes.models import EventPage, ProgrammeIndexPage
from programmes.page_access import protect_programme_section

# What people signed up to an event need to hear about when it changes.
WATCHED_FIELDS = ("status", "start", "location_name")


def remember_event_before_save(sender, instance: EventPage, update_fields, **kwargs):
    """Keep the stored status, time and place, if this save may change them."""
    instance._before_save = None
    if instance.pk is None or kwargs.get("raw"):
        return
    if update_fields is not None and not set(WATCHED_FIELDS) & set(update_fields):
        return
    instance._before_save = (
        EventPage.objects.filter(pk=instance.pk).values(*WATCHED_FIELDS, "live").first()
    )


def tell_signed_up_if_event_changed(sender, instance: EventPage, **kwargs):
    """A live event that stays live and changed what people need to know: tell them."""
    before = getattr(instance, "_before_save", None)
    instance._before_save = None
    if before and before["live"] and instance.live:
        services.tell_signed_up_about_change(event=instance, before=before)


def protect_new_programme_section(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        protect_programme_section(instance)


def connect_signals() -> None:
    pre_save.connect(
        remember_event_before_save, sender=EventPage, dispatch_uid="event-before"
    )
    post_save.connect(
        tell_signed_up_if_event_changed, sender=EventPage, dispatch_uid="event-told"
    )
    post_save.connect(
        protect_new_programme_section,
        sender=ProgrammeIndexPage,
        dispatch_uid="programme-section-protected",
    )
