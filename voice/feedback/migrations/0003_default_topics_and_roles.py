from django.db import migrations


def add_default_topics(apps, schema_editor):
    from voice.feedback.topics import ensure_default_topics

    ensure_default_topics(apps.get_model("feedback", "Topic"))


def grant_topic_permissions(apps, schema_editor):
    from accounts.roles import grant_permissions

    topic_permissions = [
        "feedback.add_topic",
        "feedback.change_topic",
        "feedback.view_topic",
    ]
    grant_permissions(
        apps,
        {
            "Service manager": topic_permissions,
            "Administrator": topic_permissions,
        },
    )


class Migration(migrations.Migration):

    dependencies = [
        ("feedback", "0002_reports_and_shared_index"),
        ("accounts", "0002_roles"),
    ]

    operations = [
        migrations.RunPython(add_default_topics, migrations.RunPython.noop),
        migrations.RunPython(grant_topic_permissions, migrations.RunPython.noop),
    ]
