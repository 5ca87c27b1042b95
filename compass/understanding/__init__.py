"""Understanding a person's own words: the jobs they name, and what they want or avoid."""

from compass.understanding.lexicon import OWN_WORDS_FILE, Lexicon, check_lexicon, load_lexicon
from compass.understanding.reader import OwnWords, OwnWordsReader

__all__ = ["OWN_WORDS_FILE", "Lexicon", "OwnWords", "OwnWordsReader", "check_lexicon", "load_lexicon"]
