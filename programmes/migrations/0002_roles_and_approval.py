"""Grant the roles their event permissions, and make the "Programme approval" workflow.

Programme pages are published only after a service manager approves them; the
workflow is attached to the programmes section when its index page is made
(see programmes/page_access.py). Programme staff may also upload and choose
images for their pages.
"""

from django.db import migrations

from accounts import roles

WORKFLOW_NAME = "Programme approval"
TASK_NAME = "Service manager approves programme content"


# What the roles were given when this migration was written. A frozen copy:
# later permissions (for models that do not exist yet at this point) are
# given by later migrations and by accounts' post_migrate sync.
ROLE_PERMISSIONS_AT_THIS_POINT = {
    "Young person": ["programmes.take_part"],
    "Shadow board member": ["programmes.take_part"],
    "Case worker": ["programmes.sign_up_supported"],
    "Programme staff": ["programmes.manage_sign_ups"],
    "Service manager": ["programmes.manage_sign_ups"],
    "Administrator": ["programmes.manage_sign_ups"],
}


def create_roles_and_workflow(apps, schema_editor):
    roles.grant_permissions(apps, ROLE_PERMISSIONS_AT_THIS_POINT)

    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model(
        "wagtailcore", "GroupCollectionPermission"
    )

    approvers, _ = Group.objects.get_or_create(name=roles.SERVICE_MANAGER)
    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task, _ = GroupApprovalTask.objects.get_or_create(
        name=TASK_NAME, defaults={"content_type": task_type, "active": True}
    )
    task.groups.add(approvers)
    workflow, _ = Workflow.objects.get_or_create(
        name=WORKFLOW_NAME, defaults={"active": True}
    )
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task=task, defaults={"sort_order": 0}
    )

    staff, _ = Group.objects.get_or_create(name=roles.PROGRAMME_STAFF)
    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        for codename in ("add_image", "choose_image"):
            permission = Permission.objects.filter(
                content_type__app_label="wagtailimages", codename=codename
            ).first()
            if permission is not None:
                GroupCollectionPermission.objects.get_or_create(
                    group=staff, collection=root_collection, permission=permission
                )


def remove_workflow(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(
        name=WORKFLOW_NAME
    ).delete()
    apps.get_model("wagtailcore", "Task").objects.filter(name=TASK_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("programmes", "0001_initial"),
        ("accounts", "0002_roles"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(create_roles_and_workflow, remove_workflow)]
