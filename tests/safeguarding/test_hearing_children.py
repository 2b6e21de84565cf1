"""Screening hears children's own words: text-speak, word forms, every theme, idioms and negation.

The disclosures here are not in the training corpus: they check that the
phrases and the classifier generalise, not that they remember.
"""

import pytest
from django.urls import reverse

from tests.feedback import conftest as feedback_fixtures
from tests.feedback.conftest import receipt_code_in
from tests.feedback.test_giving_feedback import post_feedback
from voice.feedback.models import Feedback
from voice.moderation.models import ModeratedText
from voice.safeguarding.models import SafeguardingConcern
from voice.safeguarding.normalise import normalise
from voice.safeguarding.phrases import compile_words
from voice.safeguarding.screening import Risk, screen

pytestmark = pytest.mark.django_db

# The feedback form's own fixtures: a topic and a valid post.
topic = feedback_fixtures.topic
form_data = feedback_fixtures.form_data
_fresh_rate_limits = feedback_fixtures._fresh_rate_limits

# One or more for every theme, written the way young people and parents write.
DISCLOSURES = {
    "self_harm": "been cuttin again n hidin it under my hoodie",
    "suicide": "honestly thinkin bout unaliving myself this weekend",
    "abuse": "my step mum slapped me round the face for nothing again",
    "neglect": "we aint had food in the house since tuesday and mum is out",
    "domestic_abuse": "her boyfriend smashed mums phone n pinned her to the wall",
    "exploitation": "these olders make me hold packages at mine and i cant say no",
    "online_harm": "a man i only know from snap says hell send my pics to my school",
    "sexual_harm": "my mums mate keeps touching me when she goes to the shop",
    "weapons": "i keep a blade on me now when i go out at night",
    "threats": "they said they are gonna stab my little brother if i dont pay",
    "missing": "been sleepin on the top deck of night buses cos i got nowhere",
    "fear_at_home": "im too scared to go bk to my foster placement tonight",
    "radicalisation": "the group online keep telling me its my duty to make them pay",
}

ORDINARY = [
    "that film was so scary I nearly died",
    "im dying of laughing at the quiz",
    "the session on knives was good",
    "drill music session was sick",
    "my worker killed it at karaoke lol",
    "he beat me at pool again, not fair",
    "nobody hits me at home, its chill",
    "the county lines workshop should be longer",
]


def test_text_speak_and_dropped_apostrophes_are_read_as_plain_words():
    assert normalise("im sooo done wiv it, wanna kms") == (
        " i am so done with it want to kill myself "
    )
    assert normalise("I'm scared 2 go home, u no?") == " i am scared to go home you no "
    assert normalise("Dont / don't / DONT") == " do not do not do not "
    assert normalise("thinkin bout sewer slide") == " thinkin about suicide "
    assert normalise("he is ded") == " he is dead "


def test_a_plain_words_phrase_matches_word_forms_choices_and_small_gaps():
    hit = compile_words("hit/punch/slap me")
    for written in ["hits me", "hitting me", "punched me", "slaps me"]:
        assert hit.search(normalise(written)), written
    assert not hit.search(normalise("hit men"))
    made = compile_words("make me sell/carry/hold/run")
    for written in ["makes me sell", "made me carry", "making me hold", "make me run"]:
        assert made.search(normalise(written)), written
    gap = compile_words("throw ... at me")
    assert gap.search(normalise("he throws his dinner plate at me"))
    assert not gap.search(normalise("he throws it every single day then at me"))


@pytest.mark.parametrize("theme", sorted(DISCLOSURES))
def test_a_disclosure_of_each_theme_reaches_the_lead_not_the_queue(
    client, form_data, theme
):
    post_feedback(client, form_data(text=DISCLOSURES[theme]))
    feedback = Feedback.objects.get()
    item = feedback.moderated_text
    assert item.status == ModeratedText.Status.SAFEGUARDING
    concern = SafeguardingConcern.objects.get()
    assert concern.moderated_text == item
    html = client.get("/feedback/thank-you/").content.decode()
    assert receipt_code_in(html) == feedback.receipt_code
    assert "0800 1111" in html


@pytest.mark.parametrize("text", ORDINARY)
def test_dark_idioms_negation_and_the_services_own_sessions_stay_ordinary(
    client, form_data, text
):
    post_feedback(client, form_data(text=text))
    item = Feedback.objects.get().moderated_text
    assert item.status == ModeratedText.Status.WAITING
    assert not SafeguardingConcern.objects.exists()


def test_the_same_words_without_the_idiom_or_negation_are_a_concern():
    assert screen("I want to die").is_concern
    assert not screen("I nearly died laughing").is_concern
    assert screen("he hits me when he is angry").is_concern
    assert not screen("he never hits me").is_concern


def test_findings_say_why_and_how_urgent():
    findings = screen("i cant do this no more, might just unalive myself")
    assert "suicide" in findings.themes
    assert findings.risk == Risk.URGENT
    assert any("kill myself" in why for why in findings.why)
    ordinary = screen("the youth club is good")
    assert ordinary.risk == Risk.NONE and ordinary.why == []


def test_a_concern_found_by_the_classifier_alone_says_so_to_the_lead(
    client, client_for, form_data, leads
):
    # No phrase names this; the classifier hears it.
    text = "my nan's fella comes in the bathroom when im in there and wont leave"
    findings = screen(text)
    assert findings.is_concern
    post_feedback(client, form_data(text=text))
    concern = SafeguardingConcern.objects.get()
    page = client_for(leads[0]).get(reverse("safeguarding:detail", args=[concern.pk]))
    assert "Why it was raised" in page.content.decode()


@pytest.mark.parametrize(
    "text",
    [
        "dad throws stuff at me when hes had a drink",
        "i dont wanna go home hes mad again",
    ],
)
def test_violence_at_home_in_a_childs_own_words_is_a_concern(text):
    assert screen(text).is_concern
