from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts and roles"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from accounts.sessions import forget_what_came_before_sign_in

        user_logged_in.connect(
            forget_what_came_before_sign_in, dispatch_uid="accounts.clean_session"
        )
