"""How every form on the site is drawn: one form template and one field template.

Django draws `{{ form }}` and `{{ field.as_field_group }}` with the renderer
named in FORM_RENDERER. This one finds its templates the way pages do (the
project's templates/ first), so a new form gets the site's error summary,
hints, messages beside each field and what was typed, with nothing to copy.
A field that needs a different look names its own `template_name`, which
extends the site's field template. Wagtail's admin draws its own fields and
never asks for these two templates.
"""

from django.forms.renderers import TemplatesSetting


class SiteFormRenderer(TemplatesSetting):
    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"
