"""Per-address limits count the real client: the address the trusted proxies saw, never a header a client wrote."""

import importlib
import secrets
import sys

import pytest
from django.core.cache import cache
from django.test import Client, override_settings

from tests.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"  # the load balancer, as the application server sees it
OFFICE = "198.51.100.7"
OTHER_PLACE = "198.51.100.8"


@pytest.fixture(autouse=True)
def _fresh_limits():
    cache.clear()
    yield
    cache.clear()


def through_proxy(client_address: str, forged: str | None = None) -> dict:
    """The request as one trusted proxy passes it on: it appends the address it saw."""
    chain = [forged, client_address] if forged else [client_address]
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": ", ".join(chain)}


def forged_address() -> str:
    return f"192.0.2.{secrets.randbelow(250) + 1}"


def check_a_code(**meta):
    return Client().post("/feedback/check/", {"code": "ACDE-FGHJ"}, **meta)


def test_the_proxy_count_comes_from_the_environment_and_is_the_one_allauth_reads(
    monkeypatch,
):
    monkeypatch.setenv("TRUSTED_PROXY_COUNT", "2")
    sys.modules.pop("config.settings.base", None)
    base = importlib.import_module("config.settings.base")
    assert base.ALLAUTH_TRUSTED_PROXY_COUNT == 2
    monkeypatch.delenv("TRUSTED_PROXY_COUNT")
    sys.modules.pop("config.settings.base", None)
    base = importlib.import_module("config.settings.base")
    assert base.ALLAUTH_TRUSTED_PROXY_COUNT == 0


@override_settings(FEEDBACK_RATE_LIMITS={"check": ((100, 600), (3, 600))})
def test_with_no_trusted_proxy_a_forwarded_for_header_gets_no_fresh_budget():
    for _ in range(3):
        meta = {"REMOTE_ADDR": OFFICE, "HTTP_X_FORWARDED_FOR": forged_address()}
        assert check_a_code(**meta).status_code == 400
    meta = {"REMOTE_ADDR": OFFICE, "HTTP_X_FORWARDED_FOR": forged_address()}
    assert check_a_code(**meta).status_code == 429


@override_settings(
    ALLAUTH_TRUSTED_PROXY_COUNT=1,
    FEEDBACK_RATE_LIMITS={"check": ((100, 600), (3, 600))},
)
def test_behind_a_trusted_proxy_receipt_checks_count_the_real_client_not_the_forged_part():
    for _ in range(3):
        answer = check_a_code(**through_proxy(OFFICE, forged=forged_address()))
        assert answer.status_code == 400
    refused = check_a_code(**through_proxy(OFFICE, forged=forged_address()))
    assert refused.status_code == 429
    assert "wait 10 minutes" in refused.content.decode()
    # Someone else behind the same load balancer has their own budget.
    assert check_a_code(**through_proxy(OTHER_PLACE)).status_code == 400


def sign_up(number: int, **meta):
    return Client().post(
        "/accounts/signup/",
        {
            "username": f"newperson{number}",
            "password1": "a-long-enough-password-9",
            "password2": "a-long-enough-password-9",
            "who": "young_person",
        },
        **meta,
    )


@override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=1)
def test_behind_a_trusted_proxy_sign_ups_are_limited_per_real_client(settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "signup": "3/m/ip"}
    statuses = [
        sign_up(n, **through_proxy(OFFICE, forged=forged_address())).status_code
        for n in range(4)
    ]
    assert statuses[:3] == [302, 302, 302]
    assert statuses[3] == 429
    assert sign_up(10, **through_proxy(OTHER_PLACE)).status_code == 302


def wrong_password(login: str, **meta):
    return Client().post(
        "/accounts/login/", {"login": login, "password": "not-the-password"}, **meta
    )


@override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=1)
def test_behind_a_trusted_proxy_failed_sign_ins_are_limited_per_real_client(settings):
    settings.ACCOUNT_RATE_LIMITS = {
        **settings.ACCOUNT_RATE_LIMITS,
        "login_failed": "3/m/ip",
    }
    for number in range(3):
        UserFactory(username=f"someone{number}")
        answer = wrong_password(
            f"someone{number}", **through_proxy(OFFICE, forged=forged_address())
        )
        assert b"Too many failed" not in answer.content
    UserFactory(username="someone-else")
    answer = wrong_password(
        "someone-else", **through_proxy(OFFICE, forged=forged_address())
    )
    assert b"Too many failed" in answer.content
    answer = wrong_password("someone-else", **through_proxy(OTHER_PLACE))
    assert b"Too many failed" not in answer.content


@pytest.mark.parametrize(
    "forwarded_for",
    ["", "not-an-address", "198.51.100.7", ",,,", "999.1.1.1, 10.0.0.9", "x" * 300],
)
@override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=2)
def test_a_short_or_garbled_forwarded_for_never_gives_a_server_error(forwarded_for):
    UserFactory(username="garbled-test")
    meta = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": forwarded_for}
    signed_in = Client().post(
        "/accounts/login/",
        {"login": "garbled-test", "password": DEFAULT_PASSWORD},
        **meta,
    )
    assert signed_in.status_code == 302
    assert check_a_code(**meta).status_code == 400
