"""Who should open each route, written out by hand.

The access matrix compares real responses with this table, not with the rule
table it is testing, so a rule loosened by mistake shows up as a failure.
A role set means: anonymous visitors are sent to sign in, signed-in people
outside the set get 403. Administrator is a superuser and opens every staff area.
"""

ANYONE = "anyone"
SIGNED_IN = "signed in"
SENT_TO_SIGN_IN = "sent to sign in"  # closed login doors: everyone goes to allauth

MODERATION = {"Moderator", "Safeguarding lead", "Administrator"}
SAFEGUARDING = {"Safeguarding lead", "Administrator"}
PROGRAMME_ADMIN = {"Programme staff", "Service manager", "Administrator"}
STAFF_REVIEW = {"Service manager", "Administrator"}
BOARD = {
    "Shadow board member",
    "Programme staff",
    "Service manager",
    "Administrator",
}
BOARD_PROFILE = {"Shadow board member", "Administrator"}
CASEWORK = {"Case worker", "Administrator"}
CODE_REQUESTS = {"Safeguarding lead", "Service manager", "Administrator"}
ALL_STAFF = {
    "Case worker",
    "Moderator",
    "Safeguarding lead",
    "Programme staff",
    "Service manager",
    "Administrator",
}
# Moderators and safeguarding leads use the moderation snippets in the Wagtail admin.
WAGTAIL_ADMIN = {
    "Moderator",
    "Safeguarding lead",
    "Programme staff",
    "Service manager",
    "Administrator",
}
TAKE_PART = {
    "Young person",
    "Parent or carer",
    "Shadow board member",
    "Case worker",
    "Administrator",
}
OWN_PARTICIPATION = {
    "Young person",
    "Parent or carer",
    "Shadow board member",
    "Administrator",
}


def _family(names: str, who) -> dict:
    return {name: who for name in names.split()}


EXPECTED = {
    # allauth and MFA
    **_family(
        "account_email_verification_sent account_inactive account_login "
        "account_logout account_reset_password account_reset_password_done "
        "account_reset_password_from_key_done account_signup",
        ANYONE,
    ),
    **_family(
        "account_change_password account_confirm_login_code "
        "account_confirm_reauthentication_code account_email account_reauthenticate "
        "account_request_reauthentication_code account_set_password "
        "mfa_activate_totp mfa_deactivate_totp mfa_download_recovery_codes "
        "mfa_generate_recovery_codes mfa_index mfa_reauthenticate "
        "mfa_view_recovery_codes mfa_authenticate",
        SIGNED_IN,
    ),
    "wagtail_login_redirect": SENT_TO_SIGN_IN,
    "wagtailcore_login": SENT_TO_SIGN_IN,
    "wagtailadmin_home": WAGTAIL_ADMIN,
    "healthz": ANYONE,
    **_family(
        "easy_read:give_feedback easy_read:check_receipt easy_read:unsafe "
        "easy_read:what_happens",
        ANYONE,
    ),
    # accounts
    **_family("accounts:landing accounts:my_account accounts:notifications", SIGNED_IN),
    "accounts:redeem_code": ANYONE,
    "staff:home": ALL_STAFF,
    "young_people:list": CASEWORK,
    "young_people:create": CASEWORK,
    "young_people:code_requests": CODE_REQUESTS,
    # shadow board
    "board:apply": SIGNED_IN,
    "board:profile": BOARD_PROFILE,
    **_family(
        "board:evidence board:home board:influence_log board:influence_log_export "
        "board:meeting board:meeting_open_question board:question_close "
        "board:question_vote board:recommendation_create board:recommendation_detail "
        "board:recommendation_edit board:recommendation_list "
        "board:recommendation_submit",
        BOARD,
    ),
    "board_admin:application": PROGRAMME_ADMIN,
    "board_admin:home": PROGRAMME_ADMIN,
    "board_admin:respond": STAFF_REVIEW,
    # events
    **_family(
        "event_admin:attendance event_admin:consent event_admin:event "
        "event_admin:export event_admin:list event_admin:withdraw_consent",
        PROGRAMME_ADMIN,
    ),
    **_family(
        "events:calendar events:event_calendar events:list events:past "
        "events:programme_calendar",
        ANYONE,
    ),
    "events:sign_up": TAKE_PART,
    "events:cancel": TAKE_PART,
    "events:my_participation": OWN_PARTICIPATION,
    "events:certificate": OWN_PARTICIPATION,
    "certificates:check": ANYONE,
    # feedback
    **_family(
        "feedback:check feedback:give feedback:report feedback:shared "
        "feedback:stop_sharing feedback:thanks feedback:unsafe feedback:unsafe_sent",
        ANYONE,
    ),
    "feedback:mine": SIGNED_IN,
    "feedback:about_you": ANYONE,
    # moderation and safeguarding
    **_family(
        "moderation:approve moderation:claim moderation:escalate moderation:item "
        "moderation:not_shared moderation:queue moderation:queue_rows "
        "moderation:release moderation:reply moderation:themes",
        MODERATION,
    ),
    **_family(
        "safeguarding:acknowledge safeguarding:action safeguarding:close "
        "safeguarding:detail safeguarding:list safeguarding:no_concern "
        "safeguarding:rows",
        SAFEGUARDING,
    ),
    # privacy
    **_family(
        "privacy:delete_account privacy:download_json privacy:index "
        "privacy:printable privacy:stop_sharing",
        SIGNED_IN,
    ),
    "privacy:account_deleted": ANYONE,
    **_family(
        "privacy_admin:access_log privacy_admin:delete_person privacy_admin:index "
        "privacy_admin:person privacy_admin:person_json "
        "privacy_admin:person_printable",
        STAFF_REVIEW,
    ),
    # review
    **_family(
        "review:action review:action_create review:action_edit review:action_note "
        "review:action_status review:cycle review:cycle_create review:cycle_reach "
        "review:index review:report review:report_csv review:report_xlsx",
        STAFF_REVIEW,
    ),
    # surveys
    **_family(
        "survey_admin:export_csv survey_admin:export_xlsx survey_admin:list "
        "survey_admin:results",
        PROGRAMME_ADMIN,
    ),
    "surveys:list": ANYONE,
    # you said, we did
    "you_said_we_did:list": ANYONE,
    "you_said_we_did:rate": ANYONE,
}


def expected_outcome(view_name: str, role: str) -> str:
    """'allow', 'login' or 'forbid' for this role on this route, from the table above."""
    who = EXPECTED[view_name]
    if who == ANYONE:
        return "allow"
    if who == SENT_TO_SIGN_IN:
        return "login"
    if role == "anonymous":
        return "login"
    if who == SIGNED_IN or role in who:
        return "allow"
    return "forbid"
