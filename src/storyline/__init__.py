"""storyline: turn a stream of dated news articles from many outlets into stories."""

__version__ = "0.1.0"
