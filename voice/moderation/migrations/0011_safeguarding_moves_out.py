"""The safeguarding models now belong to the safeguarding app (same tables)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0010_scrub_words_from_audit_log"),
        ("safeguarding", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="SafeguardingConcern"),
                migrations.DeleteModel(name="SafeguardingPhrase"),
            ],
            database_operations=[],
        ),
    ]
