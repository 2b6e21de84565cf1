"""Create the Wagtail form-builder page the benchmarks compare against (idempotent)."""

from django.core.management.base import BaseCommand
from wagtail.models import Site

from tests.perf.baseline.models import BaselineFormField, BaselineFormPage

SLUG = "bench-wagtail-form"
FIELDS = [
    ("Speaker", "radio", "Young person\nParent or carer"),
    ("Topic", "singleline", ""),
    ("Feeling", "radio", "1\n2\n3\n4\n5"),
    ("Text", "multiline", ""),
]


class Command(BaseCommand):
    help = "Create the baseline Wagtail form page used by `make bench` and `make load`."

    def handle(self, *args, **options):
        root = Site.objects.get(is_default_site=True).root_page
        page = BaselineFormPage.objects.filter(slug=SLUG).first()
        if page is None:
            page = BaselineFormPage(title="Baseline form", slug=SLUG)
            root.add_child(instance=page)
            for order, (label, field_type, choices) in enumerate(FIELDS):
                BaselineFormField.objects.create(
                    page=page,
                    sort_order=order,
                    label=label,
                    field_type=field_type,
                    choices=choices,
                    required=True,
                )
            page.save_revision().publish()
        self.stdout.write(page.url)
