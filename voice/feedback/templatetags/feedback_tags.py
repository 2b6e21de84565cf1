from django import template

from accounts import roles
from pages.faces import face_for

register = template.Library()


@register.filter
def shows_safety_button(user) -> bool:
    """The "I don't feel safe" button is on every page for signed-in young people."""
    return bool(roles.role_names(user) & {roles.YOUNG_PERSON, roles.BOARD_MEMBER})


@register.filter
def feeling_face(feeling: int) -> str:
    return face_for(feeling)
