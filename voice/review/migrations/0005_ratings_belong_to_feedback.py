"""Ratings belong to the feedback they answer, not to any visitor of the public page.

Ratings given through the old public door cannot be tied to anyone's
feedback (any fresh browser could add one), so they are not kept.
"""

import django.db.models.deletion
from django.db import migrations, models


def forget_unattributable_ratings(apps, schema_editor):
    apps.get_model("review", "ActionRating").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0005_report_network"),
        ("review", "0004_cycle_children_worked_with"),
    ]

    operations = [
        migrations.RunPython(forget_unattributable_ratings, migrations.RunPython.noop),
        migrations.RemoveConstraint(
            model_name="actionrating",
            name="one_rating_per_person_per_action",
        ),
        migrations.RemoveField(model_name="actionrating", name="rater"),
        migrations.AddField(
            model_name="actionrating",
            name="feedback",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="action_ratings",
                to="feedback.feedback",
            ),
        ),
        migrations.AddConstraint(
            model_name="actionrating",
            constraint=models.UniqueConstraint(
                fields=("action", "feedback"),
                name="one_rating_per_feedback_per_action",
            ),
        ),
    ]
