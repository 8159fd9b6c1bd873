"""Figures in messages: significant digits, not a fixed count of decimals ('0.0004', not
'0'), whole numbers in full with thousands separators, no exponent for a news figure, and
never two different figures printed alike in one message."""

from __future__ import annotations

import pytest

from checks.model import Comparator, Quantity
from checks.rules._quantity import Span, digits_for, likely, number, span, unit_for


@pytest.mark.parametrize(("x", "shown"), [
    (41000.0, "41,000"),
    (1234567.0, "1,234,567"),  # a whole number is never rounded
    (0.0004, "0.0004"),
    (0.0009, "0.0009"),
    (0.00001, "0.00001"),  # positional, not 1e-05
    (2.5, "2.5"),
    (-2.5, "-2.5"),
    (1 / 3, "0.333333"),
    (1234.5678, "1,234.57"),
    (1.0000001, "1"),  # six significant digits; digits_for adds more when needed
    (36000.00000000001, "36,000"),  # float noise of a computed bound
])
def test_number_prints_significant_digits(x: float, shown: str) -> None:
    assert number(x) == shown


def test_number_without_digits_prints_every_digit_the_float_has() -> None:
    assert number(1.0000001, None) == "1.0000001"
    assert number(12345.678901, None) == "12,345.678901"
    assert number(0.00001, None) == "0.00001"


def test_a_magnitude_no_article_gives_is_short() -> None:
    assert number(1e-300) == "1e-300"
    assert len(number(5e-324, None)) < 10


@pytest.mark.parametrize("values", [
    [0.0004, 0.0009], [1.0000001, 1.0000002], [1.0, 1.0000001], [100000.01, 100000.008],
    [0.1, 0.1 + 2 ** -55], [41000.0, 41000.5, 41001.0],
])
def test_different_figures_never_print_alike(values: list[float]) -> None:
    digits = digits_for(values)
    assert len({number(x, digits) for x in values}) == len(set(values))


@pytest.mark.parametrize(("values", "shown"), [
    ([0.3, 0.30000000000000004], ["0.3", "0.30000000000000004"]),
    ([0.1, 0.1 + 2 ** -55], ["0.1", "0.10000000000000003"]),
])
def test_figures_apart_only_in_float_noise_print_as_written(values: list[float],
                                                             shown: list[str]) -> None:
    # 17 significant digits printed 0.3 as 0.29999999999999999.
    digits = digits_for(values)
    assert digits is None
    assert [number(x, digits) for x in values] == shown


def test_whole_and_round_figures_keep_six_digits() -> None:
    assert digits_for([14000.0, 40000.0, 0.5]) == 6


def test_a_span_key_keeps_every_digit() -> None:
    one, two = Span(1.0000001, 1.0000001), Span(1.0000002, 1.0000002)
    assert str(one) == str(two)  # the rounded form the key used
    assert one.key() != two.key()
    assert Span(40000.0, float("inf"), True, True).key() == str(Span(40000.0, float("inf"), True, True))


def test_the_html_matrix_shows_every_digit_without_an_exponent() -> None:
    from checks.htmlreport import _num  # the matrix's figure column (one row per claim)

    assert (_num(0.00001), _num(1.0000001), _num(41000.0), _num(None)) == ("0.00001", "1.0000001",
                                                                            "41,000", "?")


@pytest.mark.parametrize(("written", "name", "shown"), [
    ("casualty", "casualties", "casualty"),  # the record's singular; inflection keeps -ies
    ("casualties", "casualties", "casualties"),
    ("soldiers", "soldiers", "soldier"),
])
def test_one_takes_the_singular_a_record_writes(written: str, name: str, shown: str) -> None:
    assert unit_for(Quantity(value=1, unit=written), name) == shown


@pytest.mark.parametrize(("cmp", "value", "reported"), [
    (Comparator.gt, 40000.0, Span(40000, 44000, lo_open=True)),  # not 80,000
    (Comparator.ge, 28.0, Span(28, 30.8)),
    (Comparator.le, 80000.0, Span(72000, 80000)),
    (Comparator.lt, 1.0, Span(0, 1, hi_open=True)),  # counts start at 0
    (Comparator.gt, 5.0, Span(5, 6, lo_open=True)),  # a whole bound: the next whole number
    (Comparator.gt, 0.5, Span(0.5, 0.55, lo_open=True)),
    (Comparator.gt, 5e-324, Span(5e-324, float("inf"), True, True)),  # no reach: as admitted
    (Comparator.about, 40000.0, Span(36000, 44000)),  # as admitted
    (Comparator.eq, 80000.0, Span(79200, 80800, hi_open=True)),
])
def test_a_bound_reports_a_figure_near_it(cmp: Comparator, value: float,
                                          reported: Span) -> None:
    """R801's reading: "more than 40,000" admits every higher figure but reports some
    40,000; every other figure reports what it admits."""
    q = Quantity(value=value, cmp=cmp, unit="troops")
    admitted = span(q)
    assert admitted is not None
    assert likely(q, admitted) == reported
