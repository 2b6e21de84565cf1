"""One line, not a traceback, for each cache call django-redis ignored.

While Redis is away every request's cache calls fail and are ignored
(IGNORE_EXCEPTIONS), which is expected; a traceback for each would bury the
log under thousands of identical records. The cause stays in the line.
"""

import logging


class CacheOutageInOneLine(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and record.exc_info[1] is not None:
            record.msg = (
                f"Cache (Redis) unreachable, call ignored: {record.exc_info[1]}"
            )
            record.args = ()
            record.exc_info = None
            record.exc_text = None
            record.levelno, record.levelname = logging.WARNING, "WARNING"
        return True
