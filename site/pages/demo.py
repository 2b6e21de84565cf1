"""Demo content for the site's own pages: home, about, help, privacy, accessibility."""

import datetime

from wagtail.models import Page, Site

from pages.models import HomePage, ServiceSettings, StandardPage

HELP_NOW = {
    "title": "Need help now?",
    "text": (
        "<p>If you are in danger now, call 999. You can talk to Childline, free, "
        "any time, on 0800 1111. You can also talk to your worker.</p>"
    ),
    "tone": "help",
}

# The service settings' page fields → the demo page each one chooses.
FOOTER_PAGE_SLUGS = {
    "about_page": "about",
    "help_page": "help",
    "privacy_page": "privacy",
    "accessibility_page": "accessibility",
}

STANDARD_PAGES = [
    {
        "slug": "about",
        "title": "About us",
        "intro": "We are the youth justice service. We work with young people aged 10 to 17.",
        "body": [
            ("heading", "What we do"),
            (
                "paragraph",
                "<p>We help young people stay safe, keep out of trouble and get on "
                "with their lives. We listen to what you tell us, and we change "
                "things because of it.</p>",
            ),
        ],
    },
    {
        "slug": "help",
        "title": "Contact and help",
        "intro": "How to reach us, and where to get help straight away.",
        "body": [
            ("callout", HELP_NOW),
            ("heading", "Talk to us"),
            ("contact_ways", None),
        ],
    },
    {
        "slug": "privacy",
        "title": "Your privacy",
        "intro": "What we keep about you, why, and what you can ask us to do.",
        "body": [
            ("heading", "The short version"),
            (
                "paragraph",
                "<ul><li>You can tell us things without giving your name.</li>"
                "<li>We only share your words if you say yes, and never with your name.</li>"
                "<li>If you might be in danger, we have to tell someone who can help.</li>"
                "<li>You can see what we keep about you, and ask us to delete it.</li></ul>",
            ),
        ],
    },
    {
        "slug": "accessibility",
        "title": "Accessibility statement",
        "intro": "We want everyone to be able to use this website.",
        "last_reviewed": datetime.date(2026, 12, 6),
        "body": [
            ("heading", "How accessible this website is"),
            (
                "paragraph",
                "<p>You can make text bigger, use the website with a keyboard or a "
                "screen reader, and have any page read aloud. The pages young people "
                "use fit a phone screen 320 pixels wide without scrolling sideways.</p>",
            ),
            ("heading", "Compliance status"),
            (
                "paragraph",
                "<p>This website is partially compliant with WCAG 2.2 AA (the Web "
                "Content Accessibility Guidelines, version 2.2, level AA), because "
                "of the known problems below.</p>",
            ),
            ("heading", "Known problems"),
            (
                "paragraph",
                "<ul><li>Parts of the editor our staff use to change the website "
                "(Wagtail's admin) have problems we do not control. For example, the "
                "buttons of its date picker have no names for screen readers.</li>"
                "<li>Easy read versions cover four pages only: give feedback, check "
                "my receipt, I don't feel safe, and what happens to what you tell "
                "us.</li>"
                "<li>Read aloud works only in browsers that can speak, and only with "
                "JavaScript turned on.</li>"
                "<li>Documents that staff upload, such as PDFs, may not be "
                "accessible. Ask us and we will give you the same information in "
                "another way.</li></ul>",
            ),
            ("heading", "How to tell us about a problem"),
            (
                "paragraph",
                "<p>If something does not work for you, tell us in the way that suits "
                "you. We will reply within 5 working days.</p>",
            ),
            ("contact_ways", None),
            ("heading", "How we tested this website"),
            (
                "paragraph",
                "<p>We test the pages young people use with automatic checks "
                "(axe-core) in a real browser, at phone sizes. The known problems "
                "above come from these checks and from our own use of the "
                "website.</p>",
            ),
            ("heading", "Enforcement procedure"),
            (
                "paragraph",
                "<p>The Equality and Human Rights Commission (EHRC) enforces the "
                "Public Sector Bodies (Websites and Mobile Applications) (No. 2) "
                "Accessibility Regulations 2018. If you are not happy with how we "
                "respond, contact the Equality Advisory and Support Service.</p>",
            ),
        ],
    },
]


def seed(context: dict) -> None:
    home = ensure_home_page()
    for spec in STANDARD_PAGES:
        ensure_standard_page(home, spec)
    site = Site.objects.get(is_default_site=True)
    service, _ = ServiceSettings.objects.get_or_create(site=site)
    service.service_name = "Riverside Youth Justice Service"
    service.phone = "01234 567890"
    service.text_number = "07700 900123"
    service.email = "hello@riverside-yjs.example"
    service.opening_hours = "Monday to Friday, 9am to 5pm"
    for field, slug in FOOTER_PAGE_SLUGS.items():
        setattr(service, field, StandardPage.objects.child_of(home).get(slug=slug))
    service.save()
    context["home"] = home


def ensure_home_page() -> HomePage:
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = HomePage(
            title="Your voice matters",
            slug="home-page",
            intro="Tell us what you think. We listen, and we change things because of it.",
        )
        root.add_child(instance=home)
        site = Site.objects.get(is_default_site=True)
        old_root = site.root_page
        site.root_page = home
        site.save()
        if old_root.specific_class is Page and old_root.depth == 2:
            old_root.delete()  # Wagtail's own "Welcome" page
        home.refresh_from_db()
        home.slug = "home"
        home.save()
    home.body = [
        (
            "links",
            [
                {
                    "title": "Give feedback",
                    "text": "Tell us what is good and what is not.",
                    "page": None,
                    "url": "/feedback/",
                },
                {
                    "title": "Programmes and events",
                    "text": "Talks, trips and new things to try.",
                    "page": None,
                    "url": "/programmes/",
                },
                {
                    "title": "Shadow board",
                    "text": "Young people who help run the service.",
                    "page": None,
                    "url": "/shadow-board/",
                },
                {
                    "title": "You said, we did",
                    "text": "What changed because of you.",
                    "page": None,
                    "url": "/you-said-we-did/",
                },
            ],
        ),
        ("callout", HELP_NOW),
    ]
    home.save_revision().publish()
    return home


def ensure_standard_page(home: HomePage, spec: dict) -> StandardPage:
    page = StandardPage.objects.child_of(home).filter(slug=spec["slug"]).first()
    if page is None:
        page = StandardPage(slug=spec["slug"], title=spec["title"])
        home.add_child(instance=page)
    page.title = spec["title"]
    page.intro = spec["intro"]
    page.body = spec["body"]
    page.last_reviewed = spec.get("last_reviewed")
    page.save_revision().publish()
    return page
