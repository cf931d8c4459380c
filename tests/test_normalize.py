"""Normalisation: evasions undone, genuine text kept, Azerbaijani folding, language id."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from classifiers.normalize import (
    Normalized,
    detect_language,
    evasions,
    fold,
    normalize,
    strip_invisible,
)


def clean(text: str) -> str:
    return normalize(text).clean


# --- Unicode: NFKC, invisible characters, decoration ---------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ｋａｚｉｎｏ", "kazino"),  # fullwidth
        ("𝐤𝐚𝐳𝐢𝐧𝐨 𝐛𝐨𝐧𝐮𝐬", "kazino bonus"),  # mathematical bold
        ("ⓚⓐⓩⓘⓝⓞ", "kazino"),  # circled
        ("ᴋᴀᴢɪɴᴏ", "kazino"),  # small capitals (no NFKC decomposition)
        ("ﬁle", "file"),  # ligature
        ("k̶a̶z̶i̶n̶o̶", "kazino"),  # strike-through combining marks
        ("38,5\u00a0°C", "38,5 °C"),  # no-break space
    ],
)
def test_nfkc_and_decoration(raw: str, expected: str) -> None:
    assert clean(raw) == expected


@pytest.mark.parametrize(
    "invisible",
    ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2060", "\u2063", "\ufeff", "\u00ad"],
)
def test_invisible_characters_removed(invisible: str) -> None:
    raw = f"ka{invisible}zi{invisible}no"
    assert clean(raw) == "kazino"
    assert strip_invisible(raw) == "kazino"


def test_variation_selectors_and_tags_removed() -> None:
    assert clean("ka\ufe0fzino\U000e0041") == "kazino"


def test_whitespace_collapsed_but_lines_kept() -> None:
    assert clean("  Salam   həkim \t\n\n\n  uşaq   xəstədir  ") == "Salam həkim\nuşaq xəstədir"


def test_plain_text_untouched() -> None:
    text = "Salam, həkim! Uşağımın qızdırması 38.5-dir, nə edim? Təzyiq 160/100."
    assert clean(text) == text


# --- look-alike letters --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("kаzinо", "kazino"),  # Cyrillic а, о inside a Latin word
        ("саsinо bоnus", "casino bonus"),
        ("Рrоmо kоd", "Promo kod"),
        ("vіаgrа", "viagra"),  # Ukrainian і
        ("еndirim", "endirim"),
        ("ѕаtış", "satış"),
        ("Pulsuz çаtdırılmа", "Pulsuz çatdırılma"),
        ("Əlаqə", "Əlaqə"),
        ("mәn", "mən"),  # Cyrillic schwa typed on an Azerbaijani-Cyrillic layout
        ("οnline", "online"),  # Greek omicron
    ],
)
def test_cyrillic_lookalikes_folded_to_latin(raw: str, expected: str) -> None:
    assert clean(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("cкидка", "скидка"),  # Latin c inside a Russian word
        ("скидкa нa вcё", "скидка на всё"),
        ("KAЗИНО", "КАЗИНО"),
        ("пишитe в лc", "пишите в лс"),
        ("Зapaботок", "Заработок"),
    ],
)
def test_latin_lookalikes_folded_to_cyrillic(raw: str, expected: str) -> None:
    assert clean(raw) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Здравствуйте, у ребенка температура",
        "Сахар в крови 7.5, врач сказал сдать анализы. Как у вас?",
        "Мама, папа, кот и море — всё хорошо",
        "У меня ВИЧ-инфекция, принимаю АРВТ",
        "Витамин D3 и омега-3 по 1000 МЕ",
        "Mən həkimə getdim, он сказал всё нормально",
        "COVID-19 və H1N1 haqqında",
    ],
)
def test_genuine_text_unchanged(text: str) -> None:
    assert clean(text) == text


# --- spaced letters and digits for letters ------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("k a z i n o", "kazino"),
        ("Gəl k a z i n o oyna", "Gəl kazino oyna"),
        ("с к и д к а", "скидка"),
        ("v.i.a.g.r.a", "viagra"),
        ("k-a-z-i-n-o", "kazino"),
        ("b  o  n  u  s", "bonus"),
        ("s.k.i.d.k.a 50%", "skidka 50%"),
    ],
)
def test_spaced_letters_joined(raw: str, expected: str) -> None:
    assert clean(raw) == expected


@pytest.mark.parametrize(
    "text",
    ["A, B, C", "a b c", "vitamin A B C", "Qan qrupu A/B/O", "Dr. A. B. Əliyev"],
)
def test_short_letter_runs_kept(text: str) -> None:
    assert clean(text) == text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("pr0m0", "promo"),
        ("c4sino", "casino"),
        ("v1agra", "viagra"),
        ("end1r1m", "endirim"),
        ("PR0M0 C4SINO", "PROMO CASINO"),
    ],
)
def test_digits_read_as_letters(raw: str, expected: str) -> None:
    assert clean(raw) == expected


@pytest.mark.parametrize(
    "text",
    [
        "covid19",
        "omega3",
        "b12",
        "h2o",
        "mp3",
        "1xbet",
        "5ZTG8K2",
        "AZE12345678",
        "2ci gün",
        "500mq",
        "x5",
        "COVID-19",
        "3-cü",
    ],
)
def test_numbers_and_codes_kept(text: str) -> None:
    assert clean(text) == text


def test_combined_evasions() -> None:
    raw = "\u200bk\u200ba\u200bz\u200bi\u200bn\u200bo  pr0m0   саsinо"
    assert clean(raw) == "kazino promo casino"


# --- folding -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Əliyev İlqar Şükür oğlu", "eliyev ilqar sukur oglu"),
        ("QIZDIRMA", "qizdirma"),
        ("İNSULT", "insult"),
        ("Uşağım çox öskürür, ğ", "usagim cox oskurur, g"),
        ("ürəyim ağrıyır", "ureyim agriyir"),
        ("ÖLMƏK", "olmek"),
        ("Ёлка ЁЖ", "елка еж"),
        ("mänim", "menim"),
        ("shirniyyat", "shirniyyat"),  # "sh" stays: patterns handle both spellings
    ],
)
def test_fold(raw: str, expected: str) -> None:
    assert fold(raw) == expected


def test_normalized_fields() -> None:
    n = normalize("Salam, USAĞIM xəstədir")
    assert isinstance(n, Normalized)
    assert n.original == "Salam, USAĞIM xəstədir"
    assert n.clean == "Salam, USAĞIM xəstədir"
    assert n.folded == "salam, usagim xestedir"
    assert n.language == "az"


def test_folded_is_fold_of_clean() -> None:
    n = normalize("kаzinо BONUS İndi")
    assert n.folded == fold(n.clean) == "kazino bonus indi"


# --- language identification --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Uşağımın qızdırması var, nə edim?",
        "Mənim başım ağrıyır",
        "Həkim, bu dərmanı necə içmək lazımdır?",
        "usagimin qizdirmasi var",
        "ushaghimin qizdirmasi var",
        "salam hekim, bu derman neye komek edir",
        "menim anam xestedir",
        "bu gun temperaturu 39 oldu",
        "korpem gece yatmir",
        "çox sağ olun",
        "tezyiqim 160 oldu",
        "Саламлар, мән хәстәјәм",  # Azerbaijani in Cyrillic script
    ],
)
def test_language_azerbaijani(text: str) -> None:
    assert detect_language(text) == "az"


@pytest.mark.parametrize(
    "text",
    [
        "Здравствуйте, у ребенка температура",
        "Подскажите хорошего кардиолога",
        "Спасибо!",
        "у меня болит голова, что делать",
        "u menya bolit golova, chto delat?",  # Russian in Latin letters
        "podskazhite pozhaluysta vracha",
    ],
)
def test_language_russian(text: str) -> None:
    assert detect_language(text) == "ru"


@pytest.mark.parametrize(
    "text",
    [
        "My baby has a fever, what should I do?",
        "Thank you doctor",
        "Is it safe to take ibuprofen with paracetamol?",
        "chest pain and sweating",
        "thanks",
    ],
)
def test_language_english(text: str) -> None:
    assert detect_language(text) == "en"


@pytest.mark.parametrize("text", ["", "   ", "123 456", "!!!", "🙏🙏"])
def test_language_default_is_azerbaijani(text: str) -> None:
    assert detect_language(text) == "az"


def test_normalize_long_text_is_fast() -> None:
    text = "Salam k a z i n o pr0m0 саsinо \u200b həkim 38.5 " * 2500
    start = time.perf_counter()
    n = normalize(text)
    assert time.perf_counter() - start < 1.0
    assert "kazino promo casino" in n.clean


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=())))  # surrogates too
def test_normalize_never_raises(text: str) -> None:
    n = normalize(text)
    assert n.language in {"az", "ru", "en"}
    assert n.folded == fold(n.clean)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("kazino саsinо 0134 .-_\u200b\u0301əıİI")))
def test_normalize_is_idempotent_on_evasion_alphabet(text: str) -> None:
    once = clean(text)
    assert clean(once) == clean(clean(once))


@pytest.mark.parametrize(
    ("raw", "tricks"),
    [
        ("ka\u200bzino", ["invisible"]),
        ("kаzinо", ["mixed_script"]),
        ("k a z i n o", ["spaced"]),
        ("pr0mo", ["digits"]),
        ("𝐤𝐚𝐳𝐢𝐧𝐨", ["fancy"]),
        ("k\u200ba\u200bz\u200bi\u200bn\u200bо", ["invisible", "mixed_script"]),
        ("Здравствуйте, у ребенка температура", []),
        ("Uşağımın qızdırması 38.5, COVID-19, omega3, H1N1", []),
        ("🙏\ufe0f👨\u200d👩\u200d👧", []),  # emoji sequences are not evasion
    ],
)
def test_evasions(raw: str, tricks: list[str]) -> None:
    assert evasions(raw) == tricks
