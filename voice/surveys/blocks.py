"""Question blocks for surveys: each one knows its form field and how its answers are counted.

A question's stable id is the id StreamField gives its block, so answers stay
linked to their question when staff reorder or reword questions.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from pages.faces import Feeling, face_for

SHORT_TEXT_MAX = 200
LONG_TEXT_MAX = 2000


class AnswerKind:
    """How a question's answers are stored and counted."""

    NUMBER = "number"  # one number per answer: counts per value and a mean
    CHOICE = "choice"  # one or more chosen options: counts per option
    TEXT = "text"  # free text, screened and moderated


def required_message(kind: str) -> str:
    if kind == AnswerKind.TEXT:
        return str(_("Please write an answer. This question needs one."))
    return str(_("Please pick an answer. This question needs one."))


INVALID_CHOICE = _("Please pick one of the answers shown.")


class QuestionBlock(blocks.StructBlock):
    """What every question has: the words, optional help, and whether it must be answered."""

    question = blocks.CharBlock(
        max_length=200, help_text=_("Short words. Ask one thing at a time.")
    )
    help_text = blocks.CharBlock(
        required=False,
        max_length=250,
        help_text=_("Extra words shown under the question, if it helps."),
    )
    required = blocks.BooleanBlock(
        required=False,
        default=False,
        help_text=_(
            "Tick if people must answer. Optional questions say 'you can skip this'."
        ),
    )

    answer_kind = AnswerKind.CHOICE
    has_mean = False
    kind_label = ""

    class Meta:
        icon = "help"

    def options(self, value) -> list[tuple[str, str]]:
        """The possible answers as (stored value, words shown), for choice and number questions."""
        return []

    def make_field(self, value) -> forms.Field:
        raise NotImplementedError

    def field_kwargs(self, value) -> dict:
        return {
            "label": value["question"],
            "help_text": value.get("help_text") or "",
            "required": bool(value.get("required")),
            "error_messages": {
                "required": required_message(self.answer_kind),
                "invalid_choice": INVALID_CHOICE,
                "invalid_list": INVALID_CHOICE,
            },
        }

    def answer_rows(self, value, cleaned) -> list[dict]:
        """Turn a cleaned answer into the Answer rows it is stored as (empty when skipped)."""
        if cleaned in (None, "", []):
            return []
        if self.answer_kind == AnswerKind.NUMBER:
            return [{"number": int(cleaned)}]
        return [{"choice": cleaned}]

    def initial_from_rows(self, rows: list) -> object:
        """The form's starting value from stored answers (to change an answer)."""
        if not rows:
            return None
        if self.answer_kind == AnswerKind.NUMBER:
            return str(rows[0].number)
        return rows[0].choice


class RadioQuestionBlock(QuestionBlock):
    """A question answered by picking one of a fixed list of answers."""

    def make_field(self, value) -> forms.Field:
        return forms.ChoiceField(
            choices=self.options(value),
            widget=forms.RadioSelect,
            **self.field_kwargs(value),
        )


class EmojiScaleBlock(RadioQuestionBlock):
    """Five faces from very unhappy to very happy, each with words as well (`pages.faces`)."""

    label_1 = blocks.CharBlock(max_length=40, default=Feeling.VERY_UNHAPPY.label)
    label_2 = blocks.CharBlock(max_length=40, default=Feeling.UNHAPPY.label)
    label_3 = blocks.CharBlock(max_length=40, default=Feeling.OKAY.label)
    label_4 = blocks.CharBlock(max_length=40, default=Feeling.HAPPY.label)
    label_5 = blocks.CharBlock(max_length=40, default=Feeling.VERY_HAPPY.label)

    answer_kind = AnswerKind.NUMBER
    has_mean = True
    kind_label = _("Faces scale (1 to 5)")

    class Meta:
        icon = "pick"
        description = "Five faces, each with words"

    def options(self, value):
        return [(str(n), f"{face_for(n)} {value[f'label_{n}']}") for n in range(1, 6)]


class YesNoBlock(RadioQuestionBlock):
    """Yes or no."""

    answer_kind = AnswerKind.NUMBER
    kind_label = _("Yes or no")

    class Meta:
        icon = "tick"
        description = "Yes or no"

    def options(self, value):
        return [("1", str(_("Yes"))), ("0", str(_("No")))]


class OneChoiceBlock(RadioQuestionBlock):
    """Pick one answer from a list staff write."""

    choices = blocks.ListBlock(
        blocks.CharBlock(max_length=100), min_num=2, max_num=12, label=_("Answers")
    )

    answer_kind = AnswerKind.CHOICE
    kind_label = _("Pick one")

    class Meta:
        icon = "radio-full"
        description = "Pick one answer from a list"

    def options(self, value):
        return [(str(choice), str(choice)) for choice in value["choices"]]


class SeveralChoicesBlock(QuestionBlock):
    """Pick any number of answers from a list staff write."""

    choices = blocks.ListBlock(
        blocks.CharBlock(max_length=100), min_num=2, max_num=12, label=_("Answers")
    )

    answer_kind = AnswerKind.CHOICE
    kind_label = _("Pick any")

    class Meta:
        icon = "list-ul"
        description = "Pick as many answers as you like from a list"

    def options(self, value):
        return [(str(choice), str(choice)) for choice in value["choices"]]

    def make_field(self, value) -> forms.Field:
        kwargs = self.field_kwargs(value)
        if kwargs["help_text"]:
            kwargs["help_text"] = (
                f"{kwargs['help_text']} {_('You can pick more than one.')}"
            )
        else:
            kwargs["help_text"] = str(_("You can pick more than one."))
        return forms.MultipleChoiceField(
            choices=self.options(value),
            widget=forms.CheckboxSelectMultiple,
            **kwargs,
        )

    def answer_rows(self, value, cleaned):
        return [{"choice": choice} for choice in cleaned or []]

    def initial_from_rows(self, rows):
        return [row.choice for row in rows] or None


class RatingBlock(RadioQuestionBlock):
    """A score from 0 to 10, with words for each end."""

    low_label = blocks.CharBlock(max_length=40, default="Not at all")
    high_label = blocks.CharBlock(max_length=40, default="Very much")

    answer_kind = AnswerKind.NUMBER
    has_mean = True
    kind_label = _("Score from 0 to 10")

    class Meta:
        icon = "order"
        description = "A score from 0 to 10"

    def options(self, value):
        labels = {0: value["low_label"], 10: value["high_label"]}
        return [
            (str(n), f"{n} – {labels[n]}" if n in labels else str(n))
            for n in range(0, 11)
        ]


class TextQuestionBlock(QuestionBlock):
    """Free text, screened for safeguarding at once and read by a moderator."""

    answer_kind = AnswerKind.TEXT
    max_length = SHORT_TEXT_MAX

    def make_field(self, value) -> forms.Field:
        kwargs = self.field_kwargs(value)
        kwargs["error_messages"]["max_length"] = str(
            _("Please make this shorter: %(limit_value)d letters at most.")
        )
        return forms.CharField(
            max_length=self.max_length, widget=self.widget(), **kwargs
        )

    def widget(self):
        return forms.TextInput(attrs={"maxlength": self.max_length})

    def answer_rows(self, value, cleaned):
        return [{"text": cleaned}] if cleaned else []

    def initial_from_rows(self, rows):
        return rows[0].moderated_text.text if rows and rows[0].moderated_text else None


class ShortTextBlock(TextQuestionBlock):
    """A few words."""

    kind_label = _("Short answer")

    class Meta:
        icon = "pilcrow"
        description = "A short written answer"


class LongTextBlock(TextQuestionBlock):
    """As many words as they like, up to a limit."""

    max_length = LONG_TEXT_MAX
    kind_label = _("Long answer")

    class Meta:
        icon = "doc-full"
        description = "A longer written answer"

    def widget(self):
        return forms.Textarea(attrs={"rows": 5, "maxlength": self.max_length})


class QuestionsBlock(blocks.StreamBlock):
    """The questions of one survey, in order."""

    emoji_scale = EmojiScaleBlock(label=_("Faces scale"))
    yes_no = YesNoBlock(label=_("Yes or no"))
    one_choice = OneChoiceBlock(label=_("Pick one"))
    several_choices = SeveralChoicesBlock(label=_("Pick any"))
    short_text = ShortTextBlock(label=_("Short answer"))
    long_text = LongTextBlock(label=_("Long answer"))
    rating = RatingBlock(label=_("Score 0 to 10"))

    class Meta:
        min_num = 1
        max_num = 40
