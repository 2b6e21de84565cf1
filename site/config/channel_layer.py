"""The Redis channel layer, with a receive that always ends when it is cancelled.

channels_redis waits for messages with a blocking pop of `brpop_timeout` (5 s)
in a loop that only ends when a message arrives. Two things meet there:

- redis-py 8 gives every connection a 5 s socket timeout by default, the same
  as the blocking pop, so quiet websockets were torn down with `Timeout
  reading from ...` (channels_redis issue 422). Settings give the layer's
  connections a longer socket timeout (see `CHANNEL_LAYERS`).
- With any socket timeout set, redis-py sends each command through
  `asyncio.wait_for`, and on Python 3.11 `wait_for` drops a cancellation that
  arrives just as the send completes (CPython issue 86296, fixed in 3.12).
  The receive then carries on polling Redis for ever: a closing websocket's
  consumer never finishes and the event loop hangs at shutdown. With the old
  5 s socket timeout the next pop happened to fail and end it.

So a receive whose task has been asked to stop stops at the next pop.
"""

from __future__ import annotations

import asyncio

from channels_redis.core import RedisChannelLayer


def _stop_if_cancelled() -> None:
    task = asyncio.current_task()
    if task is not None and task.cancelling():
        raise asyncio.CancelledError()


class CancellableRedisChannelLayer(RedisChannelLayer):
    """channels_redis's layer; a cancelled receive ends instead of polling on."""

    async def _brpop_with_clean(self, index, channel, timeout):
        _stop_if_cancelled()
        member = await super()._brpop_with_clean(index, channel, timeout)
        if member is None:
            _stop_if_cancelled()
        return member
