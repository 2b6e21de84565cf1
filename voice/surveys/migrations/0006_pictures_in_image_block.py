"""Pictures in page bodies keep their alt text inside Wagtail's ImageBlock."""

import wagtail.fields
from django.db import migrations

from pages.image_block_migration import move_pictures_into_image_block


class Migration(migrations.Migration):

    dependencies = [
        ('surveys', '0005_survey_page_permissions'),
    ]

    operations = [
        migrations.AlterField(
            model_name='surveysummarypage',
            name='body',
            field=wagtail.fields.StreamField([('heading', 0), ('paragraph', 1), ('image', 4), ('callout', 7), ('links', 8)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'form_classname': 'title', 'icon': 'title', 'template': 'blocks/heading.html'}), 1: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ol', 'ul', 'h2', 'h3']}), 2: ('wagtail.images.blocks.ImageBlock', [], {}), 3: ('wagtail.blocks.CharBlock', (), {'max_length': 250, 'required': False}), 4: ('wagtail.blocks.StructBlock', [[('image', 2), ('caption', 3)]], {}), 5: ('wagtail.blocks.CharBlock', (), {'max_length': 120}), 6: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('info', 'Information'), ('help', 'Get help now')]}), 7: ('wagtail.blocks.StructBlock', [[('title', 5), ('text', 1), ('tone', 6)]], {}), 8: ('pages.blocks.LinkCardsBlock', (), {})}),
        ),
        move_pictures_into_image_block('surveys', 'surveysummarypage'),
    ]
