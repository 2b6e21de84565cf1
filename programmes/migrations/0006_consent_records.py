"""Consent records replace the "consent received" tick on a sign-up.

Each sign-up marked as received becomes a Consent row saying who marked it
and when; who gave it and how were never kept, and the row says so. The
sign-up's own consent fields then go: whether consent is needed now follows
from the event and the person's age group.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

NOT_RECORDED_NAME = "Not recorded (before consent records)"


def tick_to_record(apps, schema_editor):
    SignUp = apps.get_model("programmes", "SignUp")
    Consent = apps.get_model("programmes", "Consent")
    received = SignUp.objects.filter(consent="received").select_related("event")
    Consent.objects.bulk_create(
        Consent(
            sign_up=entry,
            given_by_name=NOT_RECORDED_NAME,
            relationship="not_recorded",
            how="not_recorded",
            for_what=entry.event.title[:250],
            given_at=entry.consent_marked_at or entry.created_at,
            recorded_by_id=entry.consent_marked_by_id,
            recorded_at=entry.consent_marked_at or entry.created_at,
        )
        for entry in received
    )


def record_to_tick(apps, schema_editor):
    """Going back: a sign-up with consent that was not withdrawn is "received"."""
    SignUp = apps.get_model("programmes", "SignUp")
    Consent = apps.get_model("programmes", "Consent")
    SignUp.objects.filter(event__needs_consent=True).update(consent="pending")
    for consent in Consent.objects.filter(withdrawn_at__isnull=True).order_by(
        "recorded_at"
    ):
        SignUp.objects.filter(pk=consent.sign_up_id).update(
            consent="received",
            consent_marked_by_id=consent.recorded_by_id,
            consent_marked_at=consent.recorded_at,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("programmes", "0005_certificate"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Consent",
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
                    "given_by_name",
                    models.CharField(max_length=120, verbose_name="who gave consent"),
                ),
                (
                    "relationship",
                    models.CharField(
                        choices=[
                            ("parent", "Parent"),
                            ("carer", "Carer"),
                            ("social_worker", "Social worker"),
                            ("themself", "The young person themself (16 or over)"),
                            ("other", "Someone else"),
                            ("not_recorded", "Not recorded"),
                        ],
                        max_length=20,
                    ),
                ),
                (
                    "how",
                    models.CharField(
                        choices=[
                            ("in_person", "In person"),
                            ("phone", "Phone call"),
                            ("paper_form", "Paper form"),
                            ("email", "Email"),
                            ("text_message", "Text message"),
                            ("online", "Online, when signing up"),
                            ("not_recorded", "Not recorded"),
                        ],
                        max_length=20,
                        verbose_name="how it was given",
                    ),
                ),
                (
                    "for_what",
                    models.CharField(max_length=250, verbose_name="what it is for"),
                ),
                (
                    "given_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now,
                        verbose_name="when it was given",
                    ),
                ),
                (
                    "recorded_at",
                    models.DateTimeField(default=django.utils.timezone.now),
                ),
                ("withdrawn_at", models.DateTimeField(blank=True, null=True)),
                (
                    "name_removed_at",
                    models.DateTimeField(blank=True, editable=False, null=True),
                ),
                (
                    "recorded_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "sign_up",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="consents",
                        to="programmes.signup",
                    ),
                ),
                (
                    "withdrawn_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "ordering": ["given_at", "pk"],
            },
        ),
        migrations.RunPython(tick_to_record, record_to_tick),
        migrations.RemoveField(
            model_name="signup",
            name="consent",
        ),
        migrations.RemoveField(
            model_name="signup",
            name="consent_marked_at",
        ),
        migrations.RemoveField(
            model_name="signup",
            name="consent_marked_by",
        ),
    ]
