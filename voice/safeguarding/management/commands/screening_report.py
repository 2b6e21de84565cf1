"""Print how well screening hears disclosures: `make screening-report`."""

import time

from django.core.management.base import BaseCommand

from voice.safeguarding import corpus, measuring
from voice.safeguarding.classifier import THRESHOLD, get_classifier, train
from voice.safeguarding.models import SafeguardingPhrase
from voice.safeguarding.phrases import starter_phrases

THEMES = dict(SafeguardingPhrase.Category.choices)


def _share(found: int, total: int) -> str:
    return f"{found}/{total} ({found / total:.0%})" if total else "0/0"


class Command(BaseCommand):
    help = (
        "Recall and false positives of safeguarding screening per theme, on "
        "texts the classifier did not train on, with cross-validation and "
        "personal-detail recall per kind."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--thresholds",
            default="0.5,0.6,0.7,0.8",
            help="Classifier thresholds to compare on the held-back texts.",
        )

    def handle(self, *args, **options):
        write = self.stdout.write
        rows = corpus.labelled()
        training, held = measuring.stratified_split(rows)
        concerning = sum(1 for _, label in rows if label != corpus.ORDINARY)
        write(
            f"Corpus: {concerning} disclosures, {len(rows) - concerning} ordinary "
            f"texts. Held back (never trained on): {len(held)} "
            f"({measuring.HELD_BACK:.0%} of each theme), seed {measuring.SEED}."
        )
        started = time.perf_counter()
        classifier = train(training)
        write(
            f"Training on {len(training)} texts: {time.perf_counter() - started:.1f} s"
        )
        phrases = starter_phrases()

        write(f"\nHeld back, phrases + classifier (threshold {THRESHOLD}):")
        combined = measuring.score(held, classifier, phrases)
        for label in sorted(combined.total):
            if label == corpus.ORDINARY:
                continue
            write(
                f"  {THEMES.get(label, label):32} "
                f"{_share(combined.flagged[label], combined.total[label])}"
            )
        write(f"  {'All disclosures':32} {_share(*combined.disclosures)}")
        write(f"  {'Ordinary texts escalated':32} {_share(*combined.false_positives)}")

        write("\nHeld back, each signal alone and other thresholds:")
        alone = {
            "phrases alone": measuring.score(
                held, classifier, phrases, use_classifier=False
            ),
            "classifier alone": measuring.score(
                held, classifier, phrases, use_phrases=False
            ),
        }
        for threshold in [float(t) for t in options["thresholds"].split(",")]:
            alone[f"both, threshold {threshold}"] = measuring.score(
                held, classifier, phrases, threshold
            )
        for name, result in alone.items():
            write(
                f"  {name:28} disclosures {_share(*result.disclosures):16} "
                f"ordinary escalated {_share(*result.false_positives)}"
            )

        write(f"\n{measuring.FOLDS}-fold cross-validation (phrases + classifier):")
        folds = measuring.cross_validated()
        for index, result in enumerate(folds, start=1):
            write(
                f"  fold {index}: disclosures {_share(*result.disclosures):16} "
                f"ordinary escalated {_share(*result.false_positives)}"
            )
        recall = sum(r.recall for r in folds) / len(folds)
        false_rate = sum(r.false_positive_rate for r in folds) / len(folds)
        write(f"  mean: recall {recall:.1%}, false positives {false_rate:.1%}")

        write("\nHand-made evaluation set (never trained on), full model:")
        started = time.perf_counter()
        full = get_classifier()
        first = time.perf_counter() - started
        evaluation = measuring.score(corpus.evaluation(), full, phrases)
        write(f"  disclosures flagged      {_share(*evaluation.disclosures)}")
        write(f"  ordinary texts escalated {_share(*evaluation.false_positives)}")

        write("\nPersonal details proposed for redaction, per kind:")
        details = measuring.personal_detail_recall()
        for kind, (found, total) in details.items():
            write(f"  {kind:12} {_share(found, total)}")
        write(
            f"  {'all':12} "
            f"{_share(sum(f for f, _ in details.values()), sum(t for _, t in details.values()))}"
        )

        texts = [text for text, _ in rows]
        per_text = measuring.timing(texts, full, phrases)
        write(
            f"\nCost: loading the model {first * 1000:.0f} ms once per process; "
            f"{per_text:.2f} ms per text (mean of {len(texts)})."
        )
