"""StreamField blocks for the site's own pages, each small and self-describing."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

PLAIN_FEATURES = ["bold", "italic", "link", "ol", "ul", "h2", "h3"]


class ImageWithAltBlock(blocks.StructBlock):
    """An image that always says what it shows, for people who cannot see it."""

    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        max_length=250,
        help_text=_("Say what the picture shows, for people using a screen reader."),
    )
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "blocks/image_with_alt.html"
        description = "An image with required alt text"


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


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        form_classname="title", icon="title", template="blocks/heading.html"
    )
    paragraph = blocks.RichTextBlock(features=PLAIN_FEATURES)
    image = ImageWithAltBlock()
    callout = CalloutBlock()
    links = LinkCardsBlock()


class ContactWaysBlock(blocks.StaticBlock):
    """The service's email, phone and text number, read from the service settings.

    An accessibility statement must say how to report a problem; drawn from the
    settings, the statement stays true when the service changes its numbers.
    """

    class Meta:
        icon = "mail"
        template = "blocks/contact_ways.html"
        admin_text = _(
            "Shows how to reach the service (email, phone, text), "
            "from the service settings."
        )
        label = _("Ways to contact us")


class StandardPageBodyBlock(BodyBlock):
    """A plain page's body: the common blocks, and the service's contact ways."""

    contact_ways = ContactWaysBlock()
