"""The starter phrases for every safeguarding theme, and everyday phrases that are not a concern.

Single weapon words from the first starter list ("knife", "gun") are switched
off: alone they raised a concern for "the session on knives was good", and
the new phrases name carrying or using one instead. A service can switch them
back on in the admin. Rows a service added are never touched.
"""

from django.db import migrations

from voice.safeguarding import starter_lists

TOO_BROAD = ["knife", "knives", "blade", "machete", "gun", "shank"]


def forwards(apps, schema_editor):
    starter_lists.add_starter_lists(apps, phrase_app="moderation")
    phrase_model = apps.get_model("moderation", "SafeguardingPhrase")
    phrase_model.objects.filter(phrase__in=TOO_BROAD, category="weapons").update(
        active=False
    )


def backwards(apps, schema_editor):
    phrase_model = apps.get_model("moderation", "SafeguardingPhrase")
    phrase_model.objects.filter(phrase__in=TOO_BROAD, category="weapons").update(
        active=True
    )


class Migration(migrations.Migration):
    dependencies = [("moderation", "0006_phrase_themes_and_kinds")]

    operations = [migrations.RunPython(forwards, backwards)]
