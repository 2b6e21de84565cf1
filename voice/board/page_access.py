"""Who may edit the shadow board's pages: the staff who run the board.

Programme staff run meetings and service managers answer the board, so both
write and publish the board's front page and its meeting pages.
"""

from accounts import roles

BOARD_PAGE_PERMISSIONS = {
    roles.PROGRAMME_STAFF: ["add_page", "change_page", "publish_page"],
    roles.SERVICE_MANAGER: ["add_page", "change_page", "publish_page"],
}


def grant_board_page_permissions(index_page) -> None:
    """Give the board's staff their page permissions on the board's front page."""
    roles.grant_page_permissions_on(index_page.pk, BOARD_PAGE_PERMISSIONS)
