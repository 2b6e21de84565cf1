from channels.generic.websocket import AsyncJsonWebsocketConsumer

from tests.perf.baseline.views import LIVE_GROUP


class LiveSubmissionsConsumer(AsyncJsonWebsocketConsumer):
    """Sends each stored baseline submission's receipt to every connected client."""

    async def connect(self) -> None:
        await self.channel_layer.group_add(LIVE_GROUP, self.channel_name)
        await self.accept()

    async def disconnect(self, code: int) -> None:
        await self.channel_layer.group_discard(LIVE_GROUP, self.channel_name)

    async def submission_stored(self, event: dict) -> None:
        await self.send_json({"receipt": event["receipt"]})
