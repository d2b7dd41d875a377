"""The one exception type for problems a user can fix (bad paths, bad files, bad arguments).

Its message says what was wrong and what to do. The CLI prints it without a traceback; the
plugin shows it in the Processing log or a message bar.
"""


class UserError(Exception):
    """Bad input, explained: raised for anything the user can correct."""
