"""Pictures in page bodies keep their alt text inside Wagtail's ImageBlock."""

import wagtail.fields
from django.db import migrations

from pages.image_block_migration import move_pictures_into_image_block


class Migration(migrations.Migration):

    dependencies = [
        ('programmes', '0007_consent_withdrawal'),
    ]

    operations = [
        migrations.AlterField(
            model_name='programmepage',
            name='body',
            field=wagtail.fields.StreamField([('heading', 0), ('paragraph', 1), ('image', 4), ('story', 7), ('outcomes', 8)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'form_classname': 'title', 'icon': 'title', 'template': 'blocks/heading.html'}), 1: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ol', 'ul', 'h2', 'h3']}), 2: ('wagtail.images.blocks.ImageBlock', [], {}), 3: ('wagtail.blocks.CharBlock', (), {'max_length': 250, 'required': False}), 4: ('wagtail.blocks.StructBlock', [[('image', 2), ('caption', 3)]], {}), 5: ('wagtail.blocks.TextBlock', (), {'max_length': 600}), 6: ('wagtail.blocks.CharBlock', (), {'help_text': "First name or 'a young person', never a full name.", 'max_length': 80, 'required': False}), 7: ('wagtail.blocks.StructBlock', [[('quote', 5), ('who', 6)]], {}), 8: ('programmes.blocks.OutcomesBlock', (), {})}),
        ),
        move_pictures_into_image_block('programmes', 'programmepage'),
    ]
