"""Programmes of events as Wagtail pages, and the sign-ups of the people who take part."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from accounts import roles
from accounts.age_bands import is_sixteen_or_over
from pages.blocks import PLAIN_FEATURES
from programmes.blocks import ProgrammeBodyBlock

EVENTS_PER_PAGE = 10
PAST_EVENTS_SHOWN = 6


class PictureMixin(models.Model):
    """A main picture that must always say what it shows."""

    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("picture description"),
        max_length=250,
        blank=True,
        help_text=_("Say what the picture shows, for people using a screen reader."),
    )

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.image_id and not self.image_alt.strip():
            raise ValidationError(
                {"image_alt": _("Say what the picture shows before you save.")}
            )


class ProgrammeIndexPage(Page):
    """The list of every programme, with links to what is coming up."""

    intro = models.TextField(max_length=400, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["programmes.ProgrammePage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["programmes"] = (
            ProgrammePage.objects.child_of(self).live().public().order_by("title")
        )
        return context


class ProgrammePage(PictureMixin, Page):
    """One programme: what it is for, who it is for, its events, stories and outcomes."""

    intro = models.TextField(
        max_length=400, help_text=_("One or two short sentences, in plain words.")
    )
    aims = RichTextField(features=PLAIN_FEATURES, blank=True)
    who_it_is_for = models.CharField(max_length=250, blank=True)
    body = StreamField(ProgrammeBodyBlock(), blank=True, use_json_field=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("who_it_is_for"),
        FieldPanel("aims"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], "Picture"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    parent_page_types = ["programmes.ProgrammeIndexPage"]
    subpage_types = ["programmes.EventPage"]

    def __str__(self) -> str:
        return self.title

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        events = EventPage.objects.listable().descendant_of(self)
        upcoming = Paginator(events.upcoming(), EVENTS_PER_PAGE).get_page(
            request.GET.get("page")
        )
        for event in upcoming:
            event.programme = self  # as event listings name each event's programme
        context["upcoming"] = upcoming
        context["past"] = events.past()[:PAST_EVENTS_SHOWN]
        return context


class EventPageQuerySet(PageQuerySet):
    """Events as listings show them: each with the places taken, one query in all."""

    def listable(self) -> EventPageQuerySet:
        """Live public events, each with `taken`: how many places are held."""
        return (
            self.live()
            .public()
            .select_related("image")
            .annotate(
                taken=Count("sign_ups", filter=Q(sign_ups__status=SignUp.Status.PLACE))
            )
        )

    def upcoming(self) -> EventPageQuerySet:
        """Events still to finish, soonest first."""
        return self.filter(end__gt=timezone.now()).order_by("start", "pk")

    def past(self) -> EventPageQuerySet:
        """Events that have finished, latest first, for the archive with their outcomes."""
        return self.filter(end__lte=timezone.now()).order_by("-start", "-pk")


class EventPage(PictureMixin, Page):
    """One event in a programme: when, where, who for, and how to take part."""

    class Audience(models.TextChoices):
        YOUNG_PEOPLE = "young_people", _("Young people")
        PARENTS = "parents", _("Parents and carers")
        FAMILIES = "families", _("Young people and their families")
        SCHOOLS = "schools", _("Schools")
        EVERYONE = "everyone", _("Everyone")

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Going ahead")
        CANCELLED = "cancelled", _("Cancelled")
        MOVED = "moved", _("Moved")

    summary = models.CharField(max_length=250)
    body = RichTextField(features=PLAIN_FEATURES, blank=True)
    start = models.DateTimeField()
    end = models.DateTimeField()
    location_name = models.CharField(_("place"), max_length=120)
    address = models.TextField(blank=True)
    accessibility = models.TextField(
        _("getting in and around"),
        blank=True,
        help_text=_("Steps, lifts, toilets, quiet space, hearing loop."),
    )
    travel = models.TextField(
        _("getting there"), blank=True, help_text=_("Buses, trains, parking.")
    )
    audience = models.CharField(
        max_length=20, choices=Audience.choices, default=Audience.YOUNG_PEOPLE
    )
    min_age = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(5), MaxValueValidator(99)]
    )
    max_age = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(5), MaxValueValidator(99)]
    )
    capacity = models.PositiveIntegerField(
        validators=[MinValueValidator(1)], help_text=_("How many places there are.")
    )
    what_to_bring = models.TextField(blank=True)
    needs_consent = models.BooleanField(
        _("needs a parent or carer's consent"), default=False
    )
    contact_name = models.CharField(max_length=120, blank=True)
    contact_details = models.CharField(
        max_length=200, blank=True, help_text=_("A phone number or email.")
    )
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.SCHEDULED
    )
    status_note = models.CharField(
        max_length=250,
        blank=True,
        help_text=_("What changed, in plain words: the new date, place or reason."),
    )
    outcomes = RichTextField(
        features=PLAIN_FEATURES,
        blank=True,
        help_text=_("After the event: what happened and what people got from it."),
    )

    objects = PageManager.from_queryset(EventPageQuerySet)()

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")])], "When"
        ),
        MultiFieldPanel(
            [
                FieldPanel("location_name"),
                FieldPanel("address"),
                FieldPanel("accessibility"),
                FieldPanel("travel"),
            ],
            "Where",
        ),
        MultiFieldPanel(
            [
                FieldPanel("audience"),
                FieldRowPanel([FieldPanel("min_age"), FieldPanel("max_age")]),
                FieldPanel("capacity"),
                FieldPanel("needs_consent"),
                FieldPanel("what_to_bring"),
            ],
            "Who and how many",
        ),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_details")], "Contact"
        ),
        MultiFieldPanel([FieldPanel("status"), FieldPanel("status_note")], "Status"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], "Picture"),
        FieldPanel("outcomes"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("start"),
        index.FilterField("audience"),
    ]
    parent_page_types = ["programmes.ProgrammePage"]
    subpage_types: list[str] = []

    class Meta:
        permissions = [
            ("take_part", "Can sign up for events"),
            ("sign_up_supported", "Can sign up young people they support"),
            ("manage_sign_ups", "Can see who is coming and mark attendance"),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("The end must be after the start.")})
        if self.min_age and self.max_age and self.max_age < self.min_age:
            raise ValidationError(
                {"max_age": _("The oldest age must not be below the youngest.")}
            )
        if self.status == self.Status.MOVED and not self.status_note.strip():
            raise ValidationError(
                {"status_note": _("Say where or when the event has moved to.")}
            )

    @property
    def is_past(self) -> bool:
        return self.end <= timezone.now()

    @property
    def is_open_for_sign_up(self) -> bool:
        return self.status != self.Status.CANCELLED and self.start > timezone.now()

    # Who signs up for themselves, by the event's audience. Schools' events are
    # for pupils: the young people themselves sign up.
    ROLES_TAKING_PART = {
        Audience.YOUNG_PEOPLE: {roles.YOUNG_PERSON, roles.BOARD_MEMBER},
        Audience.SCHOOLS: {roles.YOUNG_PERSON, roles.BOARD_MEMBER},
        Audience.PARENTS: {roles.PARENT_CARER},
        Audience.FAMILIES: {roles.YOUNG_PERSON, roles.BOARD_MEMBER, roles.PARENT_CARER},
        Audience.EVERYONE: {roles.YOUNG_PERSON, roles.BOARD_MEMBER, roles.PARENT_CARER},
    }

    def is_for(self, person) -> bool:
        """Whether the event is meant for someone in this person's role."""
        return bool(roles.role_names(person) & self.ROLES_TAKING_PART[self.audience])

    def sign_up_offer(self, user) -> str:
        """What the sign-up box offers this visitor; the sign-up page follows the same rule.

        "self": sign yourself up. "supported": a case worker signs up a young
        person they support. "sign_in": a visitor is asked to sign in first.
        "": nothing to offer (closed, or not meant for this person).
        """
        if not self.is_open_for_sign_up:
            return ""
        if not user.is_authenticated:
            return "sign_in"
        if user.has_perm("programmes.take_part") and self.is_for(user):
            return "self"
        if (
            user.has_perm("programmes.sign_up_supported")
            and roles.YOUNG_PERSON in self.ROLES_TAKING_PART[self.audience]
        ):
            return "supported"
        return ""

    def who_signs_up(self) -> str:
        """Plain words for who may sign up, for people the event is not meant for."""
        if self.audience == self.Audience.PARENTS:
            return _("This event is for parents and carers, so only they can sign up.")
        return _("This event is for young people, so only they can sign up.")

    @property
    def listed_places_left(self) -> int:
        """Places left, from the `taken` count that event listings add."""
        return max(self.capacity - getattr(self, "taken", 0), 0)

    def age_range(self) -> str:
        if self.min_age and self.max_age:
            return _("Ages %(low)s to %(high)s") % {
                "low": self.min_age,
                "high": self.max_age,
            }
        if self.min_age:
            return _("Ages %(low)s and over") % {"low": self.min_age}
        if self.max_age:
            return _("Up to age %(high)s") % {"high": self.max_age}
        return ""

    def places_left(self) -> int:
        taken = self.sign_ups.filter(status=SignUp.Status.PLACE).count()
        return max(self.capacity - taken, 0)

    def active_sign_up_of(self, user) -> SignUp | None:
        """This person's place or place in the queue, if they have one."""
        if not user.is_authenticated:
            return None
        return (
            self.sign_ups.filter(
                person=user, status__in=[SignUp.Status.PLACE, SignUp.Status.WAITING]
            )
            .select_related("event")
            .first()
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["programme"] = self.get_parent().specific
        context["places_left"] = self.places_left()
        context["my_sign_up"] = self.active_sign_up_of(request.user)
        context["sign_up_offer"] = self.sign_up_offer(request.user)
        return context


class SignUp(models.Model):
    """A person's place (or place in the queue) at one event."""

    class Status(models.TextChoices):
        PLACE = "place", _("Has a place")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    event = models.ForeignKey(
        EventPage, on_delete=models.CASCADE, related_name="sign_ups"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sign_ups"
    )
    signed_up_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The case worker, if they signed the young person up."),
    )
    status = models.CharField(max_length=20, choices=Status.choices)
    created_at = models.DateTimeField(default=timezone.now)
    place_given_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    access_needs = models.TextField(blank=True, max_length=1000)
    # Set when screening passed the access needs to safeguarding: from then on
    # programme staff see that they were passed on, never the words.
    access_needs_passed_on = models.BooleanField(default=False, editable=False)
    travel_help = models.BooleanField(default=False)
    needs_erased_at = models.DateTimeField(null=True, blank=True)
    attended = models.BooleanField(null=True, blank=True)
    attendance_marked_at = models.DateTimeField(null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "person"],
                condition=models.Q(status__in=["place", "waiting"]),
                name="one_active_sign_up_per_person_per_event",
            )
        ]
        indexes = [models.Index(fields=["event", "status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.person} – {self.event} ({self.get_status_display()})"

    @property
    def is_active(self) -> bool:
        return self.status in (self.Status.PLACE, self.Status.WAITING)

    @property
    def access_needs_for_staff(self) -> str:
        """What programme staff's pages and exports show of the access needs."""
        if self.access_needs_passed_on:
            return str(_("Passed to the safeguarding lead"))
        return self.access_needs

    def consent_rule(self) -> str:
        """Who must agree before this person can come: see `ConsentRule`."""
        return consent_rule(self.event, self.person)

    def counted_consents(self) -> list[Consent]:
        """Consents that count for this person now, newest first.

        A young person's own consent counts only while they are 16 or over.
        Uses prefetched `consents` when there are some.
        """
        own_counts = self.consent_rule() == ConsentRule.THEMSELVES
        return sorted(
            (
                consent
                for consent in self.consents.all()
                if own_counts or consent.relationship != Consent.Relationship.THEMSELF
            ),
            key=lambda consent: (consent.given_at, consent.pk),
            reverse=True,
        )

    @property
    def consent_status(self) -> str:
        """Not needed, waiting, given or withdrawn."""
        if self.consent_rule() == ConsentRule.NOT_NEEDED:
            return ConsentStatus.NOT_NEEDED
        counted = self.counted_consents()
        if any(consent.withdrawn_at is None for consent in counted):
            return ConsentStatus.GIVEN
        return ConsentStatus.WITHDRAWN if counted else ConsentStatus.WAITING

    def get_consent_status_display(self) -> str:
        return str(ConsentStatus(self.consent_status).label)

    @property
    def consent_stops_attendance(self) -> bool:
        return self.consent_status in (ConsentStatus.WAITING, ConsentStatus.WITHDRAWN)

    @property
    def current_consent(self) -> Consent | None:
        """The newest consent that counts and was not withdrawn, if any."""
        if self.consent_rule() == ConsentRule.NOT_NEEDED:
            return None
        return next(
            (c for c in self.counted_consents() if c.withdrawn_at is None), None
        )


class ConsentRule(models.TextChoices):
    """Who must agree before a person comes to an event."""

    NOT_NEEDED = "not_needed", _("No consent needed")
    # Under 16, or age not known: a parent, carer or social worker.
    SOMEONE_ELSE = "someone_else", _("A parent, carer or social worker must agree")
    # 16 or over: they can agree themselves (or someone else can, for them).
    THEMSELVES = "themselves", _("They can agree themselves (16 or over)")


class ConsentStatus(models.TextChoices):
    NOT_NEEDED = "not_needed", _("Not needed")
    WAITING = "waiting", _("Waiting for consent")
    GIVEN = "given", _("Consent given")
    WITHDRAWN = "withdrawn", _("Consent withdrawn")


def consent_rule(event: EventPage, person) -> str:
    """Parents' consent applies to young people under 16, or whose age is not known.

    Parents and carers taking part are adults: nobody else agrees for them.
    """
    if not event.needs_consent:
        return ConsentRule.NOT_NEEDED
    names = roles.role_names(person)
    if roles.PARENT_CARER in names and not names & {
        roles.YOUNG_PERSON,
        roles.BOARD_MEMBER,
    }:
        return ConsentRule.NOT_NEEDED
    if is_sixteen_or_over(person.age_band):
        return ConsentRule.THEMSELVES
    return ConsentRule.SOMEONE_ELSE


class Consent(models.Model):
    """Who agreed to a person taking part in one event, when, how and to what.

    Kept as a record: withdrawing consent keeps the row and says when and by
    whom it was withdrawn.
    """

    class Relationship(models.TextChoices):
        PARENT = "parent", _("Parent")
        CARER = "carer", _("Carer")
        SOCIAL_WORKER = "social_worker", _("Social worker")
        THEMSELF = "themself", _("The young person themself (16 or over)")
        OTHER = "other", _("Someone else")
        NOT_RECORDED = "not_recorded", _("Not recorded")

    class How(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        PHONE = "phone", _("Phone call")
        PAPER_FORM = "paper_form", _("Paper form")
        EMAIL = "email", _("Email")
        TEXT_MESSAGE = "text_message", _("Text message")
        ONLINE = "online", _("Online, when signing up")
        NOT_RECORDED = "not_recorded", _("Not recorded")

    sign_up = models.ForeignKey(
        SignUp, on_delete=models.CASCADE, related_name="consents"
    )
    given_by_name = models.CharField(_("who gave consent"), max_length=120)
    relationship = models.CharField(max_length=20, choices=Relationship.choices)
    how = models.CharField(_("how it was given"), max_length=20, choices=How.choices)
    for_what = models.CharField(_("what it is for"), max_length=250)
    given_at = models.DateTimeField(_("when it was given"), default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    withdrawn_how = models.CharField(
        _("how it was taken back"), max_length=20, choices=How.choices, blank=True
    )
    withdrawal_reason = models.CharField(
        _("why it was taken back"), max_length=300, blank=True
    )
    # Set by the retention purge once the name of who gave it is removed.
    name_removed_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["given_at", "pk"]

    def __str__(self) -> str:
        return f"Consent for sign-up {self.sign_up_id}"

    def clean(self):
        super().clean()
        if self.given_at and self.given_at > timezone.now():
            raise ValidationError(
                {
                    "given_at": _(
                        "Consent cannot be given in the future. Check the date."
                    )
                }
            )


class Certificate(models.Model):
    """A certificate a person issued to themselves, as it was on the day.

    The activities and names are copied at issue time, so the check page
    answers with exactly what the printed page says, even if an event is
    renamed later. Withdrawing a certificate deletes it.
    """

    NAME_MAX_LENGTH = 70

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="certificates"
    )
    reference = models.CharField(max_length=12, unique=True)
    name_shown = models.CharField(max_length=NAME_MAX_LENGTH)
    include_service_name = models.BooleanField(default=False)
    service_name = models.CharField(
        max_length=120,
        blank=True,
        help_text=_("Only when the person chose to show it."),
    )
    programme = models.CharField(max_length=500)
    activities = models.JSONField(
        default=list, help_text=_('[{"date": "2026-03-01", "title": ..., "kind": ...}]')
    )
    issued_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-issued_at", "-pk"]

    def __str__(self) -> str:
        return f"Certificate {self.reference}"

    def listed_activities(self) -> list[dict]:
        """The activities as stored, each with its date as a date."""
        return [
            {**activity, "date": datetime.date.fromisoformat(activity["date"])}
            for activity in self.activities
        ]
