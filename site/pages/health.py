"""Checks that the parts the site cannot work without are reachable."""

import logging
import uuid

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import DatabaseError, connection

logger = logging.getLogger(__name__)


def database_reachable() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        logger.warning("Health check: database unreachable", exc_info=True)
        return False


def channel_layer_reachable() -> bool:
    layer = get_channel_layer()
    channel = f"healthz.{uuid.uuid4().hex}"
    try:
        async_to_sync(layer.send)(channel, {"type": "health.ping"})
        message = async_to_sync(layer.receive)(channel)
    except Exception:  # any transport error means "unreachable"
        logger.warning("Health check: channel layer unreachable", exc_info=True)
        return False
    return message.get("type") == "health.ping"
