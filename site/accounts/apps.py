from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts and roles"

    def ready(self) -> None:
        from allauth.mfa.signals import authenticator_added

        from accounts.mfa import record_mfa_on_enrolment

        authenticator_added.connect(
            record_mfa_on_enrolment, dispatch_uid="accounts.record_mfa_on_enrolment"
        )
