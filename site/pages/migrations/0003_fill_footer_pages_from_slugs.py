"""Choose the footer's pages from the paths the footer linked to before.

Each site's settings get the page at /about/, /help/, /privacy/ and
/accessibility/ under its root, where there is one; otherwise the field stays
empty and the footer keeps linking to the usual path.
"""

from django.db import migrations

# The setting's page field → the slug the footer linked to before.
USUAL_SLUGS = {
    "about_page": "about",
    "help_page": "help",
    "privacy_page": "privacy",
    "accessibility_page": "accessibility",
}


def choose_pages_from_slugs(apps, schema_editor):
    Site = apps.get_model("wagtailcore", "Site")
    Page = apps.get_model("wagtailcore", "Page")
    ServiceSettings = apps.get_model("pages", "ServiceSettings")
    for site in Site.objects.select_related("root_page"):
        found = {
            field: Page.objects.filter(
                url_path=f"{site.root_page.url_path}{slug}/"
            ).first()
            for field, slug in USUAL_SLUGS.items()
        }
        found = {field: page for field, page in found.items() if page is not None}
        if not found:
            continue
        service, _created = ServiceSettings.objects.get_or_create(site=site)
        for field, page in found.items():
            if getattr(service, f"{field}_id") is None:
                setattr(service, field, page)
        service.save()


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0002_service_settings_footer_pages"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(choose_pages_from_slugs, migrations.RunPython.noop),
    ]
