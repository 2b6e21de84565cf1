"""Take people's words out of audit log entries written before the log kept only facts.

A moderator's "why", a lead's note of what was done, a board recommendation's
words and a board question's text were copied into log entries' data. The log
outlives the records the retention purge empties, so those keys become lengths
(or ids) here, and the recommendation's title leaves the entry's label.
"""

from django.db import migrations

# Per action: the free-text keys in its data, each replaced by its length.
WORDY_KEYS = {
    "moderation.escalate": ["why"],
    "safeguarding.action": ["action"],
    "board.recommendation.create": ["title", "what_we_found", "what_we_ask"],
    "wagtail.edit": ["title", "what_we_found", "what_we_ask"],
}
RECOMMENDATION_ACTIONS = ["board.recommendation.create", "wagtail.edit"]


def scrubbed(data: dict, keys: list[str]) -> dict:
    clean = dict(data)
    for key in keys:
        if key in clean:
            clean[f"{key}_length"] = len(str(clean.pop(key) or ""))
    return clean


def scrub_words(apps, schema_editor):
    ModelLogEntry = apps.get_model("wagtailcore", "ModelLogEntry")
    for action, keys in WORDY_KEYS.items():
        entries = ModelLogEntry.objects.filter(action=action)
        if action in RECOMMENDATION_ACTIONS:
            entries = entries.filter(
                content_type__app_label="board", content_type__model="recommendation"
            )
        for entry in entries.iterator():
            data = entry.data if isinstance(entry.data, dict) else {}
            if not any(key in data for key in keys):
                continue
            entry.data = scrubbed(data, keys)
            if action in RECOMMENDATION_ACTIONS:
                entry.label = f"Recommendation {entry.object_id}"
            entry.save(update_fields=["data", "label"])
    for entry in ModelLogEntry.objects.filter(action="board.question.close"):
        data = entry.data if isinstance(entry.data, dict) else {}
        if "question" in data:
            data = dict(data)
            data.pop("question")
            entry.data = data
            entry.save(update_fields=["data"])


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0009_concern_no_concern_return"),
        ("board", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0063_modellogentry"),
    ]

    operations = [migrations.RunPython(scrub_words, migrations.RunPython.noop)]
