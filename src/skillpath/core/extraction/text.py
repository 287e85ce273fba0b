"""Split a job ad into sentences and words, in English and French; no Django.

A suggestion quotes the sentence it came from, so :func:`sentences` returns pieces of
the ad exactly as they were written (only the bullet in front and the surrounding
spaces are dropped); comparison works on :func:`normalise`'d text, where accents,
case and typographic apostrophes no longer matter.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["normalise", "sentences", "stem", "tokens"]

# A line starting with one of these is a list item: the marker is not part of it.
_BULLET = re.compile(r"^\s*(?:[-*•·–—▪►✓✔]|\d{1,2}[.)])\s+")
# Where a sentence may end: . ! ? ; or … followed by spaces.
_END = re.compile(r"[.!?;…]+[»\"”’)]*\s+")
# Words after which a full stop does not end the sentence (normalised, no dot).
_ABBREVIATIONS = frozenset(
    {
        "e.g",
        "i.e",
        "eg",
        "ie",
        "ex",
        "p",
        "p. ex",
        "p.ex",
        "cf",
        "vs",
        "approx",
        "env",
        "no",
        "nos",
        "st",
        "ste",
        "dr",
        "mr",
        "mrs",
        "ms",
        "m",
        "mme",
        "inc",
        "ltd",
        "ltee",
        "min",
        "max",
        "hr",
        "h",
    }
)
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'"})
_WORD = re.compile(r"[a-z0-9]+(?:[+#]+)?")
# Function words of both languages, and the ad's own filler, carry no competency.
_STOPWORD_LIST = """
    a an and are as at be been being by can do for from has have in into is it its
    of on or our that the their them they this to we will with you your who whom
    which what when where how all any each other such than then there these those
    must should would may might able ability strong good great well also including
    include includes etc plus per via us new work working job role position team
    le la les l un une des de du d et ou en au aux a dans par pour sur avec sans
    ce cet cette ces son sa ses leur leurs nos notre vos votre vous nous il elle
    ils elles on qui que qu quoi dont est sont etre avoir a ont sera seront se s
    y ne pas plus tres bien ainsi afin selon entre chez comme tout tous toute
    toutes capacite capable poste equipe travail emploi
"""
STOPWORDS = frozenset(_STOPWORD_LIST.split())


def normalise(text: str) -> str:
    """Return ``text`` lower-cased, without accents, with plain apostrophes and spaces.

    Parameters
    ----------
    text : str
        Any text, in any case and with or without accents.

    Returns
    -------
    str
        The text folded so that ``"Réseautique"`` and ``"reseautique"`` compare equal.
    """
    folded = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    stripped = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


def sentences(text: str) -> list[str]:
    """Return the sentences of an ad, each as written, in order.

    A line break always ends a sentence (ads are lists more often than prose), a
    bullet marker is dropped, and ``. ! ? ;`` end a sentence unless the word before
    the full stop is a known abbreviation (``e.g.``, ``p. ex.``, ``M.``). Pieces
    without a letter (rules, numbers alone) are left out.

    Parameters
    ----------
    text : str
        The text of the ad.

    Returns
    -------
    list of str
        Substrings of ``text``.
    """
    found: list[str] = []
    for line in text.splitlines():
        line = _BULLET.sub("", line).strip()
        start = 0
        for end in _END.finditer(line):
            before = line[start : end.start()]
            last_word = normalise(before.rsplit(" ", 1)[-1]) if before else ""
            if end.group().startswith(".") and _is_abbreviation(before, last_word):
                continue
            found.append(line[start : end.end()].strip())
            start = end.end()
        found.append(line[start:].strip())
    return [piece for piece in found if any(ch.isalpha() for ch in piece)]


def _is_abbreviation(before: str, last_word: str) -> bool:
    if last_word in _ABBREVIATIONS:
        return True
    tail = normalise(before[-6:])
    return tail.endswith(("p. ex", "e.g", "i.e"))


def tokens(text: str) -> list[str]:
    """Return the content words of ``text``, normalised and stemmed, in order.

    Function words of English and French are dropped, and each word is cut to its
    stem (:func:`stem`) so that "monitor", "monitors" and "monitoring" meet.
    """
    return [
        stem(word)
        for word in _WORD.findall(normalise(text))
        if word not in STOPWORDS and (len(word) > 1 or word.isdigit())
    ]


def stem(word: str) -> str:
    """Return a crude, language-neutral stem: the first six letters of a long word.

    A prefix is a poor stemmer but a fair one for both languages at once: it maps
    "documenter"/"documentation"/"documents" together without a dictionary.
    """
    return word if len(word) <= 6 else word[:6]
