"""Demo programmes: Inspire and knife-crime awareness, with past and coming events."""

import datetime

from django.utils import timezone

from pages.models import HomePage
from programmes.models import EventPage, ProgrammeIndexPage, ProgrammePage, SignUp

PROGRAMMES = [
    {
        "slug": "inspire",
        "title": "Inspire",
        "intro": "Talks from people who turned things around, trips to new places, "
        "and a go at things you have not tried before.",
        "who_it_is_for": "Young people aged 12 to 17 working with the service",
        "aims": "<p>To show you what is possible, meet people who do jobs you might "
        "like, and find something new you are good at.</p>",
        "body": [
            ("heading", "What people said"),
            (
                "story",
                {
                    "quote": "I did not think I could stand up and talk. Now I want to.",
                    "who": "A young person, aged 15",
                },
            ),
            (
                "outcomes",
                [
                    {"figure": "48", "label": "young people came to an event"},
                    {"figure": "9 in 10", "label": "said they tried something new"},
                ],
            ),
        ],
        "events": [
            {
                "slug": "climbing-taster",
                "title": "Climbing wall taster",
                "summary": "Try indoor climbing with trained instructors. No experience needed.",
                "days": 12,
                "hours": 2,
                "location_name": "Riverside Climbing Centre",
                "address": "Unit 4, Mill Lane, Riverside",
                "accessibility": "Step-free entrance. Accessible toilet. Quiet room.",
                "travel": "Bus 12 stops outside. We can pay your bus fare.",
                "capacity": 10,
                "min_age": 12,
                "max_age": 17,
                "needs_consent": True,
                "what_to_bring": "Trainers and comfy clothes.",
            },
            {
                "slug": "careers-talk-chef",
                "title": "From kitchen porter to head chef",
                "summary": "A chef tells how they got their first job, and you cook lunch together.",
                "days": 30,
                "hours": 3,
                "location_name": "Riverside College, Food Hall",
                "address": "College Road, Riverside",
                "accessibility": "Lift to all floors.",
                "travel": "Ten minutes' walk from the train station.",
                "capacity": 12,
                "min_age": 14,
                "max_age": 17,
            },
            {
                "slug": "music-studio-day",
                "title": "Music studio day",
                "summary": "Write and record a track with a local producer.",
                "days": -20,
                "hours": 4,
                "location_name": "Sound House Studios",
                "address": "22 High Street, Riverside",
                "capacity": 8,
                "min_age": 13,
                "max_age": 17,
                "outcomes": "<p>Eight young people wrote and recorded two tracks. "
                "Three have signed up for the studio's weekly club.</p>",
            },
        ],
    },
    {
        "slug": "knife-crime-awareness",
        "title": "Knife crime awareness",
        "intro": "Honest sessions about knife crime, with schools, parents and carers, "
        "youth workers and police.",
        "who_it_is_for": "Young people, parents and carers, and schools",
        "aims": "<p>To talk openly about why people carry knives, what happens when "
        "they do, and how to stay safe and help friends stay safe.</p>",
        "body": [],
        "events": [
            {
                "slug": "parents-evening",
                "title": "Parents and carers evening",
                "summary": "What to look out for and how to talk to your child about knives.",
                "days": 18,
                "hours": 2,
                "audience": EventPage.Audience.PARENTS,
                "location_name": "Riverside Community Centre",
                "address": "Church Street, Riverside",
                "accessibility": "Step-free. Hearing loop in the main hall.",
                "capacity": 40,
            },
            {
                "slug": "school-workshop",
                "title": "Workshop at Riverside Academy",
                "summary": "A workshop for Year 9 with a youth worker and a police officer.",
                "days": -40,
                "hours": 2,
                "audience": EventPage.Audience.SCHOOLS,
                "location_name": "Riverside Academy",
                "capacity": 60,
                "outcomes": "<p>Sixty pupils took part. Most said they knew more "
                "about where to get help afterwards.</p>",
            },
        ],
    },
]


def seed(context: dict) -> None:
    home = HomePage.objects.first()
    if home is None:
        return
    index = ProgrammeIndexPage.objects.first()
    if index is None:
        index = ProgrammeIndexPage(
            title="Programmes",
            slug="programmes",
            intro="Programmes of talks, trips and workshops to help you try new "
            "things and stay safe.",
        )
        home.add_child(instance=index)
    for spec in PROGRAMMES:
        programme = ensure_programme(index, spec)
        for event_spec in spec["events"]:
            ensure_event(programme, event_spec)
    users = context.get("users", {})
    young = users.get("young1")
    past = EventPage.objects.filter(slug="music-studio-day").first()
    if young and past:
        SignUp.objects.get_or_create(
            event=past,
            person=young,
            defaults={
                "status": SignUp.Status.PLACE,
                "place_given_at": past.start - datetime.timedelta(days=7),
                "attended": True,
                "attendance_marked_at": past.start,
            },
        )


def ensure_programme(index, spec) -> ProgrammePage:
    programme = ProgrammePage.objects.filter(slug=spec["slug"]).first()
    fields = {
        "title": spec["title"],
        "intro": spec["intro"],
        "who_it_is_for": spec["who_it_is_for"],
        "aims": spec["aims"],
        "body": spec["body"],
    }
    if programme is None:
        programme = ProgrammePage(slug=spec["slug"], **fields)
        index.add_child(instance=programme)
    else:
        for name, value in fields.items():
            setattr(programme, name, value)
        programme.save()
    return programme


def ensure_event(programme, spec) -> EventPage:
    today = timezone.localdate()
    start = timezone.make_aware(
        datetime.datetime.combine(
            today + datetime.timedelta(days=spec["days"]), datetime.time(16, 0)
        )
    )
    fields = {
        "title": spec["title"],
        "summary": spec["summary"],
        "start": start,
        "end": start + datetime.timedelta(hours=spec["hours"]),
        "location_name": spec["location_name"],
        "address": spec.get("address", ""),
        "accessibility": spec.get("accessibility", ""),
        "travel": spec.get("travel", ""),
        "audience": spec.get("audience", EventPage.Audience.YOUNG_PEOPLE),
        "min_age": spec.get("min_age"),
        "max_age": spec.get("max_age"),
        "capacity": spec["capacity"],
        "needs_consent": spec.get("needs_consent", False),
        "what_to_bring": spec.get("what_to_bring", ""),
        "outcomes": spec.get("outcomes", ""),
        "contact_name": "Sam, events team",
        "contact_details": "01234 567890",
    }
    event = EventPage.objects.filter(slug=spec["slug"]).first()
    if event is None:
        event = EventPage(slug=spec["slug"], **fields)
        programme.add_child(instance=event)
    return event
