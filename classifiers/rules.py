"""Rule detectors with explanations: personal data, emergencies, spam cues and health myths.

Rules are tuned for recall where a miss is costly (emergencies, personal data) and leave the
close calls to the model: each hit carries a score, and the ensemble decides. Every pattern is
linear in the length of the text (bounded repetitions, no nested unbounded quantifiers), and
the lexicon's hundreds of patterns are compiled on first use (or `warm_up`), not at import.
"""

from __future__ import annotations

import itertools
import logging
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from typing import TypeVar

import phonenumbers

from classifiers import lexicon
from classifiers.labels import Span
from classifiers.normalize import INVISIBLE_RE, Normalized, evasions, fold, normalize
from classifiers.normalize import warm_up as _warm_up_language

__all__ = [
    "PLACEHOLDERS",
    "RuleHit",
    "detect",
    "find_emergencies",
    "find_myths",
    "find_named_diagnoses",
    "find_personal_data",
    "find_spam",
    "personal_data_hits",
    "redact",
    "warm_up",
]

log = logging.getLogger(__name__)
_T = TypeVar("_T")


@dataclass(frozen=True)
class RuleHit:
    """One rule that fired: the label it supports, its name, a score and what it found."""

    label: str
    rule: str
    score: float
    spans: tuple[Span, ...] = ()
    self_harm: bool = False


PLACEHOLDERS: dict[str, str] = {
    kind: f"[{kind}]" for kind in ("phone", "card", "fin", "passport", "email", "address", "name")
}
_PII_SCORES = {
    "card": 0.95,
    "passport": 0.9,
    "fin": 0.9,
    "email": 0.85,
    "phone": 0.9,
    "address": 0.8,
    "name": 0.7,
}
# When two findings overlap the more specific one wins (a card number is not also a phone).
_PII_PRIORITY = ("card", "passport", "email", "fin", "phone", "address", "name")
_MAX_MATCHES = 64
SELF_HARM_STRONG = 0.95

# ------------------------------------------------------------------------------------------
# Pattern compilation

_GAP = r"(?:\W+\w+){0,3}?\W+"
_GAP1 = r"(?:\W+\w+)?\W+"
# Patterns are written with Azerbaijani letters; folded text has lost the diacritics and
# diacritic-free writers spell ş, ç, ğ as s/sh, c/ch, g/gh.
_AZ_PATTERN = str.maketrans(
    {"ş": "sh?", "ç": "ch?", "ğ": "gh?", "ə": "e", "ı": "i", "ö": "o", "ü": "u", "ё": "е"}
)


def _folded_pattern(pattern: str) -> str:
    return pattern.replace("{G}", _GAP).replace("{G1}", _GAP1).translate(_AZ_PATTERN)


@cache
def _rx(pattern: str, boundary: bool = True) -> re.Pattern[str]:
    source = _folded_pattern(pattern)
    return re.compile(rf"\b(?:{source})" if boundary else source)


# ------------------------------------------------------------------------------------------
# Personal data


def find_personal_data(text: str) -> list[Span]:
    """Phones, cards, FİN, ID/passport numbers, e-mails, addresses and named diagnoses."""
    return _personal_and_public(text)[0]


def find_public_contacts(text: str) -> list[Span]:
    """An institution's official lines and mailboxes: contacts that are not personal data."""
    return _personal_and_public(text)[1]


def _personal_and_public(text: str) -> tuple[list[Span], list[Span]]:
    search, index = _searchable(text)
    found: list[Span] = []
    for finder in (_cards, _passports, _emails, _fins, _phones, _addresses, _names):
        found.extend(finder(search))
    public = [span for span in found if _is_public_contact(search, span)]
    found = [span for span in found if span not in public]
    if index is not None:
        found = [_map_back(span, index) for span in found]
        public = [_map_back(span, index) for span in public]
    return _resolve_overlaps(found), public


def find_named_diagnoses(text: str) -> list[Span]:
    """Spans of person names written next to a diagnosis ("Samirə Quliyevanın xərçəngi var")."""
    search, index = _searchable(text)
    found = _names(search)
    if index is not None:
        found = [_map_back(span, index) for span in found]
    return found


def redact(text: str, spans: Sequence[Span] | None = None) -> str:
    """Replace each personal-data span with a neutral placeholder such as "[phone]"."""
    if spans is None:
        spans = find_personal_data(text)
    parts: list[str] = []
    cursor = 0
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        start, end = max(span.start, cursor), min(span.end, len(text))
        if end <= start:
            continue
        parts.append(text[cursor:start])
        parts.append(PLACEHOLDERS.get(span.kind, "[redacted]"))
        cursor = end
    parts.append(text[cursor:])
    return "".join(parts)


def _searchable(text: str) -> tuple[str, list[int] | None]:
    """The text without invisible characters and NFKC-normalised, with a map to the original."""
    if text.isascii() or (
        not INVISIBLE_RE.search(text) and unicodedata.is_normalized("NFKC", text)
    ):
        return text, None
    chars: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        if INVISIBLE_RE.match(ch):
            continue
        # Per character so that every output character knows where it came from.
        out = ch if ch.isascii() else unicodedata.normalize("NFKC", ch)
        chars.append(out)
        index.extend([i] * len(out))
    index.append(len(text))
    return "".join(chars), index


def _map_back(span: Span, index: list[int]) -> Span:
    start = index[span.start]
    end = index[span.end - 1] + 1 if span.end > span.start else start
    return Span(span.kind, start, end)


def _resolve_overlaps(spans: list[Span]) -> list[Span]:
    rank = {kind: i for i, kind in enumerate(_PII_PRIORITY)}
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (rank.get(s.kind, 99), s.start - s.end, s.start)):
        if all(span.end <= k.start or span.start >= k.end for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s.start)


_CARD_RE = re.compile(
    r"(?<![\d.,])(?:\d{4}[ -]?\d{4}[ -]?\d{4}[ -]?\d{4}(?:[ -]?\d{1,3})?|\d{4}[ -]?\d{6}[ -]?\d{5}"
    r"|\d{13,19})(?![\d.,]\d)"
)


def _luhn(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def _cards(text: str) -> list[Span]:
    spans = []
    for m in _limit(_CARD_RE.finditer(text)):
        digits = re.sub(r"\D", "", m.group())
        if 13 <= len(digits) <= 19 and len(set(digits)) > 1 and _luhn(digits):
            spans.append(Span("card", m.start(), m.end()))
    return spans


_AZ_ID_RE = re.compile(r"\b(?:AZE ?\d{8}|AA ?\d{7})\b")
_ID_CONTEXT_RE = re.compile(
    r"(?i:pasport|паспорт|passport|vəsiqə|vesiqe|şəxsiyyət|sexsiyyet|shexsiyyet|удостоверени"
    r"|id[- ]?kart|id card|seriya|серия)\w{0,12}"
)
_ID_NUMBER_RE = re.compile(r"(?<![\w])(?:[A-ZА-Я]{1,3} ?)?\d[\d ]{5,11}\d(?!\d)")


def _passports(text: str) -> list[Span]:
    spans = [Span("passport", m.start(), m.end()) for m in _limit(_AZ_ID_RE.finditer(text))]
    for ctx in _limit(_ID_CONTEXT_RE.finditer(text)):
        m = _ID_NUMBER_RE.search(text, ctx.end(), ctx.end() + 40)
        if m and sum(ch.isdigit() for ch in m.group()) >= 6:
            spans.append(Span("passport", m.start(), m.end()))
    return spans


_EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,5}")


def _emails(text: str) -> list[Span]:
    if "@" not in text:
        return []
    return [
        Span("email", m.start(), m.end())
        for m in _limit(_EMAIL_RE.finditer(text))
        if "." in m.group().split("@", 1)[1]
    ]


_FIN_CONTEXT_RE = re.compile(
    r"(?<![^\W\d_])[fFpP][iIİı][nN](?![^\W\d_])(?:\W{1,3}[^\W\d_]{2,12}){0,2}?\W{1,5}"
    r"([0-9A-Za-z]{7})(?![0-9A-Za-z])"
)
_FIN_BARE_RE = re.compile(r"(?<![0-9A-Za-z])[0-9A-Z]{7}(?![0-9A-Za-z])")
_NOT_FIN_RE = re.compile(r"H\dN\d|COVID|SARS")


def _fins(text: str) -> list[Span]:
    spans = []
    for m in _limit(_FIN_CONTEXT_RE.finditer(text)):
        code = m.group(1)
        if any(c.isdigit() for c in code) and any(c.isalpha() for c in code):
            spans.append(Span("fin", m.start(1), m.end(1)))
    for m in _limit(_FIN_BARE_RE.finditer(text)):
        code = m.group()
        digits = sum(c.isdigit() for c in code)
        runs = len(re.findall(r"\d+|[A-Z]+", code))
        # Without the word "FİN" only a random-looking mix counts: "5ZTG8K2", not "COVID19".
        if 2 <= digits <= 5 and runs >= 3 and not _NOT_FIN_RE.match(code):
            spans.append(Span("fin", m.start(), m.end()))
    return spans


_PHONE_HINT_RE = re.compile(r"\d(?:\D{0,3}\d){6}")
# Azerbaijani mobiles written without the trunk 0 ("50 123 45 67"), which phonenumbers skips.
_AZ_MOBILE_RE = re.compile(
    r"(?<![\d+])(?:10|50|51|55|60|70|77|99)(?:\d{7}|[ -]\d{3}[ -]\d{2}[ -]\d{2})(?![\d])"
)


# Letters O and separators that adverts put into numbers to slip past filters ("070-2OO-81-81",
# "055 ∙ 908 ∙ 77 ∙ 13"): replaced one for one, so spans found in the copy fit the text.
_DIGIT_O_RE = re.compile(r"(?<=\d)[OoОо]+(?=[\d\s.\-]|$)|(?<=[\s.\-])[OoОо]+(?=\d)")
_ODD_SEPARATOR_RE = re.compile(r"(?<=\d)\s?[∙•·*_|~/]\s?(?=\d)")


# Azerbaijani case and copula endings written onto a number ("0551234567dir", "...67ye"):
# the matcher wants a number to end at a non-letter.
_NUMBER_SUFFIX_RE = re.compile(
    r"(?<=\d)(?:d[ıiuü]r|d[ıiuü]|y?[aəe]|n[ıiuü]|d[aəe]n|[ıiuü]m)(?![^\W\d_])", re.IGNORECASE
)


def _phones(text: str) -> list[Span]:
    spans = _spelled_phones(text)
    text = _DIGIT_O_RE.sub(lambda m: "0" * len(m.group()), text)
    text = _ODD_SEPARATOR_RE.sub(lambda m: " " * (len(m.group()) - 1) + "-", text)
    text = _NUMBER_SUFFIX_RE.sub(lambda m: " " * len(m.group()), text)
    if not _PHONE_HINT_RE.search(text):
        return spans
    try:
        matcher = phonenumbers.PhoneNumberMatcher(
            text, "AZ", leniency=phonenumbers.Leniency.VALID, max_tries=2000
        )
        found: Iterator[phonenumbers.PhoneNumberMatch] = iter(matcher)
        spans.extend(Span("phone", m.start, m.end) for m in _limit(found))
    except Exception:  # a third-party parser must not take the detector down
        log.warning("phone number matcher failed", exc_info=True)
    spans.extend(Span("phone", m.start(), m.end()) for m in _limit(_AZ_MOBILE_RE.finditer(text)))
    return spans


# Digits said in words, as adverts dictate numbers to dodge filters ("sıfır əlli beş, üç yüz
# on iki", "ноль пять пять", "nol' pyat' pyat'"): folded word → value, and its kind.
_NUMBER_WORD_LIST: tuple[tuple[int, str, str], ...] = (
    (0, "unit", "sifir nol nul ноль нуль zero oh"), (1, "unit", "bir odin один one"),
    (2, "unit", "iki dva два two"), (3, "unit", "uc tri три three"),
    (4, "unit", "dord chetyre четыре four"), (5, "unit", "bes pyat пять five"),
    (6, "unit", "alti shest шесть six"), (7, "unit", "yeddi yedi sem семь seven"),
    (8, "unit", "sekkiz sekiz vosem восемь eight"), (9, "unit", "doqquz dokuz devyat девять nine"),
    (10, "tens", "on desyat десять ten"), (20, "tens", "iyirmi dvadtsat двадцать twenty"),
    (30, "tens", "otuz tridtsat тридцать thirty"), (40, "tens", "qirx sorok сорок forty"),
    (50, "tens", "elli pyatdesyat пятьдесят fifty"),
    (60, "tens", "altmis shestdesyat шестьдесят sixty"),
    (70, "tens", "yetmis semdesyat семьдесят seventy"),
    (80, "tens", "seksen vosemdesyat восемьдесят eighty"),
    (90, "tens", "doxsan devyanosto девяносто ninety"),
    (11, "tens", "odinnadtsat одиннадцать eleven"), (12, "tens", "dvenadtsat двенадцать twelve"),
    (13, "tens", "trinadtsat тринадцать thirteen"),
    (14, "tens", "chetyrnadtsat четырнадцать fourteen"),
    (15, "tens", "pyatnadtsat пятнадцать fifteen"),
    (16, "tens", "shestnadtsat шестнадцать sixteen"),
    (17, "tens", "semnadtsat семнадцать seventeen"),
    (18, "tens", "vosemnadtsat восемнадцать eighteen"),
    (19, "tens", "devyatnadtsat девятнадцать nineteen"),
    (100, "hundred", "yuz sto сто hundred"), (200, "hundreds", "двести"),
    (300, "hundreds", "триста"), (400, "hundreds", "четыреста"), (500, "hundreds", "пятьсот"),
    (600, "hundreds", "шестьсот"), (700, "hundreds", "семьсот"), (800, "hundreds", "восемьсот"),
    (900, "hundreds", "девятьсот"), (0, "plus", "plus плюс pilyus"),
)  # fmt: skip
# Keys as `_number_token` looks them up: folded, soft signs dropped ("пять" = "pyat'" = "пят").
_NUMBER_WORDS: dict[str, tuple[int, str]] = {
    word.replace("ь", ""): (value, kind)
    for value, kind, words in _NUMBER_WORD_LIST
    for word in words.split()
}
_NUMBER_WORD_RE = re.compile(r"[^\W\d_]+['’ʼ]?")
_NUMBER_GAP_RE = re.compile(r"[\s,.\-–—:;()]*")
# A dictated Azerbaijani number: 0 + operator + 7 digits, or 994 + operator + 7.
# One digit short still counts: people drop one when dictating, the advert stays an advert.
_SPOKEN_PHONE_RE = re.compile(r"^(?:\+?994|0)?(?:10|12|50|51|55|60|70|77|99)\d{6,7}$")


def _number_token(word: str) -> tuple[int, str] | None:
    return _NUMBER_WORDS.get(fold(word).rstrip("'’ʼ").replace("ь", ""))


def _spelled_phones(text: str) -> list[Span]:
    """Phone numbers said in words, found as runs of number words that spell one."""
    spans: list[Span] = []
    run: list[tuple[int, int, tuple[int, str]]] = []
    for m in itertools.chain(_limit(_NUMBER_WORD_RE.finditer(text), 400), [None]):
        token = _number_token(m.group()) if m else None
        joined = (
            bool(run)
            and m is not None
            and bool(_NUMBER_GAP_RE.fullmatch(text, run[-1][1], m.start()))
        )
        if token is not None and m is not None and (joined or not run):
            run.append((m.start(), m.end(), token))
            continue
        if len(run) >= 4 and _SPOKEN_PHONE_RE.match(_spoken_digits([t for _, _, t in run])):
            spans.append(Span("phone", run[0][0], run[-1][1]))
        run = [(m.start(), m.end(), token)] if token is not None and m is not None else []
    return spans


def _spoken_digits(tokens: list[tuple[int, str]]) -> str:
    """The digits a run of number words dictates ("üç yüz on iki" → "312")."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        value, kind = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if kind == "plus":
            out.append("+")
        elif kind == "unit" and nxt is not None and nxt[1] == "hundred":
            out.append(str(value * 100 + _tail(tokens, i + 2)))
            i += 1 + _tail_len(tokens, i + 2)
        elif kind in ("hundred", "hundreds"):
            out.append(str(value + _tail(tokens, i + 1)))
            i += _tail_len(tokens, i + 1)
        elif (
            kind == "tens" and value % 10 == 0 and nxt is not None and nxt[1] == "unit" and nxt[0]
        ):
            out.append(str(value + nxt[0]))
            i += 1
        else:
            out.append(str(value))
        i += 1
    return "".join(out)


def _tail_len(tokens: list[tuple[int, str]], i: int) -> int:
    """How many words after a hundred belong to it (tens, unit, or tens + unit)."""
    n = 0
    if i < len(tokens) and tokens[i][1] == "tens":
        n = 1
        if tokens[i][0] % 10 == 0 and i + 1 < len(tokens) and tokens[i + 1][1] == "unit":
            n = 2 if tokens[i + 1][0] else 1
    elif i < len(tokens) and tokens[i][1] == "unit" and tokens[i][0]:
        n = 1
    return n


def _tail(tokens: list[tuple[int, str]], i: int) -> int:
    return sum(tokens[j][0] for j in range(i, i + _tail_len(tokens, i)))


_UP = "A-ZƏÜÖĞİŞÇ"
_AZ_STREET = (
    r"küç(?:əsi|ə)?\.?|kuc(?:esi|e)?\.?|kuch(?:esi|e)?\.?|prospekti|prospekt|pr\.|pr-ti|pr-t"
    r"|prosp\.?|döngəsi|dongesi|dalanı|dalani|şossesi|shossesi|sossesi|bulvarı|bulvari|massivi"
    r"|mikrorayonu|mikrorayon|mkr\.?|m/r|qəsəbəsi|qesebesi"
)
_HOUSE_NUMBER = r"\d{1,4}(?:\s?[a-zA-Zа-яА-Я](?![^\W\d_]))?(?:/\d{1,4})?(?![\d.,]\d)"
_FLAT = (
    r"(?:\s{0,3},?\s{0,3}(?i:mənzil|menzil|mənz\.|m\.|kv\.?|кв\.?|квартира|apt\.?|apartment"
    r"|flat)\s{0,3}\d{1,4})"
)
_ADDRESS_RES = (
    # "Təbriz küç. 45, mənzil 12", "Azadlıq pr. 120", "28 May küçəsi, ev 3"
    re.compile(
        rf"(?:(?<![\w'’.\-])(?:(?:[{_UP}\d][\w'’.\-]{{0,30}}\s{{1,3}}){{1,3}}"
        rf"|[^\W\d_][\w'’\-]{{0,30}}\s{{1,3}}))?"
        rf"(?i:{_AZ_STREET})(?![^\W\d_])\s{{0,3}},?\s{{0,3}}"
        rf"(?:(?i:ev|bina|house|no\.?|№)\s{{0,3}})?{_HOUSE_NUMBER}{_FLAT}?"
    ),
    # "ул. Низами 23, кв. 5", "улица Низами, дом 23"
    re.compile(
        r"(?i:улица|ул\.?|проспект|просп\.?|пр-т|пр\.|переулок|пер\.|бульвар|б-р|шоссе"
        r"|микрорайон|мкр\.?)(?![^\W\d_])\s{0,3}(?:[^\W\d_][\w.\-]{0,30}\s{0,3}){1,3}?,?\s{0,3}"
        rf"(?:(?i:д\.|дом)\s{{0,3}})?{_HOUSE_NUMBER}{_FLAT}?"
    ),
    # "12 Baker Street, apt 4"
    re.compile(
        r"(?<![\d.,])\d{1,5}\s{1,3}(?:[A-Z][\w.\-]{0,30}\s{1,3}){1,3}"
        r"(?i:street|st\.|avenue|ave\.?|road|rd\.?|lane|blvd\.?|boulevard)(?![^\W\d_])"
        r"(?:\s{0,3},?\s{0,3}(?i:apt\.?|apartment|flat|unit)\s{0,3}\d{1,4})?"
    ),
)
_FLAT_RE = re.compile(_FLAT)
_INSTITUTION_RE = re.compile(
    r"(?i:klinika|xəstəxana|xestexana|poliklinika|mərkəz|merkez|aptek|filial|клиник|больниц"
    r"|поликлиник|аптек|центр|clinic|hospital|pharmacy|office|eczaxana|laboratoriya)"
)
# Words that make a number an institution's published line, not just one near a clinic's name
# (adverts with a clinic's landline are labelled personal data, as the guidelines ask).
_OFFICIAL_LINE_RE = re.compile(
    r"(?i:rəsmi|resmi|официальн|official|qaynar|горяч|hotline|call.?cent|qeydiyyat|registratura"
    r"|регистратур|справочн|reception|call.?m[əe]rk[əe]z|колл.?центр|q[əe]bul (?:ş|s)[öo]b"
    r"|q[əe]bul x[əe]tt|при[её]мн\w* отделени|public (?:number|line|phone|nömrə)"
    # a beach's or a village's first-aid post, announced (`independent28`)
    r"|медпункт|tibb məntəqə|feldşer məntəqə|first.?aid (?:post|station))"
)
# How far from an address or a number the institution it belongs to may be named.
_INSTITUTION_BEFORE = 60
_INSTITUTION_AFTER = 30
# Operator codes of Azerbaijani mobiles (after 994 or the trunk 0): a person's line.
_MOBILE_CODES = ("10", "50", "51", "55", "60", "70", "77", "99")
_PUBLIC_MAILBOX_RE = re.compile(
    r"^(?:info|contact|office|reception|qeydiyyat|registratura|support|admin|hello|press)\b"
)


def _near_institution(
    text: str, start: int, end: int, pattern: re.Pattern[str] = _INSTITUTION_RE
) -> bool:
    window = text[max(0, start - _INSTITUTION_BEFORE) : end + _INSTITUTION_AFTER]
    return bool(pattern.search(window))


def _is_public_contact(text: str, span: Span) -> bool:
    """An institution's official landline or mailbox is published to be used.

    The corpus labels "our clinic's official number: 012 510 10 10" benign. A mobile number
    stays personal even beside a clinic's name: it is usually someone's own phone.
    """
    value = text[span.start : span.end]
    if span.kind == "email":
        local, _, domain = value.lower().partition("@")
        return bool(_PUBLIC_MAILBOX_RE.match(local)) or domain.endswith((".gov.az", ".edu.az"))
    if span.kind != "phone":
        return False
    digits = re.sub(r"\D", "", value)
    if len(digits) == 12 and digits.startswith("994"):
        digits = digits[3:]
    elif len(digits) == 10 and digits.startswith("0"):
        digits = digits[1:]
    return (
        len(digits) == 9
        and not digits.startswith(_MOBILE_CODES)
        and _near_institution(text, span.start, span.end, _OFFICIAL_LINE_RE)
    )


_STREET_GATE_RE = re.compile(
    r"(?i:küç|kuc|prosp|pr\.|pr-|döngə|donge|dalan|şosse|shosse|sosse|bulvar|massiv|mikrorayon|mkr"
    r"|m/r|qəsəbə|qesebe|ул|улиц|пр|пер|бульвар|б-р|шоссе|мкр|микрорайон|street|st\.|ave|road"
    r"|rd\.|lane|blvd|boulevard)"
)


def _addresses(text: str) -> list[Span]:
    if not _STREET_GATE_RE.search(text):
        return []
    spans = []
    for rx in _ADDRESS_RES:
        for m in _limit(rx.finditer(text)):
            # A clinic's public address is not personal data; a flat number always is.
            if _near_institution(text, m.start(), m.end()) and not _FLAT_RE.search(m.group()):
                continue
            spans.append(Span("address", m.start(), m.end()))
    return spans


_CAP_WORD_RE = re.compile(
    r"(?<![^\W\d_])(?:[A-ZƏÜÖĞIİŞÇА-ЯЁ]\.\s?)?[A-ZƏÜÖĞIİŞÇА-ЯЁ][a-zəüöğışçа-яё]+(?:['’-][a-zəüöğışç]+)?"
    r"(?![^\W\d_])"
)
_SURNAME_RE = re.compile(
    r"^[^\W\d_]{2,}(?:ova|yeva|eva|ov|yev|ev|zadə|zade|lı|li|lu|lü|bəyli|beyli)"
    r"(?:nın|nin|nun|nün|ya|yə|ye|dan|dən|den|da|də|de|nı|ni|nu|nü|un|ün|a|ə|e|u|ü|ın|in|ı|i)?$"
    r"|^[^\W\d_]{2,}(?:ов|ев|ёв|ин|ын|ск|цк)(?:а|ой|у|ым|ого|ому|ая|ий|ую|ом|е|ых|ы)?$"
)
_PATRONYMIC_RE = re.compile(
    r"\s{1,3}(?:(?:[A-ZƏÜÖĞIİŞÇ][a-zəüöğışç]{1,20}\s{1,3})?(?:oğlu|qızı|oglu|qizi)"
    r"|[A-ZƏÜÖĞIİŞÇА-ЯЁ]\.|[А-ЯЁ][а-яё]{1,20}(?:вич|вна)|(?:[А-ЯЁ][а-яё]{1,20}\s{1,3})?(?:оглы|кызы))"
    r"(?![^\W\d_])"
)
_INITIAL_AFTER_RE = re.compile(r"\s{1,3}[A-ZƏÜÖĞIİŞÇА-ЯЁ]\.")
# "Heydər Əliyev adına xəstəxana", "больница имени Семашко": a name that names a place.
_NAMED_AFTER_RE = re.compile(r"\s{1,3}(?:adına|adina|adlı|adli)(?![^\W\d_])")
_NAMED_BEFORE_RE = re.compile(r"(?:имени|им\.)\s{1,3}$")


# "соседка Рена из третьего подъезда, у неё ВИЧ": a first name alone, pinned down by who the
# person is to the writer. Plurals ("qonşular, Masazırda …") address the group instead.
_RELATION_NAME_RE = re.compile(
    r"(?i:(?<![^\W\d_])(?:соседк[аеиуо]\w*|сосед(?:а|у|ом)?|qonşu(?!lar)\w*|qonsu(?!lar)\w*"
    r"|neighbou?r|коллег[аеиуо]\w*|iş yoldaşı\w*|is yoldasi\w*|colleague|co-?worker))"
    r"[ ,:]{1,3}([A-ZƏÜÖĞIİŞÇА-ЯЁ][a-zəüöğışçа-яё]{2,20})(?![^\W\d_])"
)


def _names(text: str) -> list[Span]:
    diagnosis = _rx(lexicon.DIAGNOSES)
    if not diagnosis.search(fold(text)):
        return []
    words = list(_limit(_CAP_WORD_RE.finditer(text), 400))
    spans: list[Span] = []
    for first, second in itertools.pairwise(words):
        gap = text[first.end() : second.start()]
        if gap.strip() or len(gap) > 3:
            continue
        a, b = first.group(), second.group()
        if a.isupper() or b.isupper() or _is_title(a) or _is_title(b):
            continue
        if not (_is_surname(a) or _is_surname(b)):
            continue
        if _names_a_place(text, first.start(), second.end()):
            continue
        spans.append(_with_patronymic(text, first.start(), second.end()))
    for m in _limit(_RELATION_NAME_RE.finditer(text), 16):
        if not _is_title(m.group(1)) and not _names_a_place(text, m.start(1), m.end(1)):
            spans.append(_with_patronymic(text, m.start(1), m.end(1)))
    # A surname with an initial: "S. Quliyeva", "Quliyeva S."
    for word in words:
        surname = word.group().split(".")[-1].strip()
        initial_after = _INITIAL_AFTER_RE.match(text, word.end())
        if _is_surname(surname) and ("." in word.group() or initial_after):
            end = initial_after.end() if initial_after else word.end()
            if not _names_a_place(text, word.start(), end):
                spans.append(Span("name", word.start(), end))
    return [s for s in spans if diagnosis.search(fold(text[max(0, s.start - 80) : s.end + 80]))]


def _with_patronymic(text: str, start: int, end: int) -> Span:
    patronymic = _PATRONYMIC_RE.match(text, end)
    return Span("name", start, patronymic.end() if patronymic else end)


_WORD_BEFORE_RE = re.compile(r"([^\W\d_]+)\W{1,3}$")
_WORD_AFTER_RE = re.compile(r"\W{1,3}([^\W\d_]+)")


# "Mən Aynur Həsənova, diabetim var": the writer's own name and diagnosis, theirs to share.
_SELF_INTRO_RE = re.compile(
    r"(?i:(?<![^\W\d_])(?:mən|men|adım|adim|меня\s+зовут|я|my\s+name\s+is|i\s+am|i'm|im)"
    r"\s{0,3}[:,\-–—]?\s{1,3})$"
)

# "I'm Leyla Aliyeva's sister", "mən Aynurun bacısıyam": someone else's name after all.
_POSSESSIVE_RE = re.compile(r"(?:['’]s|n[ıiuü]n|[ıiuü]n)$")


def _names_a_place(text: str, start: int, end: int) -> bool:
    """A place named after a person, a doctor introduced by profession, or the writer: no patient
    someone else exposed."""
    before = text[max(0, start - 24) : start]
    if _NAMED_AFTER_RE.match(text, end) or _NAMED_BEFORE_RE.search(before):
        return True
    if _SELF_INTRO_RE.search(before) and not _POSSESSIVE_RE.search(text[start:end]):
        return True
    prev, after = _WORD_BEFORE_RE.search(before), _WORD_AFTER_RE.match(text, end)
    words = [fold(m.group(1)) for m in (prev, after) if m]
    return any(w.startswith(lexicon.PROFESSIONS) for w in words)


def _is_surname(word: str) -> bool:
    return bool(_SURNAME_RE.match(word.lower().replace("i̇", "i")))


def _is_title(word: str) -> bool:
    return fold(word).rstrip(".") in _name_stopwords()


@cache
def _name_stopwords() -> frozenset[str]:
    return frozenset(fold(w) for w in lexicon.NAME_STOPWORDS)


# A number the phone finder does not read as Azerbaijani ("0357 24 15 40" in Marneuli,
# "8 (87240) 4-11-03" in Derbent) still reads as personal data to the models.
_DIGIT_RUN_RE = re.compile(r"\d[\d\s()\-]{5,}\d")


def _foreign_official_line(text: str) -> bool:
    """A number of six digits or more beside an official-line word ("qeydiyyat", "справочная")."""
    return any(
        len(re.sub(r"\D", "", m.group(0))) >= 6
        and _near_institution(text, m.start(), m.end(), _OFFICIAL_LINE_RE)
        for m in _DIGIT_RUN_RE.finditer(text[:4000])
    )


def personal_data_hits(text: str) -> list[RuleHit]:
    """Personal-data findings grouped into one hit per kind.

    A message whose only contacts are official lines gets a `public_contact` hit instead: not
    a label, it damps the models, which learnt that a phone number means personal data.
    """
    personal, public = _personal_and_public(text)
    by_kind: dict[str, list[Span]] = {}
    for span in personal:
        by_kind.setdefault(span.kind, []).append(span)
    if public and not personal:
        return [RuleHit("public_contact", f"public:{public[0].kind}", 1.0)]
    if not personal and _foreign_official_line(text):
        return [RuleHit("public_contact", "public:landline", 1.0)]
    return [
        RuleHit("personal_data", f"pii:{kind}", _PII_SCORES.get(kind, 0.8), tuple(spans))
        for kind, spans in by_kind.items()
    ]


# ------------------------------------------------------------------------------------------
# Emergencies


class _Alternation:
    """Many patterns searched in one pass: a combined gate finds where any of them starts."""

    def __init__(self, groups: Sequence[Sequence[str]]) -> None:
        sources = [[_folded_pattern(p) for p in group] for group in groups]
        # One scan with the word boundary factored out is several times faster than a scan
        # per pattern; the per-group patterns then run only where the gate stopped.
        self.gate = re.compile(r"\b(?:" + "|".join(p for g in sources for p in g) + ")")
        self.groups = [
            re.compile(r"\b(?:" + "|".join(f"(?P<c{i}>{p})" for i, p in enumerate(g)) + ")")
            for g in sources
        ]

    def matches(
        self, text: str, limit: int = _MAX_MATCHES
    ) -> Iterator[tuple[int, int, re.Match[str]]]:
        """(group, pattern within the group, match) for every start position where one fits."""
        pos = 0
        for _ in range(limit):
            found = self.gate.search(text, pos)
            if found is None:
                return
            start = found.start()
            for g, rx in enumerate(self.groups):
                m = rx.match(text, start)
                if m is not None:
                    yield g, int((m.lastgroup or "c0")[1:]), m
            pos = start + 1


@cache
def _emergency_topics() -> tuple[tuple[str, tuple[lexicon.Cue, ...]], ...]:
    topics: dict[str, list[lexicon.Cue]] = {}
    for cue in lexicon.EMERGENCY_CUES:
        topics.setdefault(cue.topic, []).append(cue)
    return tuple((topic, tuple(cues)) for topic, cues in topics.items())


@cache
def _emergency_alternation() -> _Alternation:
    # Within a topic, lexicon order decides which cue a position gets (specific before bare).
    return _Alternation([[c.pattern for c in cues] for _, cues in _emergency_topics()])


class _Context:
    """Lazily evaluated facts about a whole message that switch emergency cues on or off."""

    def __init__(self, folded: str) -> None:
        self.text = folded

    def _has(self, pattern: str) -> bool:
        return bool(_rx(pattern).search(self.text))

    @cached_property
    def urgent(self) -> bool:
        exclaimed = "!!" in self.text and not self._has(lexicon.YEAR_AGO)
        ongoing = self._has(lexicon.ONGOING) and not self.educational
        return exclaimed or ongoing or self._has(lexicon.URGENT)

    @cached_property
    def past(self) -> bool:
        return self._has(lexicon.PAST)

    @cached_property
    def gratitude(self) -> bool:
        return self._has(lexicon.GRATITUDE) and not self._has(lexicon.THANKS_IN_ADVANCE)

    @cached_property
    def educational(self) -> bool:
        return self._has(lexicon.EDUCATIONAL) and not self._has(lexicon.PERSONAL)

    @cached_property
    def chronic(self) -> bool:
        return bool(_rx(lexicon.CHRONIC).search(_rx(lexicon.DISMISSAL).sub(" ", self.text)))

    @cached_property
    def post_event(self) -> bool:
        return self._has(lexicon.POST_EVENT)

    @cached_property
    def laughing(self) -> bool:
        return bool(_rx(lexicon.LAUGH, boundary=False).search(self.text))

    @cached_property
    def joke(self) -> bool:
        return self._has(lexicon.JOKE)

    @cached_property
    def self_harm_off(self) -> bool:
        """A joke, pills taken as a doctor said, a story from years ago that is not happening
        again, or a past crisis whose person is now in care. Not gratitude (farewells thank
        people) nor "now I am fine" (said hours after 40 paracetamol tablets, in the corpus)."""
        if self.joke or self._has(lexicon.AS_PRESCRIBED):
            return True
        if self.urgent or self._has(lexicon.AGAIN):
            return False
        return self._has(lexicon.LONG_AGO) or (self.past and self._has(lexicon.IN_CARE))

    @cached_property
    def infant(self) -> bool:
        return self._has(lexicon.INFANT)

    @cached_property
    def off(self) -> bool:
        """A past event, thanks to the crew or an article: not an emergency now. "Now at home"
        does not end a story that is still going on ("сейчас дома между курсами … дёсна кровят
        с утра не переставая")."""
        now_well = self._has(lexicon.NOW_WELL) and not self._has(lexicon.ONGOING)
        return now_well or self.off_whoever_seems_well

    def explained(self, topic: str, score: float) -> bool:
        """Whether the message explains the symptom away (a blocked nose, a panic attack)."""
        return any(
            t == topic and score <= highest and self._has(pattern)
            for t, pattern, highest in lexicon.EXPLAINED_AWAY
        )

    @cached_property
    def swallowed(self) -> bool:
        return self._has(lexicon.INGESTED)

    @cached_property
    def off_whoever_seems_well(self) -> bool:
        """`off`, except that someone who seems well now may still be in danger (poisoning)."""
        if self._has(lexicon.RECOVERED):
            return True
        if self.urgent:
            return False
        return (
            self.past
            or self.laughing
            or self.joke
            or self.gratitude
            or self.educational
            or self.chronic
            or self.feared
            or self._has(lexicon.ALMOST)
        )

    @cached_property
    def feared(self) -> bool:
        return self._has(lexicon.FEARED)


def find_emergencies(norm: Normalized) -> list[RuleHit]:
    """Emergency cues (recall first) with self-harm marked, on the folded text."""
    text = norm.folded
    ctx = _Context(text)
    topics = _emergency_topics()
    best: dict[int, float] = {}
    named_only: dict[int, bool] = {}  # the topic's only cues were bare names
    for t, c, m in _emergency_alternation().matches(text):
        cue = topics[t][1][c]
        if _negated(text, m):
            continue
        if cue.weak and not ctx.urgent and (ctx.post_event or ctx.past or ctx.educational):
            continue
        best[t] = max(best.get(t, 0.0), cue.score)
        named_only[t] = named_only.get(t, True) and cue.weak
    hits: list[RuleHit] = []
    for t, base in best.items():
        topic = topics[t][0]
        self_harm = topic == "self_harm"
        if self_harm:
            over = ctx.self_harm_off
        else:
            swallowed = topic == "poisoning" and ctx.swallowed
            over = ctx.off_whoever_seems_well if swallowed else ctx.off
        if over:
            continue
        score = base
        if topic == "cardiac" and _rx(lexicon.CARDIAC_AMPLIFIERS).search(text):
            score = 0.95
        if ctx.explained(topic, score):
            continue
        # A bare name beside a child word ("uşaq vaxtı astma olmuşam") is not a baby's distress.
        infant_topic = topic in ("seizure", "breathing", "poisoning", "unconscious")
        if infant_topic and ctx.infant and not named_only[t]:
            score = max(score, 0.9)
        if ctx.urgent:
            score += 0.05
        # Self-harm cues of 0.9 (a rope ready, farewell letters, pills swallowed) were right 26
        # times in 27 on the corpus, the 27th being ideation, where the crisis message still
        # fits: they stand alone, without waiting for the model to agree.
        if self_harm and base >= 0.9:
            score = max(score, SELF_HARM_STRONG)
        hits.append(_emergency_hit(topic, score, self_harm=self_harm))
    if not ctx.off and (_newborn_high_fever(text) or _newborn_fever(text)):
        score = 0.95 if _newborn_high_fever(text) else 0.85
        hits.append(_emergency_hit("newborn_fever", score, self_harm=False))
    if not ctx.off and _newborn_danger(text):
        hits.append(_emergency_hit("newborn", 0.85, self_harm=False))
    return sorted(hits, key=lambda h: -h.score)


def _emergency_hit(topic: str, score: float, *, self_harm: bool) -> RuleHit:
    score = round(min(0.95, max(0.6, score)), 2)
    return RuleHit("emergency", f"emergency:{topic}", score, self_harm=self_harm)


def _newborn_fever(text: str) -> bool:
    if not (_rx(lexicon.NEWBORN).search(text) and _rx(lexicon.BABY).search(text)):
        return False
    fevers = _limit(_rx(lexicon.FEVER).finditer(text), 8)
    return any(not _negated(text, m) for m in fevers)


def _newborn_danger(text: str) -> bool:
    if not _rx(lexicon.NEWBORN_AGE).search(text):
        return False
    signs = _limit(_rx(lexicon.NEWBORN_DANGER).finditer(text), 8)
    return any(not _negated(text, m) for m in signs)


def _newborn_high_fever(text: str) -> bool:
    if not _rx(lexicon.NEWBORN_AGE).search(text):
        return False
    fevers = _limit(_rx(lexicon.HIGH_FEVER).finditer(text), 8)
    return any(not _negated(text, m) for m in fevers)


_WORD_REST_RE = re.compile(r"\w{0,40}")


def _negated(text: str, m: re.Match[str]) -> bool:
    if _rx(lexicon.NEGATION_BEFORE, boundary=False).search(
        text, max(0, m.start() - 24), m.start()
    ):
        return True
    rest = _WORD_REST_RE.match(text, m.end())
    if rest and _rx(lexicon.NEGATIVE_SUFFIX, boundary=False).match(rest.group()):
        return True
    after = text[m.end() : m.end() + 32]
    return bool(_rx(lexicon.NEGATION_AFTER, boundary=False).search(after))


# ------------------------------------------------------------------------------------------
# Spam


def find_spam(norm: Normalized, *, has_phone: bool = False) -> list[RuleHit]:
    """Advert cues: links, contact-me, selling, casino/crypto/earnings, miracle cures, evasion."""
    text = norm.folded
    hits: list[RuleHit] = []
    links = list(_limit(_rx(lexicon.LINK, boundary=False).finditer(text)))
    links = [m for m in links if not (m.start() and text[m.start() - 1] in "@.")]
    grateful = bool(_rx(lexicon.GRATITUDE).search(text))
    if links:
        invite = bool(_rx(lexicon.INVITE_LINK, boundary=False).search(text))
        score = 0.35 if len(links) == 1 else 0.6 if len(links) == 2 else 0.8
        if invite:
            score = max(score, 0.6)
        elif len(links) == 1 and grateful:
            # A single article shared with thanks: leave it to the model.
            score = 0.25
        hits.append(RuleHit("spam", "spam:link", score))
    if _rx(lexicon.SPAM_CONTACT).search(text):
        hits.append(RuleHit("spam", "spam:contact", 0.75 if links or has_phone else 0.55))
    sales = sum(1 for p in lexicon.SALES_GROUPS if _rx(p).search(text))
    if sales:
        hits.append(RuleHit("spam", "spam:sales", (0.45, 0.7, 0.85, 0.85)[sales - 1]))
    if _rx(lexicon.CASINO_BRANDS).search(text):
        hits.append(RuleHit("spam", "spam:casino", 0.9))
    elif _rx(lexicon.CASINO).search(text):
        hits.append(RuleHit("spam", "spam:casino", 0.75))
    if _rx(lexicon.CRYPTO).search(text):
        hits.append(RuleHit("spam", "spam:crypto", 0.65))
    if _rx(lexicon.EARNINGS).search(text):
        hits.append(RuleHit("spam", "spam:earnings", 0.65))
    miracle = sum(1 for p in lexicon.MIRACLE if _rx(p).search(text))
    if miracle:
        hits.append(RuleHit("spam", "spam:miracle", 0.6 if miracle == 1 else 0.8))
    tricks = evasions(norm.original)
    if tricks:
        hits.append(RuleHit("spam", "spam:obfuscation", min(0.85, 0.3 + 0.15 * len(tricks))))
    kinds = {h.rule for h in hits if h.rule != "spam:obfuscation" and h.score >= 0.45}
    # Independent advert cues together are much stronger than any one of them, and advert
    # words someone took the trouble to disguise are stronger still.
    bonus = (0.1 if len(kinds) >= 2 else 0.0) + (0.2 if kinds and tricks else 0.0)
    if bonus:
        hits = [RuleHit(h.label, h.rule, h.score + bonus) for h in hits]
    hits = [RuleHit(h.label, h.rule, round(min(0.95, h.score), 2)) for h in hits]
    return sorted(hits, key=lambda h: -h.score)


# ------------------------------------------------------------------------------------------
# Health myths


def find_myths(norm: Normalized) -> list[RuleHit]:
    """Common health myths (az/ru/en): all of a myth's concepts close together, not debunked."""
    text = norm.folded
    anchors = _myth_anchors()
    found: dict[int, list[re.Match[str]]] = {}
    for a, _, m in anchors.matches(text, limit=32):
        found.setdefault(a, []).append(m)
    hits: list[RuleHit] = []
    for myth, a in zip(lexicon.MYTHS, _myth_anchor_index(), strict=True):
        best = 0.0
        for m in found.get(a, ()):
            lo, hi = max(0, m.start() - myth.window), m.end() + myth.window
            others = [_rx(c).search(text, lo, hi) for c in myth.concepts[1:]]
            if not all(others):
                continue
            # Debunking or asking counts only in the sentences that carry the claim.
            starts = [m.start()] + [o.start() for o in others if o]
            ends = [m.end()] + [o.end() for o in others if o]
            lo, hi = _sentence_bounds(text, min(starts), max(ends))
            if myth.debunk and _rx(myth.debunk, boundary=False).search(text, lo, hi):
                continue
            asked = _rx(lexicon.MYTH_QUESTION, boundary=False).search(text, lo, hi)
            best = max(best, 0.45 if asked else myth.score)
        if best:
            hits.append(RuleHit("misinformation", f"myth:{myth.id}", best))
    return sorted(hits, key=lambda h: -h.score)


def find_debunk(norm: Normalized) -> list[RuleHit]:
    """A stand taken against a health claim ("Миф: …", "bu yalandır", "does not cause").

    Not a label: a `debunk` hit damps what the models read as misinformation, since they learn
    a myth's words and a debunk repeats them. The myth rules keep their own score.
    """
    text = norm.folded[:4000]
    m = _rx(lexicon.DEBUNK_STANCE, boundary=False).search(text) or next(
        (
            c
            for c in _rx(lexicon.NOT_A_CURE, boundary=False).finditer(text)
            if not _rx(lexicon.MEDICINE).search(
                text, _sentence_bounds(text, c.start(), c.end())[0], c.start()
            )
        ),
        None,
    )
    return [RuleHit("debunk", f"debunk:{m.group(0).strip()}", 1.0)] if m else []


def find_own_care(norm: Normalized) -> list[RuleHit]:
    """A warning against self-medication, or one's own prescription reported, not passed on.

    Not labels: both read like advice to the models (a drug, a dose, "don't") and damp it.
    """
    text = norm.folded[:4000]
    hits: list[RuleHit] = []
    if m := _rx(lexicon.SELF_MEDICATION_WARNING).search(text):
        hits.append(RuleHit("caution", f"caution:{m.group(0).strip()}", 1.0))
    # The span may hold a doctor's or a relative's name: the reason names only the rule.
    if _rx(lexicon.OWN_PRESCRIPTION).search(text) and not _rx(lexicon.RECOMMENDING).search(text):
        hits.append(RuleHit("prescribed", "prescribed:report", 1.0))
    return hits


@cache
def _self_introduction_re() -> re.Pattern[str]:
    return re.compile(lexicon.SELF_INTRODUCTION)


def find_self_introduction(norm: Normalized) -> list[RuleHit]:
    """The writer giving their own name: what follows about their health is theirs to share.

    Not a label: it damps the models' personal data; the contact rules keep their score.
    """
    # The reason names the rule, not the name it matched.
    found = _self_introduction_re().search(norm.original[:4000])
    return [RuleHit("own_name", "own_name:introduction", 1.0)] if found else []


def find_apnoea(norm: Normalized) -> list[RuleHit]:
    """A snorer who stops breathing in his sleep, asked about by day; not someone who cannot be
    woken ("храпит странно и не просыпается"), whom the emergency rules catch.

    Not a label: it damps the models' emergency, which reads "stops breathing".
    """
    text = norm.folded[:4000]
    if _rx(lexicon.APNOEA).search(text) and not find_emergencies(norm):
        return [RuleHit("apnoea", "apnoea:snoring", 1.0)]
    return []


def find_joke(norm: Normalized) -> list[RuleHit]:
    """The writer laughing at their own words (😂, lol), nothing urgent in the message.

    Not a label: the emergency rules already stand down (`_Context.laughing`); this damps the
    models' emergency too ("ayaqlarım kreslonun bir parçasıdır, 10 saatdır qalxmamışam 😂").
    """
    # Urgent words, "!!" or a call to 103 only: "10 saatdır" (ongoing) is part of the joke.
    text = norm.folded[:4000]
    urgent = "!!" in text or _rx(lexicon.URGENT + r"|103|112|911").search(text)
    if _Context(text).laughing and not urgent:
        return [RuleHit("joke", "joke:laughing", 1.0)]
    return []


_DIGIT_RE = re.compile(r"\d")


def find_number_changed(norm: Normalized) -> list[RuleHit]:
    """ "I changed my number", the number itself not given (five digits or more would be)."""
    if len(_DIGIT_RE.findall(norm.original[:4000])) >= 5:
        return []
    found = _rx(lexicon.NUMBER_CHANGED).search(norm.folded[:4000])
    return [RuleHit("number_changed", "number_changed:no_number", 1.0)] if found else []


_SENTENCE_END_RE = re.compile(r"[.!?\n;]+(?=\s|$)")


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentences around text[start:end] (looking at most 200 characters either way)."""
    lo = max(0, start - 200)
    ends = [m.end() for m in _SENTENCE_END_RE.finditer(text, lo, start)]
    after = _SENTENCE_END_RE.search(text, end, end + 200)
    return (ends[-1] if ends else lo), (after.end() if after else min(len(text), end + 200))


@cache
def _myth_anchor_patterns() -> tuple[str, ...]:
    return tuple(dict.fromkeys(myth.concepts[0] for myth in lexicon.MYTHS))


@cache
def _myth_anchor_index() -> tuple[int, ...]:
    patterns = _myth_anchor_patterns()
    return tuple(patterns.index(myth.concepts[0]) for myth in lexicon.MYTHS)


@cache
def _myth_anchors() -> _Alternation:
    # Each anchor is its own group, so every anchor that fits at a position is reported.
    return _Alternation([[p] for p in _myth_anchor_patterns()])


# ------------------------------------------------------------------------------------------
# Specialty cues


def specialty_cues(folded: str) -> dict[str, int]:
    """How many organ/symptom words of each specialty a folded message names (at most 2 each).

    Child words count for pediatrics only at half weight when an organ specialty is named too:
    the corpus routes "my child's ear hurts" to ENT, "my child has a fever" to pediatrics.
    """
    counts: dict[str, int] = {}
    for specialty, pattern in lexicon.SPECIALTY_CUES.items():
        n = sum(1 for _ in _limit(_rx(pattern).finditer(folded[:4000]), 2))
        if n:
            counts[specialty] = n
    return counts


# ------------------------------------------------------------------------------------------
# Everything


def detect(norm: Normalized) -> list[RuleHit]:
    """Run every rule detector on one normalised message; never raises."""
    hits: list[RuleHit] = []
    pii = _safely("personal_data", lambda: personal_data_hits(norm.original))
    hits.extend(pii)
    has_phone = any(h.rule == "pii:phone" for h in pii)
    hits.extend(_safely("emergency", lambda: find_emergencies(norm)))
    hits.extend(_safely("spam", lambda: find_spam(norm, has_phone=has_phone)))
    hits.extend(_safely("myths", lambda: find_myths(norm)))
    hits.extend(_safely("debunk", lambda: find_debunk(norm)))
    hits.extend(_safely("own care", lambda: find_own_care(norm)))
    hits.extend(_safely("own name", lambda: find_self_introduction(norm)))
    hits.extend(_safely("number changed", lambda: find_number_changed(norm)))
    hits.extend(_safely("joke", lambda: find_joke(norm)))
    hits.extend(_safely("apnoea", lambda: find_apnoea(norm)))
    return hits


def warm_up() -> None:
    """Compile every pattern and load the language models now, so no message waits for them."""
    _warm_up_language()
    patterns = [v for k, v in vars(lexicon).items() if k.isupper() and isinstance(v, str)]
    patterns += [*lexicon.SALES_GROUPS, *lexicon.MIRACLE]
    patterns += [p for myth in lexicon.MYTHS for p in (*myth.concepts, myth.debunk) if p]
    for pattern in patterns:
        _rx(pattern)
        _rx(pattern, boundary=False)
    detect(normalize("Salam! Təcili: sinəmdə ağrı var, peyvənd, kazino, 055 123 45 67"))


def _safely(name: str, run: Callable[[], list[RuleHit]]) -> list[RuleHit]:
    try:
        return run()
    except Exception:  # one broken detector must not silence the others
        log.warning("rule detector %s failed", name, exc_info=True)
        return []


def _limit(items: Iterator[_T], limit: int = _MAX_MATCHES) -> Iterator[_T]:
    for i, item in enumerate(items):
        if i >= limit:
            return
        yield item
