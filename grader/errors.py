"""The one base class for errors a user caused and can fix: the CLI prints the Korean message
on one line and exits with `exit_code`, never with a traceback."""


class LearnError(Exception):
    exit_code = 2
