from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts and roles"

    def ready(self):
        # Imported here: roles reads every app's permissions, so it needs the
        # app registry ready.
        from accounts.roles import sync_roles_after_migrate

        post_migrate.connect(sync_roles_after_migrate, sender=self)
