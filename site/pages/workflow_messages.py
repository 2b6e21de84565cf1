"""Workflow news in staff Messages: a page waiting for approval, approved, or sent back.

Wagtail tells people about its approval workflow by email only, so anyone who
works in the site would not hear of it. These receivers put the same news in
the person's Messages (Wagtail's own email still goes, so no second email).
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import GroupApprovalTask, Page, TaskState, WorkflowState
from wagtail.signals import task_rejected, task_submitted, workflow_approved

from accounts.notifications import notify


def _editor_link(content_object) -> str:
    if isinstance(content_object, Page):
        return reverse("wagtailadmin_pages:edit", args=[content_object.pk])
    return ""


def tell_reviewers_a_page_is_waiting(sender, instance: TaskState, user=None, **kwargs):
    task = instance.task.specific
    if not isinstance(task, GroupApprovalTask):
        return
    content = instance.workflow_state.content_object
    reviewers = (
        get_user_model()
        .objects.filter(
            Q(groups__in=task.groups.all()) | Q(is_superuser=True), is_active=True
        )
        .distinct()
    )
    message = _("“%(title)s” is waiting for your approval (%(task)s).") % {
        "title": content,
        "task": task.name,
    }
    for reviewer in reviewers:
        if user is not None and reviewer.pk == user.pk:
            continue
        notify(
            user=reviewer,
            message=message,
            link=_editor_link(content),
            by_email=False,
        )


def tell_the_writer_it_was_approved(
    sender, instance: WorkflowState, user=None, **kwargs
):
    writer = instance.requested_by
    if writer is None or (user is not None and writer.pk == user.pk):
        return
    content = instance.content_object
    notify(
        user=writer,
        message=_("“%(title)s” was approved by %(name)s.")
        % {"title": content, "name": user or _("a reviewer")},
        link=_editor_link(content),
        by_email=False,
    )


def tell_the_writer_it_was_sent_back(sender, instance: TaskState, user=None, **kwargs):
    writer = instance.workflow_state.requested_by
    if writer is None or (user is not None and writer.pk == user.pk):
        return
    content = instance.workflow_state.content_object
    message = _("“%(title)s” was sent back for changes by %(name)s.") % {
        "title": content,
        "name": user or _("a reviewer"),
    }
    if instance.comment:
        message += " " + _("They said: %(comment)s") % {"comment": instance.comment}
    notify(user=writer, message=message, link=_editor_link(content), by_email=False)


def connect_signals() -> None:
    task_submitted.connect(
        tell_reviewers_a_page_is_waiting, dispatch_uid="messages-task-submitted"
    )
    workflow_approved.connect(
        tell_the_writer_it_was_approved, dispatch_uid="messages-workflow-approved"
    )
    task_rejected.connect(
        tell_the_writer_it_was_sent_back, dispatch_uid="messages-task-rejected"
    )
