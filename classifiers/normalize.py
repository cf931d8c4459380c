"""Text normalisation: defeat the usual evasions, fold Azerbaijani letters, identify the language.

`clean` stays readable (it is what people and the transformer see); `folded` is for rules and the
char n-gram model. Nothing here is expensive at import time: the language detector is built on
first use.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from classifiers.lexicon import AZ_CUE_STEMS, AZ_CUE_WORDS, EN_CUE_WORDS, RU_TRANSLIT_CUE_WORDS

if TYPE_CHECKING:
    from lingua import LanguageDetector

__all__ = [
    "INVISIBLE_RE",
    "Normalized",
    "detect_language",
    "evasions",
    "fold",
    "normalize",
    "strip_invisible",
    "warm_up",
]


@dataclass(frozen=True)
class Normalized:
    """One message in its original form, cleaned, folded for matching, and its language."""

    original: str
    clean: str
    folded: str
    language: str


# Format characters (Unicode category Cf), fillers and variation selectors: they render as
# nothing, so spammers put them inside words to split them for filters.
INVISIBLE_RE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb"
    "\U0001d173-\U0001d17a\U000e0000-\U000e007f\U000e0100-\U000e01ef]"
)
# Combining marks that survive NFKC composition are decoration (zalgo, strike-through) in chat;
# Azerbaijani and Russian letters are all precomposed after NFKC.
_COMBINING_RE = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")

# Small capitals have no NFKC decomposition, so "ᴋᴀᴢɪɴᴏ" would slip through.
_SMALL_CAPS = str.maketrans(
    {
        "ᴀ": "a", "ʙ": "b", "ᴄ": "c", "ᴅ": "d", "ᴇ": "e", "ꜰ": "f", "ɢ": "g", "ʜ": "h",
        "ɪ": "i", "ᴊ": "j", "ᴋ": "k", "ʟ": "l", "ᴍ": "m", "ɴ": "n", "ᴏ": "o", "ᴘ": "p",
        "ʀ": "r", "ꜱ": "s", "ᴛ": "t", "ᴜ": "u", "ᴠ": "v", "ᴡ": "w", "ʏ": "y", "ᴢ": "z",
    }
)  # fmt: skip

# Cyrillic (and Greek) letters that look like Latin ones, for words that are mostly Latin.
_TO_LATIN: dict[str, str] = {
    "а": "a", "в": "b", "е": "e", "о": "o", "р": "p", "с": "c", "х": "x", "у": "y",
    "і": "i", "ѕ": "s", "ј": "j", "к": "k", "м": "m", "т": "t", "н": "h", "һ": "h",
    "ԁ": "d", "ԛ": "q", "ԝ": "w", "ү": "y", "ә": "ə", "ӧ": "ö", "ӱ": "ü", "ҫ": "ç",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
    "С": "C", "Т": "T", "Х": "X", "У": "Y", "І": "I", "Ѕ": "S", "Ј": "J", "Ԛ": "Q",
    "Ԝ": "W", "Ү": "Y", "Ә": "Ə", "Ӧ": "Ö", "Ӱ": "Ü", "Ҫ": "Ç", "Һ": "H",
    "α": "a", "ο": "o", "ρ": "p", "ι": "i", "κ": "k", "ν": "v", "τ": "t", "υ": "u",
    "χ": "x", "ε": "e", "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I",
    "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
}  # fmt: skip
# Latin letters that look like Russian ones, for words that are mostly Cyrillic.
_TO_CYRILLIC: dict[str, str] = {
    "a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у", "k": "к",
    "m": "м", "t": "т", "A": "А", "B": "В", "E": "Е", "K": "К", "M": "М", "H": "Н",
    "O": "О", "P": "Р", "C": "С", "T": "Т", "X": "Х", "Y": "У",
}  # fmt: skip
_DIGIT_TO_LATIN = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g"}
_DIGIT_TO_CYRILLIC = {"0": "о", "3": "з", "4": "ч", "6": "б"}

_LATIN, _CYRILLIC, _GREEK = 1, 2, 3

_WORD_RE = re.compile(r"[^\W_]+")
_DIGIT_RUN_RE = re.compile(r"\d+")
# At least four single letters separated by spaces, dots, dashes...: "k a z i n o", "v.i.a.g.r.a".
_SPACED_RE = re.compile(r"(?<![^\W_])[^\W\d_](?:[ .\-_*·•|]{1,3}[^\W\d_](?![^\W_])){3,}")
_SPACED_SEP_RE = re.compile(r"[ .\-_*·•|]")
_HAS_CYR_OR_GREEK_RE = re.compile("[\u0370-\u03ff\u0400-\u052f]")
_HAS_LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f\u0259]")
_LETTER_DIGIT_RE = re.compile(r"[^\W\d_]\d|\d[^\W\d_]")

# Turkish-aware lowercasing first (İ→i, I→ı), then the Azerbaijani letter fold.
_FOLD_UPPER = str.maketrans({"İ": "i", "I": "ı"})
_FOLD_LOWER = str.maketrans(
    {
        "ə": "e", "ä": "e", "ı": "i", "ş": "s", "ç": "c", "ğ": "g", "ö": "o", "ü": "u",
        "â": "a", "î": "i", "û": "u", "ё": "е", "\u0307": None,
    }
)  # fmt: skip

_CYRILLIC_LETTER_RE = re.compile("[\u0400-\u04ff]")
_LATIN_LETTER_RE = re.compile(r"[A-Za-z\u00c0-\u024f\u0259]")
# Letters that only Azerbaijani Cyrillic uses; Russian text never has them.
_AZ_CYRILLIC_RE = re.compile("[әӘғҒҹҸһҺөӨүҮјЈ]")
# ə and ğ are unmistakably Azerbaijani (or Turkish, which MedGuard treats as Azerbaijani);
# ı, ş, ç, ö, ü appear in no English or Russian word either.
_AZ_LETTER_RE = re.compile("[əƏğĞıİşŞçÇöÖüÜ]")
_TOKEN_RE = re.compile(r"[^\W\d_]+")
_LANGUAGE_SAMPLE = 600
_LINGUA_SAMPLE = 200


def strip_invisible(text: str) -> str:
    """Remove zero-width and other invisible format characters."""
    return INVISIBLE_RE.sub("", text)


def fold(text: str) -> str:
    """Lowercase (Azerbaijani-aware) and fold ə ı ş ç ğ ö ü to plain letters, for matching."""
    return text.translate(_FOLD_UPPER).lower().translate(_FOLD_LOWER)


def normalize(text: str) -> Normalized:
    """Clean, fold and identify the language of one message."""
    clean = _clean(text)
    return Normalized(
        original=text, clean=clean, folded=fold(clean), language=detect_language(clean)
    )


def _clean(text: str) -> str:
    if text.isascii():
        out = text
    else:
        out = strip_invisible(text)
        out = unicodedata.normalize("NFKC", out)
        out = strip_invisible(out)
        out = _COMBINING_RE.sub("", out)
        out = out.translate(_SMALL_CAPS)
    out = _collapse_whitespace(out)
    if _SPACED_RE.search(out):
        out = _SPACED_RE.sub(_join_spaced, out)
    mixed = bool(_HAS_CYR_OR_GREEK_RE.search(out)) and bool(_HAS_LATIN_RE.search(out))
    if mixed or _LETTER_DIGIT_RE.search(out):
        prefer_cyrillic = mixed and _prefers_cyrillic(out)
        out = _WORD_RE.sub(lambda m: _fix_word(m.group(), prefer_cyrillic), out)
    return out


def _collapse_whitespace(text: str) -> str:
    # Line by line keeps the work linear (a regex like \s*\n\s* backtracks on long blank runs).
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _join_spaced(match: re.Match[str]) -> str:
    return _SPACED_SEP_RE.sub("", match.group())


def _prefers_cyrillic(text: str) -> bool:
    sample = text[:2000]
    return len(_CYRILLIC_LETTER_RE.findall(sample)) > len(_LATIN_LETTER_RE.findall(sample))


def _script(ch: str) -> int:
    code = ord(ch)
    if code < 0x2B0 or 0x1E00 <= code < 0x1F00:  # Latin blocks, IPA (ə) included
        return _LATIN if ch.isalpha() else 0
    if 0x400 <= code < 0x530:
        return _CYRILLIC
    if 0x370 <= code < 0x400:
        return _GREEK
    return 0


def _fix_word(word: str, prefer_cyrillic: bool) -> str:
    if word.isascii():
        if word.isalpha() or word.isdigit():
            return word
        return _fix_digits(word, cyrillic=False)
    latin = cyrillic = greek = 0
    for ch in word:
        script = _script(ch)
        if script == _LATIN:
            latin += 1
        elif script == _CYRILLIC:
            cyrillic += 1
        elif script == _GREEK:
            greek += 1
    foreign = cyrillic + greek
    if latin and foreign:
        word, to_cyrillic = _fold_mixed(word, latin, cyrillic, greek, prefer_cyrillic)
    else:
        to_cyrillic = cyrillic > latin
    if any(ch.isdigit() for ch in word):
        return _fix_digits(word, cyrillic=to_cyrillic)
    return word


def _fold_mixed(
    word: str, latin: int, cyrillic: int, greek: int, prefer_cyrillic: bool
) -> tuple[str, bool]:
    """Fold a word that mixes scripts to its majority script; returns it and whether Cyrillic."""
    foreign_letters = [ch for ch in word if _script(ch) in (_CYRILLIC, _GREEK)]
    latin_letters = [ch for ch in word if _script(ch) == _LATIN]
    to_latin_ok = all(ch in _TO_LATIN for ch in foreign_letters)
    to_cyrillic_ok = greek == 0 and all(ch in _TO_CYRILLIC for ch in latin_letters)
    if to_latin_ok and to_cyrillic_ok:
        # Both readings are possible ("Hа"): the longer side wins, a tie goes with the text.
        to_cyrillic = cyrillic > latin or (cyrillic == latin and prefer_cyrillic)
    elif to_latin_ok or to_cyrillic_ok:
        # Only one direction keeps every letter a real letter of the target script.
        to_cyrillic = to_cyrillic_ok
    else:
        to_cyrillic = cyrillic > latin + greek
    table = _TO_CYRILLIC if to_cyrillic else _TO_LATIN
    return "".join(table.get(ch, ch) for ch in word), to_cyrillic


def _fix_digits(word: str, *, cyrillic: bool) -> str:
    """Read digits as letters ("pr0m0", "c4sino") only inside words that are mostly letters."""
    letters = sum(1 for ch in word if ch.isalpha())
    digits = sum(1 for ch in word if ch.isdigit())
    if letters < 2 or letters <= digits:
        return word
    table = _DIGIT_TO_CYRILLIC if cyrillic else _DIGIT_TO_LATIN
    if any(ch.isdigit() and ch not in table for ch in word):
        return word  # "h2o", "5ZTG8K2": a digit no one reads as a letter marks a code
    if not any(ch.islower() for ch in word) and (digits > 2 or any(ch in "56789" for ch in word)):
        return word  # upper-case codes (FİN, series) keep their digits
    singles = [
        m.start()
        for m in _DIGIT_RUN_RE.finditer(word)
        if m.end() - m.start() == 1 and word[m.start()] in table
    ]
    # A digit between two letters is the tell ("pr0mo"); one only at an edge is a real number
    # ("omega3", "mp3", "1xbet"), and runs of digits ("covid19", "b12") always are.
    interior = [i for i in singles if 0 < i < len(word) - 1 and word[i - 1].isalpha()]
    interior = [i for i in interior if word[i + 1].isalpha()]
    if not interior:
        return word
    upper = not any(ch.islower() for ch in word)
    chars = list(word)
    for i in singles:
        before = i > 0 and word[i - 1].isalpha()
        after = i < len(word) - 1 and word[i + 1].isalpha()
        if before or after:
            chars[i] = table[word[i]].upper() if upper else table[word[i]]
    return "".join(chars)


_MIXED_SCRIPT_RE = re.compile(
    "[A-Za-z\u00c0-\u024f][\u0370-\u03ff\u0400-\u04ff]|[\u0370-\u03ff\u0400-\u04ff][A-Za-z\u00c0-\u024f]"
)
_INVISIBLE_IN_WORD_RE = re.compile(rf"[^\W_](?:{INVISIBLE_RE.pattern})+[^\W_]")
# A word with a digit between letters, checked further by `_fix_digits`: "pr0mo", "c4sino".
_LEET_RE = re.compile(r"[^\W_]{0,30}[^\W\d_][0134579][^\W\d_][^\W_]{0,30}")
# Mathematical, fullwidth, circled and small-capital letters.
_FANCY_RE = re.compile("[\U0001d400-\U0001d7ff\uff21-\uff5a\u24b6-\u24e9\u1d00-\u1d22]")


def evasions(text: str) -> list[str]:
    """Which filter-evasion tricks the raw text uses (invisible, mixed_script, spaced...)."""
    found = []
    if _INVISIBLE_IN_WORD_RE.search(text):
        found.append("invisible")
    if _MIXED_SCRIPT_RE.search(INVISIBLE_RE.sub("", text)):
        found.append("mixed_script")
    if _SPACED_RE.search(text):
        found.append("spaced")
    leet = (m.group() for m in _LEET_RE.finditer(text))
    if any(_fix_digits(word, cyrillic=False) != word for word in itertools.islice(leet, 64)):
        found.append("digits")
    if _FANCY_RE.search(text):
        found.append("fancy")
    return found


@cache
def _lingua() -> LanguageDetector:
    # Loading the language models takes about a second: done once, on first need.
    from lingua import Language, LanguageDetectorBuilder

    languages = (Language.AZERBAIJANI, Language.RUSSIAN, Language.ENGLISH, Language.TURKISH)
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def detect_language(text: str) -> str:
    """Identify the language of a message: "az", "ru" or "en" ("az" when unsure)."""
    sample = text[:_LANGUAGE_SAMPLE]
    cyrillic = len(_CYRILLIC_LETTER_RE.findall(sample))
    latin = len(_LATIN_LETTER_RE.findall(sample))
    if cyrillic == 0 and latin == 0:
        return "az"
    if cyrillic > latin:
        return "az" if len(_AZ_CYRILLIC_RE.findall(sample)) >= 2 else "ru"
    if _AZ_LETTER_RE.search(sample):
        return "az"
    az = en = ru = 0
    tokens = _TOKEN_RE.findall(fold(sample))
    for token in tokens:
        if token in RU_TRANSLIT_CUE_WORDS:
            ru += 1
        if token in EN_CUE_WORDS:
            en += 1
        # Diacritic-free Azerbaijani also spells ş, ç, ğ as sh, ch, gh.
        key = token.replace("sh", "s").replace("ch", "c").replace("gh", "g")
        if key in AZ_CUE_WORDS or key.startswith(AZ_CUE_STEMS):
            az += 1
    if ru >= 2 and ru > az and ru > en:
        return "ru"
    if az > en:
        return "az"
    if en > az and (en >= 2 or 2 * en >= len(tokens)):
        return "en"
    # Lingua's cost grows with length (~6 ms at 600 chars); a post's first lines decide it.
    return _lingua_language(sample[:_LINGUA_SAMPLE])


def warm_up() -> None:
    """Load the language models now (about a second) rather than on the first message."""
    _lingua().detect_language_of("salam, necəsiniz")


def _lingua_language(text: str) -> str:
    from lingua import Language

    try:
        found = _lingua().detect_language_of(text)
    except UnicodeEncodeError:
        # Lone surrogates (possible in JSON input) cannot cross into lingua's Rust core.
        found = _lingua().detect_language_of(text.encode("utf-8", "replace").decode("utf-8"))
    if found is Language.RUSSIAN:
        return "ru"
    if found is Language.ENGLISH:
        return "en"
    return "az"
