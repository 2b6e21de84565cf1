from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts and roles"

    def ready(self):
        # Imported here: both read other apps' modules and models, so they
        # need the app registry ready.
        from django.contrib.auth.signals import user_logged_in

        from accounts.roles import sync_roles_after_migrate
        from accounts.sessions import forget_what_came_before_sign_in

        post_migrate.connect(sync_roles_after_migrate, sender=self)
        user_logged_in.connect(
            forget_what_came_before_sign_in, dispatch_uid="accounts.clean_session"
        )
