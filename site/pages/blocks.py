"""StreamField blocks for the site's own pages, each small and self-describing."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock

PLAIN_FEATURES = ["bold", "italic", "link", "ol", "ul", "h2", "h3"]


class CaptionedImageBlock(blocks.StructBlock):
    """A picture with an optional caption.

    Wagtail's ImageBlock keeps the alt text and refuses a picture that has none
    unless it is marked as decorative; its alt text starts from the picture's
    description in the image library.
    """

    image = ImageBlock()
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "blocks/captioned_image.html"
        description = "An image with alt text, or marked as decorative"


class CalloutBlock(blocks.StructBlock):
    """A boxed message that stands out, such as where to get help now."""

    title = blocks.CharBlock(max_length=120)
    text = blocks.RichTextBlock(features=PLAIN_FEATURES)
    tone = blocks.ChoiceBlock(
        choices=[("info", _("Information")), ("help", _("Get help now"))],
        default="info",
    )

    class Meta:
        icon = "help"
        template = "blocks/callout.html"
        description = "A boxed message"


class LinkCardBlock(blocks.StructBlock):
    """A big, easy-to-tap link to another part of the site."""

    title = blocks.CharBlock(max_length=80)
    text = blocks.CharBlock(max_length=200, required=False)
    page = blocks.PageChooserBlock(required=False)
    url = blocks.CharBlock(
        required=False,
        max_length=200,
        help_text=_("A path on this site, such as /feedback/, if no page is chosen."),
    )

    class Meta:
        icon = "link"
        template = "blocks/link_card.html"
        description = "A large link"

    def clean(self, value):
        value = super().clean(value)
        url = value.get("url") or ""
        if not value.get("page") and not url.startswith("/"):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": blocks.BlockValidationError(
                        _("Choose a page or give a path on this site starting with /.")
                    )
                }
            )
        return value


class LinkCardsBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(LinkCardBlock(), **kwargs)

    class Meta:
        icon = "list-ul"
        template = "blocks/link_cards.html"


class BaseBodyBlock(blocks.StreamBlock):
    """Headings, words and pictures: what every page body holds.

    Each kind of page adds its own blocks after these.
    """

    heading = blocks.CharBlock(
        form_classname="title", icon="title", template="blocks/heading.html"
    )
    paragraph = blocks.RichTextBlock(features=PLAIN_FEATURES)
    image = CaptionedImageBlock()


class BodyBlock(BaseBodyBlock):
    """The body of the site's own pages and of survey summaries."""

    callout = CalloutBlock()
    links = LinkCardsBlock()
