"""Safeguarding becomes its own app: its two models move here from moderation.

The tables keep their names, so no row moves: this changes Django's record
of which app owns them, and the content types that permissions, role grants
and audit log entries point at.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

MOVED_MODELS = ["safeguardingconcern", "safeguardingphrase"]


def move_content_types(apps, schema_editor, source="moderation", target="safeguarding"):
    content_type_model = apps.get_model("contenttypes", "ContentType")
    for model in MOVED_MODELS:
        old = content_type_model.objects.filter(app_label=source, model=model).first()
        if old is None:
            continue
        new = content_type_model.objects.filter(app_label=target, model=model).first()
        if new is None:
            old.app_label = target
            old.save(update_fields=["app_label"])
        else:
            merge_content_type(apps, old, new)


def merge_content_type(apps, old, new):
    """Point everything at `new` and drop `old`, when both exist.

    `post_migrate` makes the new app's content types before this runs on a
    database that was migrated in more than one go; the grants, permissions
    and audit log entries still hang on the old one.
    """
    permission_model = apps.get_model("auth", "Permission")
    for permission in permission_model.objects.filter(content_type=old):
        twin = permission_model.objects.filter(
            content_type=new, codename=permission.codename
        ).first()
        if twin is None:
            permission.content_type = new
            permission.save(update_fields=["content_type"])
            continue
        twin.group_set.add(*permission.group_set.all())
        twin.user_set.add(*permission.user_set.all())
        permission.delete()
    for model in apps.get_models():
        if model._meta.label_lower == "auth.permission":
            continue
        for field in model._meta.concrete_fields:
            if field.is_relation and field.related_model is type(old):
                model._base_manager.filter(**{field.name: old}).update(
                    **{field.name: new}
                )
    old.delete()


def move_content_types_back(apps, schema_editor):
    move_content_types(apps, schema_editor, source="safeguarding", target="moderation")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("moderation", "0010_scrub_words_from_audit_log"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="SafeguardingPhrase",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "phrase",
                            models.CharField(
                                help_text='Plain words match their usual forms ("hit me" finds "hits me"). "a/b" means either word; "..." means up to three words in between.',
                                max_length=200,
                                unique=True,
                            ),
                        ),
                        (
                            "category",
                            models.CharField(
                                choices=[
                                    ("self_harm", "Self-harm"),
                                    ("suicide", "Suicide"),
                                    ("abuse", "Abuse"),
                                    ("neglect", "Neglect"),
                                    ("domestic_abuse", "Domestic abuse"),
                                    ("exploitation", "Exploitation and county lines"),
                                    ("online_harm", "Online harm and sextortion"),
                                    ("sexual_harm", "Sexual harm"),
                                    ("weapons", "Weapons"),
                                    ("threats", "Threats"),
                                    ("missing", "Missing or homeless"),
                                    ("fear_at_home", "Fear at home or placement"),
                                    ("radicalisation", "Radicalisation"),
                                    ("idiom", "Not a concern: an everyday phrase"),
                                ],
                                help_text='What the words are about. "Not a concern" phrases stop a match inside them from raising a concern ("nearly died laughing").',
                                max_length=20,
                            ),
                        ),
                        (
                            "kind",
                            models.CharField(
                                choices=[
                                    ("words", "Plain words"),
                                    ("pattern", "Pattern (regular expression)"),
                                ],
                                default="words",
                                max_length=10,
                            ),
                        ),
                        ("active", models.BooleanField(default=True)),
                    ],
                    options={
                        "db_table": "moderation_safeguardingphrase",
                        "ordering": ["category", "phrase"],
                    },
                ),
                migrations.CreateModel(
                    name="SafeguardingConcern",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "source",
                            models.CharField(
                                choices=[
                                    ("phrase_match", "Words in a message"),
                                    ("moderator", "Raised by a moderator"),
                                    ("unsafe_button", '"I don\'t feel safe" button'),
                                ],
                                max_length=20,
                            ),
                        ),
                        ("details", models.TextField(blank=True)),
                        (
                            "reasons",
                            models.JSONField(blank=True, default=list, editable=False),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(
                                db_index=True, default=django.utils.timezone.now
                            ),
                        ),
                        (
                            "acknowledged_at",
                            models.DateTimeField(blank=True, null=True),
                        ),
                        ("action_taken", models.TextField(blank=True)),
                        ("closed_at", models.DateTimeField(blank=True, null=True)),
                        (
                            "no_concern_reason",
                            models.CharField(blank=True, max_length=500),
                        ),
                        (
                            "anonymised_at",
                            models.DateTimeField(blank=True, editable=False, null=True),
                        ),
                        (
                            "acknowledged_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "closed_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "moderated_text",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="concerns",
                                to="moderation.moderatedtext",
                            ),
                        ),
                        (
                            "raised_by",
                            models.ForeignKey(
                                blank=True,
                                help_text="The child (if signed in) or the moderator who raised it.",
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "db_table": "moderation_safeguardingconcern",
                        "ordering": ["-created_at"],
                        "permissions": [
                            (
                                "handle_safeguarding",
                                "Can see and act on safeguarding concerns",
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
