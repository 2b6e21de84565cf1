"""Train the safeguarding classifier on the corpus and write corpus/model.joblib."""

import time

from django.core.management.base import BaseCommand

from voice.safeguarding import corpus
from voice.safeguarding.classifier import MODEL_PATH, save_model


class Command(BaseCommand):
    help = (
        "Train the safeguarding classifier on voice/safeguarding/corpus and save it "
        "beside the corpus. Run after changing the corpus, and commit the file."
    )

    def handle(self, *args, **options):
        started = time.perf_counter()
        save_model()
        self.stdout.write(
            f"Trained on {len(corpus.labelled())} texts in "
            f"{time.perf_counter() - started:.1f} s; wrote {MODEL_PATH} "
            f"({MODEL_PATH.stat().st_size // 1024} KB)."
        )
