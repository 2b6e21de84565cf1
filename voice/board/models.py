"""The shadow board: its public pages, its members, recommendations and live votes.

Public pages (`BoardIndexPage`, `MeetingPage`) live under /shadow-board/. What
only members and their supporting staff may read (recommendation drafts,
comments, the evidence, live votes) is kept in plain models behind the
members' area views, never in Wagtail pages, so no search index, feed, preview
or page API can reach it.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from accounts import roles
from voice.board.page_access import grant_board_page_permissions
from voice.feedback.models import Feedback
from voice.moderation.models import ModeratedText, Theme

# --- Public pages ---------------------------------------------------------


class BoardIndexPage(Page):
    """The shadow board's front page: what it is, who is on it and how to join."""

    intro = models.TextField(
        max_length=400, help_text=_("One or two short sentences, in plain words.")
    )
    about = RichTextField(blank=True, features=["bold", "link", "ul", "ol", "h2"])
    how_to_join = RichTextField(
        blank=True,
        features=["bold", "link", "ul", "ol"],
        help_text=_("Shown above the button that opens the application form."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("about"),
        FieldPanel("how_to_join"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("about"),
    ]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["board.MeetingPage"]
    max_count = 1

    def save(self, *args, **kwargs):
        created = self.pk is None
        super().save(*args, **kwargs)
        if created:
            grant_board_page_permissions(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["profiles"] = MemberProfile.shown_publicly()
        context["meetings"] = (
            MeetingPage.objects.child_of(self).live().order_by("-date")[:12]
        )
        context["recommendations"] = Recommendation.objects.influence_log(public=True)
        return context


class MeetingPage(Page):
    """One board meeting: when it was, what was on the agenda, what was decided."""

    date = models.DateField()
    agenda = RichTextField(blank=True, features=["bold", "ul", "ol", "link"])
    minutes = RichTextField(
        blank=True,
        features=["bold", "ul", "ol", "link", "h2"],
        help_text=_("The public minutes. No names of young people."),
    )
    decisions = RichTextField(blank=True, features=["bold", "ul", "ol", "link"])
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A board member who chairs the meeting and may open votes."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("agenda"),
        FieldPanel("minutes"),
        FieldPanel("decisions"),
        FieldPanel("chair"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("agenda"),
        index.SearchField("minutes"),
        index.SearchField("decisions"),
    ]
    parent_page_types = ["board.BoardIndexPage"]
    subpage_types: list[str] = []

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["closed_questions"] = self.questions.filter(
            status=Question.Status.CLOSED
        )
        context["recommendations"] = Recommendation.objects.submitted().filter(
            meeting=self
        )
        return context


# --- Members and applications ---------------------------------------------


class MemberProfile(models.Model):
    """What a board member agreed to show the public: a chosen name and an avatar.

    Never a surname or a photo. Shown only while `is_public` is on; a member
    can switch it off at any time and it leaves the public page at once.
    """

    class Avatar(models.TextChoices):
        STAR = "star", _("A star")
        ROCKET = "rocket", _("A rocket")
        TREE = "tree", _("A tree")
        WAVE = "wave", _("A wave")
        LIGHTNING = "lightning", _("A lightning bolt")
        PLANET = "planet", _("A planet")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="board_profile"
    )
    chosen_name = models.CharField(
        max_length=30,
        help_text=_("A first name or a name you choose. Not your surname."),
    )
    avatar = models.CharField(max_length=20, choices=Avatar.choices)
    is_public = models.BooleanField(
        default=False, help_text=_("Show my name and picture on the board's page.")
    )
    agreed_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["chosen_name"]

    def __str__(self) -> str:
        return self.chosen_name

    @classmethod
    def shown_publicly(cls) -> list[dict]:
        """Profiles members agreed to show, with only the chosen name and avatar."""
        profiles = cls.objects.filter(
            is_public=True, user__groups__name=roles.BOARD_MEMBER, user__is_active=True
        ).only("chosen_name", "avatar")
        return [
            {
                "chosen_name": profile.chosen_name,
                "avatar": AVATAR_SYMBOLS.get(profile.avatar, ""),
                "avatar_label": profile.get_avatar_display(),
            }
            for profile in profiles
        ]


AVATAR_SYMBOLS = {
    "star": "⭐",
    "rocket": "🚀",
    "tree": "🌳",
    "wave": "🌊",
    "lightning": "⚡",
    "planet": "🪐",
}


class BoardApplication(models.Model):
    """A young person asking to join the board, and the staff decision on it."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting for a decision")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Not this time")

    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    chosen_name = models.CharField(max_length=30)
    why = models.OneToOneField(
        ModeratedText, on_delete=models.PROTECT, related_name="board_application"
    )
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.WAITING, db_index=True
    )
    decline_reason = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at"]
        permissions = [
            ("review_applications", "Can accept or decline applications to the board")
        ]

    def __str__(self) -> str:
        return f"Application from {self.chosen_name}"


# --- Recommendations --------------------------------------------------------


class RecommendationQuerySet(models.QuerySet):
    def drafts(self) -> RecommendationQuerySet:
        return self.filter(status=Recommendation.Status.DRAFT)

    def submitted(self) -> RecommendationQuerySet:
        """Sent to management: waiting for, or holding, a response."""
        return self.exclude(status=Recommendation.Status.DRAFT)

    def awaiting_response(self) -> RecommendationQuerySet:
        return self.filter(status=Recommendation.Status.SUBMITTED)

    def responded(self) -> RecommendationQuerySet:
        return self.filter(status=Recommendation.Status.RESPONDED)

    def influence_log(self, *, public: bool = False) -> RecommendationQuerySet:
        """Recommendations with their response and the actions that followed, newest first.

        The public sees submitted recommendations and only the actions that are
        under way, done or not possible (as on "You said, we did"); members see
        every action, proposed ones too. Each recommendation's actions are in
        `followed_actions`.
        """
        # The review's Action, reached through the reverse relation: the review
        # sits above the board, so the board never imports it.
        Action = Recommendation.actions.rel.related_model  # noqa: N806

        actions = Action.objects.order_by("-status_changed_at", "-pk")
        if public:
            actions = actions.filter(status__in=Action.PUBLIC_STATUSES)
        recommendations = (
            self.select_related("response")
            .prefetch_related(
                models.Prefetch("actions", queryset=actions, to_attr="followed_actions")
            )
            .order_by("-submitted_at", "-created_at")
        )
        if public:
            recommendations = recommendations.submitted()
        return recommendations


class Recommendation(models.Model):
    """What the board found, what it asks the service to do, and the evidence for it.

    Other apps (the service review) link their actions to recommendations through
    `Recommendation.objects.submitted()` and `response_time`.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Being written")
        SUBMITTED = "submitted", _("Sent to managers")
        RESPONDED = "responded", _("Managers have answered")

    title = models.CharField(max_length=150)
    what_we_found = models.TextField()
    what_we_ask = models.TextField(verbose_name=_("What we ask for"))
    evidence_feedback = models.ManyToManyField(
        Feedback, blank=True, related_name="board_recommendations"
    )
    evidence_themes = models.ManyToManyField(
        Theme, blank=True, related_name="board_recommendations"
    )
    meeting = models.ForeignKey(
        MeetingPage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="recommendations",
    )
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted_at = models.DateTimeField(null=True, blank=True)

    objects = RecommendationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        permissions = [
            (
                "access_members_area",
                "Can open the shadow board members' area and its evidence",
            ),
            ("take_part_as_member", "Can take part as a board member and vote"),
            ("run_meeting", "Can open and close votes in board meetings"),
            ("respond_to_recommendations", "Can record management's response"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def response_time(self) -> datetime.timedelta | None:
        """From submission to management's response (or to now, while it waits)."""
        if self.submitted_at is None:
            return None
        response = getattr(self, "response", None)
        end = response.responded_at if response else timezone.now()
        return end - self.submitted_at

    @property
    def response_days(self) -> int | None:
        elapsed = self.response_time
        return None if elapsed is None else elapsed.days


class RecommendationComment(models.Model):
    """A member's comment on a recommendation; shown to others only once approved."""

    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    moderated_text = models.OneToOneField(
        ModeratedText, on_delete=models.PROTECT, related_name="board_comment"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"Comment on {self.recommendation}"


class ManagementResponse(models.Model):
    """The service's formal answer to a recommendation."""

    class Outcome(models.TextChoices):
        ACCEPTED = "accepted", _("Accepted")
        ACCEPTED_IN_PART = "accepted_in_part", _("Accepted in part")
        NOT_ACCEPTED = "not_accepted", _("Not accepted")

    recommendation = models.OneToOneField(
        Recommendation, on_delete=models.CASCADE, related_name="response"
    )
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    reasons = models.TextField(help_text=_("In plain words the board will read."))
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    responded_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.get_outcome_display()}: {self.recommendation}"


# --- Live meetings ----------------------------------------------------------


class Question(models.Model):
    """A question or proposal put to the board in a meeting; members vote on it."""

    class Kind(models.TextChoices):
        QUESTION = "question", _("Question")
        PROPOSAL = "proposal", _("Proposal")

    class Status(models.TextChoices):
        OPEN = "open", _("Voting is open")
        CLOSED = "closed", _("Voting has closed")

    meeting = models.ForeignKey(
        MeetingPage, on_delete=models.CASCADE, related_name="questions"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.QUESTION)
    text = models.CharField(max_length=300)
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    opened_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)
    result = models.JSONField(
        default=dict, blank=True, help_text=_("The counts when voting closed.")
    )

    class Meta:
        ordering = ["opened_at"]

    def __str__(self) -> str:
        return self.text

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN


class Vote(models.Model):
    """One member's vote on one question; they may change it until voting closes."""

    class Choice(models.TextChoices):
        YES = "yes", _("Yes")
        NO = "no", _("No")
        NOT_SURE = "not_sure", _("Not sure")

    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="votes"
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    choice = models.CharField(max_length=20, choices=Choice.choices)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["question", "member"], name="board_one_vote_per_member"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_choice_display()} on {self.question}"
