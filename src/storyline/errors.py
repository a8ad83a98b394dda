"""The errors storyline raises for people: each message names the file, record or URL at fault."""


class StorylineError(Exception):
    """Base of every error the CLI reports as one line, without a traceback."""


class InputError(StorylineError):
    """An input file or record that cannot be read as an article."""


class FetchError(StorylineError):
    """A URL that could not be fetched safely."""


class StoreError(StorylineError):
    """The database cannot be opened, read or written."""
