from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class PrivacyConfig(AppConfig):
    name = "privacy"
    verbose_name = "Privacy and data protection"

    def ready(self) -> None:
        # Imported here: the registry is filled from other apps' modules, which
        # need the app registry ready.
        from privacy import registry

        # Accounts sits below privacy and may not import it, so its module is
        # registered from here; it comes first, as accounts is installed first.
        registry.register("accounts.personal_data")
        # Every other app's personal_data.py registers itself when imported.
        autodiscover_modules("personal_data")
