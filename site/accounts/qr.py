"""QR codes as inline images (a data: URL), so nothing is fetched from elsewhere."""

import base64
import io

import qrcode
import qrcode.image.svg


def qr_data_url(text: str) -> str:
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=12)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()
