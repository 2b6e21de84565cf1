"""One line of an easy-read page: a pictogram from our own static files, then one sentence.

    {% easy_line "phone" %}{% translate "Call Childline." %}{% endeasy_line %}

The pictogram is decorative (alt=""): the sentence beside it says all it shows,
and a screen reader would only read the same words twice.
"""

from django import template
from django.templatetags.static import static
from django.utils.html import format_html

register = template.Library()

PICTURE_SIZE = 64  # pixels; large enough to recognise, small enough for a 320 px screen


class EasyLineNode(template.Node):
    def __init__(self, picture: template.base.FilterExpression, sentence):
        self.picture = picture
        self.sentence = sentence

    def render(self, context) -> str:
        return format_html(
            '<li><img src="{}" alt="" width="{}" height="{}"><span>{}</span></li>',
            static(f"img/easy-read/{self.picture.resolve(context)}.svg"),
            PICTURE_SIZE,
            PICTURE_SIZE,
            self.sentence.render(context),
        )


@register.tag
def easy_line(parser, token):
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError(
            'easy_line takes the picture\'s name: {% easy_line "phone" %}'
        )
    sentence = parser.parse(("endeasy_line",))
    parser.delete_first_token()
    return EasyLineNode(parser.compile_filter(bits[1]), sentence)
