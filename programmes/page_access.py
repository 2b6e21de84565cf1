"""Who may edit programme pages, and the approval every change goes through.

Programme staff may add and edit programme and event pages but not publish
them: publishing goes through the "Programme approval" workflow, which a
service manager approves, and may edit (administrators may publish directly).
"""

from django.contrib.auth.models import Group
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from accounts import roles

WORKFLOW_NAME = "Programme approval"
TASK_NAME = "Service manager approves programme content"
APPROVER_ROLES = [roles.SERVICE_MANAGER]
PROGRAMME_PAGE_PERMISSIONS = {
    roles.PROGRAMME_STAFF: ["add_page", "change_page", "lock_page", "unlock_page"],
    # Approving publishes the page; approvers may also edit it, so a service
    # manager can put right a wrong time or a typo instead of sending it back.
    roles.SERVICE_MANAGER: ["change_page", "publish_page"],
}


def protect_programme_section(index_page) -> None:
    """Give programme staff their page permissions and put the section under approval.

    Safe to run again: it only adds what is missing.
    """
    roles.grant_page_permissions_on(index_page.pk, PROGRAMME_PAGE_PERMISSIONS)
    WorkflowPage.objects.update_or_create(
        page=index_page, defaults={"workflow": programme_workflow()}
    )


def programme_workflow() -> Workflow:
    """The approval workflow (made by a migration; remade here if it was removed)."""
    workflow, _ = Workflow.objects.get_or_create(
        name=WORKFLOW_NAME, defaults={"active": True}
    )
    if not workflow.workflow_tasks.exists():
        task, _ = GroupApprovalTask.objects.get_or_create(
            name=TASK_NAME, defaults={"active": True}
        )
        task.groups.add(*Group.objects.filter(name__in=APPROVER_ROLES))
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow
