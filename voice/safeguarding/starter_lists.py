"""The lists a new site starts with: safeguarding phrases, reasons for not sharing, themes.

Services edit these in the admin ("Moderation lists"); `add_starter_lists`
never overwrites a row that exists. Used by a data migration, and by tests
that flush the database.
"""

from django.apps import apps as installed_apps

# Written in plain words; each word also matches its common forms ("hit" matches
# "hits", "hitting"), "a/b" means either word and "..." a gap of up to three
# words. Text-speak is turned into plain words before matching (normalise.py),
# so "kms", "unalive myself" and "kill myself" are one phrase.
PHRASES = {
    "self_harm": [
        "self harm", "harm myself", "hurt myself", "cut myself", "burn myself",
        "starve myself", "cutting again", "cuts on my arm/arms/legs/wrist/wrists",
        "scratch/scratching/bang myself", "punish myself", "hit myself",
        "razor/razors/blade/blades ... my arm/arms/legs/skin/wrist",
        "make myself sick", "stop eating", "not eaten in days",
        "relapsed", "hide/hiding my arms/cuts/scars", "deserve the pain",
    ],
    "suicide": [
        "kill myself", "end my life", "take my own life", "want to die",
        "wish i was dead", "wish i was not alive", "wish i was never born",
        "better off dead", "better off without me", "suicide", "suicidal",
        "not want to be here any more", "do not want to be alive",
        "do not want to live", "no point living/being alive/going on",
        "overdose", "take all my/the pills/tablets",
        "jump off a bridge/building/roof", "jump in front of", "hang myself", "kill me now/tonight", "goodbye forever",
        "not wake up", "never wake up", "leave this world", "can not go on",
        "can not do this any more", "can not do this no more",
        "tired of living", "nobody would miss me", "nobody would care if i",
        "written/writing a note", "plan to die/end",
    ],
    "abuse": [
        "hit/punch/slap/kick/beat/strangle/choke me", "hit/punch/slap/kick/beat my brother/sister",
        "hurt me", "beat me up", "burn me", "belt me", "bruises from",
        "throw/throws ... at me", "pushed me down/against/into",
        "grab me by", "lock me in/out", "locked in my room", "not allowed to eat",
        "calls me worthless/useless/stupid/fat", "says ... wish i was never born",
        "abuse at home", "being abused", "abused", "abusing me", "mark/marks on me", "hurts my",
    ],
    "neglect": [
        "no food in/at", "nothing to eat", "not eaten since", "hungry all the time",
        "have not eaten", "go to bed hungry", "no electric/electricity/gas/heating",
        "no hot water", "no clean clothes", "same clothes for", "left on my own",
        "left us alone/home alone", "look after my little/baby", "mum/dad ... passed out",
        "nobody looks after me", "nobody picks me up", "no one cares where i am",
        "not been home in days", "no bed", "sleep on the floor", "bed bugs",
        "never any food", "steal food", "no one feeds",
    ],
    "domestic_abuse": [
        "dad/step dad/mum/boyfriend ... hit/hits/hitting mum/my mum",
        "hurt/hurts/hurting my mum", "screaming at my mum", "throws things",
        "smashed ... door/phone/window/plates", "police came to our house",
        "mum has bruises", "mum is scared of him", "when he has had a drink",
        "when he is drunk", "when he is drinking", "when they fight", "hide in my room",
        "shouting and hitting", "strangled my mum", "threatened my mum",
        "scared of my dad/step dad/mum/boyfriend", "controls my mum", "checks her phone",
        "hit me when ... drunk/drinking", "drunk ... hits/hit",
    ],
    "exploitation": [
        "county lines", "going country", "hold/holding/carry/carrying drugs",
        "run drugs", "trap house", "cuckooing", "owe them money", "owe them",
        "in debt to", "they make/made me sell/carry/hold/run/deliver/drop",
        "made me drop off", "drop off parcels/packages/bags", "drop offs",
        "keep making me", "make me hold", "holding stuff/things for",
        "carry stuff/things/a bag for",
        "they gave me a phone", "burner phone", "a phone to keep", "shotting", "deliver packages/parcels",
        "take a train ... to drop", "they know where i live", "got robbed and now owe",
    ],
    "online_harm": [
        "send nudes", "send pictures of myself", "send him pictures", "nudes", "naked pictures", "pictures of me", "sent pictures",
        "post my pictures/picture", "share my pictures/picture/video",
        "send money or", "pay or he", "pay him or", "leak my/the pictures", "leaked",
        "exposed me", "expose me", "blackmail", "blackmailing me", "sextortion",
        "met online", "met on snapchat/instagram/tiktok/discord/roblox/fortnite",
        "keep it our secret", "our secret", "do not tell your mum/parents/anyone",
        "mature for my age", "wants to meet me", "wants to meet up",
        "older man/guy/boy/girl ... messages", "strangers messaging",
        "video call ... take off", "asked me to show",
        "made a fake account", "hacked my account",
    ],
    "sexual_harm": [
        "touched me", "touches me", "touch me", "touching me", "raped", "rape", "made me do things", "makes me do things", "forced me",
        "did stuff to me", "did things to me", "in my bed at night",
        "come into my room at night", "comes into my room", "under my clothes",
        "private parts", "kiss him/her", "had sex with me", "assaulted",
        "made me watch", "showed me videos/porn", "not allowed to say no",
        "said no but", "i said stop",
    ],
    "weapons": [
        "carry/carrying/bring/brought/got/have/keep/keeping/has/had/hold/holding a/his/my knife/blade/gun/machete/weapon",
        "pull/pulled/pulling a knife/blade/gun/machete", "zombie knife", "stab/stabbed/shot/shoot me",
        "knife ... in my bag/pocket/waistband/room", "weapon for protection",
        "knife for protection", "need a knife", "buy a knife/gun", "carry for protection",
        "got a knife", "gun at", "knife at my throat", "throw/threw acid", "acid attack",
    ],
    "threats": [
        "kill him/her/them/you", "stab him/her/them/you", "shoot him/her/them",
        "going to hurt", "going to get him/her/them", "get revenge", "burn it/their house down",
        "beat him/her/them up", "going to get me", "going to kill me",
        "said they will kill/hurt/stab/get", "threaten/threatened/threatening to kill/hurt/stab/burn",
        "they will hurt my family/mum/little", "watch your back", "you are dead",
        "i am dead when", "coming after me", "jumped me", "jumped by", "robbed me",
        "waiting for me outside", "followed me home", "death threats",
    ],
    "missing": [
        "run away from home/placement/care/carers/foster/the home",
        "run away again", "keep running away", "going to run away",
        "sleeping rough", "sleep rough",
        "sleeping on the street/streets", "sleep in a park/car/stairwell",
        "sofa surfing", "nowhere to sleep/stay/go", "kicked me out", "kicked out",
        "thrown out", "not been home", "been missing", "going missing", "went missing",
        "homeless", "on the streets", "sleeping on mates/friends floor/sofa",
        "sleeping on floors", "stay at random", "no where to stay", "nowhere to live",
    ],
    "fear_at_home": [
        "scared to go home", "afraid to go home", "not want to go home",
        "not feel safe", "feel unsafe", "not safe at home/here/placement",
        "scared at home/placement", "scared of the staff", "staff ... hurt/grab/hit",
        "scared of my carer/carers/foster", "carer/carers/foster ... hits/hit/hurts/shout",
        "locks the fridge", "hide from", "too scared to sleep", "lock my door",
        "placement ... scared/unsafe/afraid", "scared of him", "scared of her",
        "frightened of", "terrified of", "walk on eggshells", "dread going home",
        "scared of what he will do", "scared he will",
    ],
    "radicalisation": [
        "join them", "they say ... are the enemy", "deserve to die", "race war",
        "kill all", "blow up", "make a bomb", "extremist", "extremism", "radicalised",
        "martyr", "jihad", "white power", "great replacement", "holy war",
        "the only answer is violence", "get rid of all", "groups online ... hate",
        "fight for the cause", "manifesto",
    ],
}  # fmt: skip

# Everyday phrases that sound alarming but are not: a safeguarding phrase found
# inside one of these is ignored ("I nearly died laughing", "the knife crime
# session"). The classifier still reads the whole text.
IDIOMS = [
    "nearly died", "almost died", "died laughing", "dying laughing",
    "dying of laughing", "dying of laughter", "i am dead", "i am dying",
    "killed it", "killing it", "kill it", "killed me laughing", "kills me",
    "you kill me", "dead funny", "dead good", "dead nice", "dead easy",
    "dead boring", "bored to death", "scared to death", "scared me to death",
    "to die for", "could kill for", "would kill for", "kill for a",
    "knife crime session/talk/workshop/programme/project/course",
    "county lines/knife/knives/gang/gangs/weapon/weapons/exploitation/grooming/"
    "drugs/extremism/radicalisation/consent session/sessions/workshop/talk/project/"
    "course/evening/assembly/training/programme",
    "session/sessions/workshop/talk/course/programme/group on/about ...",
    "session on knives/knife crime/gangs/weapons/county lines",
    "session about knives/knife crime/gangs/weapons/county lines",
    "talk about knives/knife crime/gangs/county lines", "knife amnesty",
    "learn about knives/knife crime/county lines", "learned about county lines",
    "drill music", "drill session", "drill lyrics", "music session",
    "shoot hoops", "shoot some hoops", "shoot a film/video/music video",
    "shot on goal", "shot at goal", "photo shoot", "shot a video",
    "game ... kill", "kill streak", "killstreak", "headshot", "head shot",
    "fortnite", "call of duty", "gta", "knife game", "zombie game", "the bomb",
    "bath bomb", "bomb it", "da bomb", "photo bomb", "bombed my test/exam",
    "hit me up", "hit me back", "hits different", "hit the gym",
    "beat me at", "beat me in", "beat me 3", "thrashed me at", "smashed it",
    "smash it", "kill time", "killing time", "my feet are killing me",
    "my legs are killing me", "this homework/exam is killing me",
    "dying for a", "dying to", "cutting my hair", "cut my hair", "hair cut",
    "cut myself shaving", "cut myself cooking", "end of the session", "the end",
    "run away with it", "run away with the", "ran away with the",
]  # fmt: skip
# The service's own sessions on hard subjects: "the county lines workshop".
SESSION_TOPICS = [
    "county lines", "knife crime", "knife", "knives", "gang", "gangs", "weapon",
    "weapons", "exploitation", "grooming", "drugs", "extremism", "radicalisation",
    "consent", "online safety", "self harm awareness", "suicide prevention",
    "domestic abuse", "healthy relationships", "drill", "drill music",
]  # fmt: skip
IDIOMS += [
    f"{topic} session/sessions/workshop/talk/project/course/evening/assembly/"
    "training/programme/group/video/poster/posters"
    for topic in SESSION_TOPICS
]


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


def add_starter_lists(apps=installed_apps, phrase_app: str = "safeguarding") -> None:
    # Early migrations run this while the phrase model still sat in moderation.
    phrase_model = apps.get_model(phrase_app, "SafeguardingPhrase")
    reason_model = apps.get_model("moderation", "NotSharedReason")
    theme_model = apps.get_model("moderation", "Theme")
    # An early migration runs this with a shorter phrase field; the next fills in.
    longest = phrase_model._meta.get_field("phrase").max_length
    for category, phrases in [*PHRASES.items(), ("idiom", IDIOMS)]:
        for phrase in phrases:
            if len(phrase) > longest:
                continue
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
