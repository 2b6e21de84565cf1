"""The lists a new site starts with: safeguarding phrases, reasons for not sharing, themes.

Services edit these in the admin ("Moderation lists"); `add_starter_lists`
never overwrites a row that exists. Used by a data migration, and by tests
that flush the database.
"""

from django.apps import apps as installed_apps

PHRASES = {
    "self_harm": [
        "self harm", "self-harm", "harm myself", "hurt myself", "hurting myself",
        "cut myself", "cutting myself", "burn myself", "starve myself",
    ],
    "suicide": [
        "kill myself", "killing myself", "end my life", "take my own life",
        "want to die", "wanna die", "better off dead", "suicide", "suicidal",
        "not want to be here anymore", "don't want to be alive", "overdose",
    ],
    "abuse": [
        "hits me", "beats me", "hurts me", "touched me", "touches me",
        "abused", "abusing me", "sexual abuse", "makes me do things",
        "locked me in", "scared to go home", "afraid to go home", "no food at home",
    ],
    "exploitation": [
        "county lines", "going country", "holding drugs", "hold drugs",
        "run drugs", "running drugs", "trap house", "cuckooing", "owe them money",
        "in debt to", "groomed", "grooming", "they make me sell",
    ],
    "weapons": [
        "knife", "knives", "blade", "machete", "carrying a weapon", "gun",
        "shank", "zombie knife", "bring a weapon",
    ],
    "threats": [
        "kill him", "kill her", "kill them", "stab him", "stab her", "stab them",
        "going to hurt", "gonna hurt", "shoot him", "shoot them", "get revenge",
        "burn it down",
    ],
}  # fmt: skip

REASONS = [
    (
        "Personal details",
        "It had details that could show who you or someone else are.",
    ),
    ("Hurtful words", "It had words that could hurt or upset other people."),
    (
        "About one person",
        "It was about one person, so we will talk about it with the team instead.",
    ),
    ("Already said", "Someone has already said something very like it."),
    ("Not clear", "We were not sure what it meant. You can tell us again."),
    (
        "Needs a private answer",
        "It needs a private answer, so your worker will talk to you about it.",
    ),
]

THEMES = [
    ("Feeling listened to", "Being heard and taken seriously."),
    ("My worker", "The relationship with their worker."),
    ("Appointments and times", "When, where and how often they meet."),
    ("The building", "Waiting areas, rooms and getting there."),
    ("Court and police", "Experiences of court and the police."),
    ("School and education", "School, college, training and learning."),
    ("Activities and programmes", "Programmes, trips and things to do."),
    ("Feeling safe", "Safety at home, in the area or online."),
    ("Family and carers", "Parents, carers and home life."),
    ("Communication", "Letters, texts, words used and being kept informed."),
]


def add_starter_lists(apps=installed_apps) -> None:
    phrase_model = apps.get_model("moderation", "SafeguardingPhrase")
    reason_model = apps.get_model("moderation", "NotSharedReason")
    theme_model = apps.get_model("moderation", "Theme")
    for category, phrases in PHRASES.items():
        for phrase in phrases:
            phrase_model.objects.get_or_create(
                phrase=phrase, defaults={"category": category}
            )
    for title, plain_words in REASONS:
        reason_model.objects.get_or_create(
            title=title, defaults={"plain_words": plain_words}
        )
    for name, description in THEMES:
        theme_model.objects.get_or_create(
            name=name, defaults={"description": description}
        )
