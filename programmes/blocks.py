"""StreamField blocks for programme pages: words, pictures, stories and outcomes."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from pages.blocks import BaseBodyBlock


class StoryBlock(blocks.StructBlock):
    """Something a young person said about the programme, with their permission."""

    quote = blocks.TextBlock(max_length=600)
    who = blocks.CharBlock(
        max_length=80,
        required=False,
        help_text=_("First name or 'a young person', never a full name."),
    )

    class Meta:
        icon = "openquote"
        template = "programmes/blocks/story.html"
        description = "A short story or quote from someone who took part"


class OutcomeBlock(blocks.StructBlock):
    """One thing the programme achieved, as a number and a few words."""

    figure = blocks.CharBlock(
        max_length=20, help_text=_("For example: 42, or 9 in 10.")
    )
    label = blocks.CharBlock(
        max_length=120, help_text=_("For example: young people tried something new.")
    )

    class Meta:
        icon = "success"
        template = "programmes/blocks/outcome.html"
        description = "A number and what it means"


class OutcomesBlock(blocks.ListBlock):
    """A row of outcomes shown together."""

    def __init__(self, **kwargs):
        super().__init__(OutcomeBlock(), **kwargs)

    class Meta:
        icon = "list-ul"
        template = "programmes/blocks/outcomes.html"


class ProgrammeBodyBlock(BaseBodyBlock):
    """The body of a programme page: words and pictures, then stories and outcomes."""

    story = StoryBlock()
    outcomes = OutcomesBlock()
