"""Moves the pictures in page bodies into Wagtail's ImageBlock, for the migrations.

A picture was stored as ``{"image": 12, "alt_text": "…", "caption": "…"}``; it is
now ``{"image": {"image": 12, "alt_text": "…", "decorative": false},
"caption": "…"}``. Every app whose pages have a body with pictures runs
`move_pictures_into_image_block` for each such field: the live content and every
revision move, so drafts and the page history keep their pictures too.
"""

from django.db.migrations import RunPython
from wagtail.blocks.migrations.migrate_operation import MigrateStreamData
from wagtail.blocks.migrations.operations import BaseBlockOperation

# The name of the picture block in every body StreamField.
PICTURE_BLOCK = "image"


class PictureIntoImageBlock(BaseBlockOperation):
    """The picture, its alt text and caption, with the alt text inside an ImageBlock."""

    operation_name_fragment = "picture_into_image_block"

    def apply(self, block_value):
        if isinstance(block_value.get("image"), dict):
            return block_value
        return {
            "image": {
                "image": block_value.get("image"),
                "alt_text": block_value.get("alt_text", ""),
                "decorative": False,
            },
            "caption": block_value.get("caption", ""),
        }


class PictureOutOfImageBlock(BaseBlockOperation):
    """Back to the old shape; a decorative picture keeps an empty alt text."""

    operation_name_fragment = "picture_out_of_image_block"

    def apply(self, block_value):
        image_block = block_value.get("image")
        if not isinstance(image_block, dict):
            return block_value
        return {
            "image": image_block.get("image"),
            "alt_text": ""
            if image_block.get("decorative")
            else image_block.get("alt_text") or "",
            "caption": block_value.get("caption", ""),
        }


def move_pictures_into_image_block(
    app_label: str, model_name: str, field_name: str = "body"
) -> RunPython:
    """A reversible data step for one body StreamField of one page model."""
    forward, backward = (
        MigrateStreamData(
            app_name=app_label,
            model_name=model_name,
            field_name=field_name,
            operations_and_block_paths=[(operation, PICTURE_BLOCK)],
        )
        for operation in (PictureIntoImageBlock(), PictureOutOfImageBlock())
    )
    return RunPython(forward.code, backward.code)
