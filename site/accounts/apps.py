from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts and roles"

    def ready(self) -> None:
        # Imported here: these read other apps' modules and models, so they
        # need the app registry ready.
        from allauth.mfa.signals import authenticator_added
        from django.contrib.auth.signals import user_logged_in

        from accounts.mfa import record_mfa_on_enrolment
        from accounts.roles import sync_roles_after_migrate
        from accounts.sessions import forget_what_came_before_sign_in

        post_migrate.connect(sync_roles_after_migrate, sender=self)
        user_logged_in.connect(
            forget_what_came_before_sign_in, dispatch_uid="accounts.clean_session"
        )
        authenticator_added.connect(
            record_mfa_on_enrolment, dispatch_uid="accounts.record_mfa_on_enrolment"
        )
