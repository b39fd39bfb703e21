"""The derived-row rule (zgc_cli/check/derived.py): the article's arithmetic, kept in full."""

from __future__ import annotations

import math
from decimal import Decimal

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from zgc_cli.check.derived import Layout, check_derived, outward_float, parse_layout
from zgc_cli.words import Phrase, Term

QUOTE = "中关村从业人员279万人，是2013年的1.5倍"
NOTE = (
    "2790000 / 1.5 = 1860000; interval 2785000 / 1.55 to 2795000 / 1.45 "
    "(279万 rounded to 1万 and 1.5倍 to 0.1)"
)
LOW, HIGH = 1796774.193548387, 1927586.206896552


def row(**cells: object) -> dict[str, object]:
    base: dict[str, object] = {
        "metric": "employees",
        "entity": "zgc",
        "year": 2013,
        "value": 1860000.0,
        "unit": "persons",
        "status": "derived",
        "qualifier": "about",
        "quote": QUOTE,
        "note": NOTE,
        "low": LOW,
        "high": HIGH,
    }
    return {**base, **cells}


def results(**cells: object) -> dict[str, tuple[str, str, str, str]]:
    """check -> (expected, found, result, detail) of one derived row."""
    return {
        r["check"]: (str(r["expected"]), str(r["found"]), str(r["result"]), str(r["detail"]))
        for r in check_derived(row(**cells), QUOTE)
    }


# --- the layout -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rest", "layout"),
    [
        ("1860000, exact: both exact", Layout("1860000")),
        ("-3.45, exact: x", Layout("-3.45")),
        (
            "1860000; interval 2785000 / 1.55 to 2795000 / 1.45 (why; with a semicolon)",
            Layout("1860000", "2785000 / 1.55", "2795000 / 1.45"),
        ),
        ("5; interval (1 + 2) to (3 + 4) (w)", Layout("5", "(1 + 2)", "(3 + 4)")),
    ],
)
def test_the_layouts_that_parse(rest: str, layout: Layout) -> None:
    assert parse_layout(rest) == layout


@pytest.mark.parametrize(
    "rest",
    [
        "",
        "about 1860000, exact: x",  # no number first
        "1860000, exact: ",  # no reason
        "1860000, exact:x",
        "1860000 exact: x",
        "1860000, to 2 significant digits as its least precise input (1.5); interval 1 to 2 "
        "from 1 to 2 (why)",  # the old rounded layout
        "1860000; interval 1 to 2",  # no reason
        "1860000; interval 1 to 2 (why) ",  # not ending with its reason
        "1860000; interval 1 to 2 ()",  # an empty reason
        "1860000; interval 1 to 2 ( )",
        "1860000; interval 1 to 2 (a (b) c)",  # parentheses inside the reason
        "1860000; interval 1 to 2 to 3 (why)",  # three ends
        "1860000; interval 1 (why)",  # one end
        "1860000; interval  to 2 (why)",  # an empty end
        "1860000; interval 1 to  (why)",
        "1860000;interval 1 to 2 (why)",
        "1860000; interval 1 to 2(why)",
    ],
)
def test_the_layouts_that_do_not(rest: str) -> None:
    assert parse_layout(rest) is None


def test_an_exact_layout_knows_it_is_exact() -> None:
    assert Layout("1").exact
    assert not Layout("1", "0", "2").exact


# --- outward rounding -------------------------------------------------------------------


@given(
    st.decimals(min_value=Decimal("-1e15"), max_value=Decimal("1e15"), allow_nan=False, places=12)
)
def test_an_end_is_the_float_just_outside_the_exact_number(number: Decimal) -> None:
    low, high = outward_float(number, upward=False), outward_float(number, upward=True)
    assert Decimal(low) <= number <= Decimal(high)
    # At most one float away: the next float inward would miss the number.
    assert Decimal(math.nextafter(low, math.inf)) > number or Decimal(low) == number
    assert Decimal(math.nextafter(high, -math.inf)) < number or Decimal(high) == number


def test_an_exact_float_is_its_own_end() -> None:
    assert outward_float(Decimal("0.5"), upward=False) == 0.5
    assert outward_float(Decimal("0.5"), upward=True) == 0.5
    # The float 0.1 lies above the decimal 0.1: a low end takes the float below it.
    assert Decimal(0.1) > Decimal("0.1")
    assert outward_float(Decimal("0.1"), upward=False) == math.nextafter(0.1, 0)
    assert outward_float(Decimal("0.1"), upward=True) == 0.1


# --- the checks and their words ---------------------------------------------------------


def test_the_shipped_employees_row_passes_with_every_check_named() -> None:
    checks = results()
    assert {name: result for name, (_, _, result, _) in checks.items()} == {
        "derived": "pass",
        "qualifier": "pass",
        "interval": "pass",
        "operands": "pass",
    }
    assert checks["derived"] == (
        "1860000",
        "2790000 / 1.5 = 1860000",
        "pass",
        "the note computes the value",
    )
    assert checks["qualifier"][1:] == ("about", "pass", "computed from rounded figures, so about")
    assert checks["interval"] == (
        "1796774.193548387 to 1927586.206896552",
        "1796774.193548387 to 1927586.206896552",
        "pass",
        "the interval holds the result",
    )
    assert checks["operands"][:3] == ("2790000, 1.5", "1.5, 2013, 2790000", "pass")


def test_a_value_outside_its_interval_fails_as_such() -> None:
    # The note's result is 1860000; a value of 1700000 is neither it nor inside.
    checks = results(value=1700000.0)
    assert checks["derived"][2:] == ("fail", "the note does not compute the value")
    assert checks["interval"][2:] == ("fail", "the value lies outside the interval")


def test_a_missing_value_fails_both() -> None:
    checks = results(value=None)
    assert checks["derived"][2] == "fail"
    assert checks["interval"][2:] == ("fail", "the value lies outside the interval")


def test_low_or_high_missing_from_a_row_of_a_file_that_has_them_fails() -> None:
    checks = results(low=None)
    assert checks["interval"][1:] == (
        "none to 1927586.206896552",
        "fail",
        "low and high are not the interval's expressions rounded outward",
    )
    checks = results(high=float("nan"))
    assert checks["interval"][1] == "1796774.193548387 to none"


def test_a_file_without_low_and_high_is_checked_on_the_note_alone() -> None:
    cells = row()
    del cells["low"], cells["high"]
    checks = {r["check"]: r for r in check_derived(cells, QUOTE)}
    assert checks["interval"]["result"] == "pass"
    assert checks["interval"]["found"] == checks["interval"]["expected"]


def test_an_interval_expression_that_is_not_arithmetic_fails() -> None:
    checks = results(note=NOTE.replace("2785000 / 1.55", "2785000 / x"))
    assert checks["interval"][0] == "2785000 / x to 2795000 / 1.45"
    assert checks["interval"][2] == "fail"
    assert checks["interval"][3].startswith("not an interval: ")


def test_an_interval_that_misses_the_result_names_it() -> None:
    checks = results(note=NOTE.replace("2795000 / 1.45", "2795000 / 1.51"))
    assert checks["interval"][2:] == ("fail", "the interval does not hold the result 1860000")
    checks = results(note=NOTE.replace("2785000 / 1.55", "2785000 / 1.4"))
    assert checks["interval"][2:] == ("fail", "the interval does not hold the result 1860000")


def test_an_exact_note_is_a_point() -> None:
    note = "2790000 / 1.5 = 1860000, exact: both inputs exact"
    checks = results(note=note, qualifier="exact", low=1860000.0, high=1860000.0)
    assert {name: r for name, (_, _, r, _) in checks.items()} == {
        "derived": "pass",
        "qualifier": "pass",
        "interval": "pass",
        "operands": "pass",
    }
    assert checks["qualifier"][3] == "nothing rounded, so exact"
    assert checks["interval"][:2] == ("1860000 to 1860000", "1860000 to 1860000")
    checks = results(note=note, qualifier="exact", low=1860000.0, high=1860001.0)
    assert checks["interval"][2:] == (
        "fail",
        "low and high are not the interval's expressions rounded outward",
    )
    # Empty low and high: nothing to check beyond the value.
    assert "interval" not in results(note=note, qualifier="exact", low=None, high=None)
    checks = results(note=note, qualifier="about", low=None, high=None)
    assert checks["qualifier"][2:] == ("fail", "a value its note computes exactly is exact")
    checks = results(note=note, qualifier="", low=None, high=None)
    assert checks["qualifier"][1:3] == ("none", "fail")


def test_the_qualifier_of_an_interval_note_is_about() -> None:
    checks = results(qualifier="exact")
    assert checks["qualifier"][2:] == ("fail", "a value computed from rounded figures is about")


def test_the_result_written_in_the_note_must_be_the_expressions() -> None:
    checks = results(note=NOTE.replace("= 1860000;", "= 1860000.5;"))
    assert checks["derived"][2:] == (
        "fail",
        "the note says = 1860000.5, the expression gives 1860000",
    )


def test_a_note_in_no_layout_fails_and_still_checks_its_operands() -> None:
    checks = results(note="2790000 / 1.5 = 1860000 (about)")
    assert checks["derived"][2] == "fail"
    assert checks["derived"][3].startswith("the note after ' = ' is not in the layout")
    assert checks["operands"][2] == "pass"


def test_an_expression_that_is_not_arithmetic_fails_alone() -> None:
    checks = results(note="2790000 / x = 1860000, exact: y")
    assert list(checks) == ["derived"]
    assert checks["derived"][2] == "fail"
    assert checks["derived"][3].startswith("not an expression: ")


def test_operands_not_in_the_quote_fail() -> None:
    note = "2790000 / 1.6 = 1743750; interval 2785000 / 1.65 to 2795000 / 1.55 (why)"
    checks = results(note=note, value=1743750.0, low=1687878.7878787878, high=1803225.806451613)
    assert checks["operands"][2:] == ("fail", checks["operands"][3])
    assert "1.6" in checks["operands"][3]


def test_the_old_layout_of_users_files() -> None:
    checks = results(note="2790000 / 1.5", qualifier="exact")
    assert list(checks) == ["derived", "operands"]
    assert checks["derived"][1:3] == ("2790000 / 1.5 = 1860000", "pass")
    checks = results(note="2790000 / 1.5", value=1900000.0)
    assert checks["derived"][2:] == ("fail", "the note does not compute the value")
    checks = results(note="", value=1900000.0)
    assert checks["derived"][2:] == ("fail", "a derived row needs its arithmetic in the note")
    checks = results(note="lots", value=1900000.0)
    assert checks["derived"][2] == "fail" and list(checks) == ["derived"]


def test_a_frame_row_with_nan_cells_reads_as_missing() -> None:
    frame = pd.DataFrame([row(low=float("nan"), high=float("nan"))])
    record = frame.to_dict("records")[0]
    checks = {r["check"]: r["result"] for r in check_derived(record, QUOTE)}
    assert checks["interval"] == "fail"


# --- what each finding says, to the word (the mutation run's survivors) -----------------

NOT_ALLOWED = "only numbers, + - * / and parentheses are allowed, not Name"


def cells(**changes: object) -> dict[str, dict[str, object]]:
    """check -> the finding's cells, as objects (Terms, Phrases)."""
    return {r["check"]: r for r in check_derived(row(**changes), QUOTE)}


@pytest.mark.parametrize(
    "rest",
    [
        "1860000; interval 1 to 2 ((x)",  # a parenthesis opening the reason
        "1860000; interval 1 to 2 (x()",  # ... or closing it
        "1860000; interval 1 to 2 ()x)",
        "1860000; interval 1 to 2 (x))",
    ],
)
def test_no_parenthesis_inside_the_reason_at_its_ends(rest: str) -> None:
    assert parse_layout(rest) is None


def test_a_reason_may_hold_an_equals_sign() -> None:
    note = NOTE.replace("(279万 rounded to 1万 and 1.5倍 to 0.1)", "(279万 = 2790000 rounded)")
    assert {r: c["result"] for r, c in cells(note=note).items()} == dict.fromkeys(
        ("derived", "qualifier", "interval", "operands"), "pass"
    )


def test_the_qualifier_finding_names_qualifiers() -> None:
    finding = cells()["qualifier"]
    for cell in ("expected", "found"):
        assert isinstance(finding[cell], Term) and finding[cell].kind == "qualifier"
        assert str(finding[cell]) == "about"
    finding = cells(qualifier="exact")["qualifier"]
    assert isinstance(finding["detail"], Phrase)
    term = finding["detail"].params["qualifier"]
    assert isinstance(term, Term) and (term.kind, str(term)) == ("qualifier", "about")
    note = "2790000 / 1.5 = 1860000, exact: both exact"
    finding = cells(note=note, qualifier="about", low=None, high=None)["qualifier"]
    term = finding["detail"].params["qualifier"]
    assert isinstance(term, Term) and (term.kind, str(term)) == ("qualifier", "exact")
    assert (finding["expected"].kind, finding["found"].kind) == ("qualifier", "qualifier")


def test_the_operands_finding_words() -> None:
    assert cells()["operands"]["detail"] == "every number comes from the quote"
    note = "2790000 / 1.6 / 1.7 = 1025735.2941176471, exact: x"
    finding = cells(note=note, qualifier="exact", value=1025735.2941176471, low=None, high=None)
    assert finding["operands"]["detail"] == "not in the quote: 1.7, 1.6"  # as ast.walk meets them


def test_the_old_layouts_findings_to_the_word() -> None:
    passing = cells(note="2790000 / 1.5", qualifier="exact")["derived"]
    assert (passing["expected"], passing["detail"]) == ("1860000", "the note computes the value")
    failing = cells(note="2790000 / x", value=1900000.0)["derived"]
    assert (failing["expected"], failing["found"]) == ("1900000", "2790000 / x")
    assert failing["detail"].startswith("the note is not a usable expression: " + NOT_ALLOWED)
    wrong = cells(note="2790000 / 1.5", value=1900000.0)["derived"]
    assert (wrong["expected"], wrong["found"]) == ("1900000", "2790000 / 1.5 = 1860000")


def test_the_new_layouts_failures_to_the_word() -> None:
    finding = cells(note="2790000 / x = 1, exact: y")["derived"]
    assert (finding["expected"], finding["found"]) == ("1860000", "2790000 / x")
    assert finding["detail"].startswith("not an expression: " + NOT_ALLOWED)
    note = "2790000 / 1.5 = 1860000 (about)"
    finding = cells(note=note)["derived"]
    assert (finding["expected"], finding["found"]) == ("1860000", note)
    finding = cells(note=NOTE.replace("2785000 / 1.55", "2785000 / x"))["interval"]
    assert finding["found"] == ""
    assert finding["detail"].startswith("not an interval: " + NOT_ALLOWED)
    finding = cells(value=1700000.0)["interval"]
    assert finding["expected"] == "1796774.193548387 to 1927586.206896552"


@pytest.mark.parametrize(
    ("note", "value"),
    [
        ("1.5 * 2 = 3; interval 1.5 * 2 to 1.55 * 2 (the result at the low end)", 3.0),
        ("1.5 * 2 = 3; interval 1.45 * 2 to 1.5 * 2 (the result at the high end)", 3.0),
    ],
)
def test_an_interval_is_closed_at_both_ends(note: str, value: float) -> None:
    low, high = (3.0, 3.1) if "low end" in note else (2.9, 3.0)
    finding = cells(note=note, value=value, low=low, high=high, quote="1.5倍的2倍")["interval"]
    assert (finding["result"], finding["detail"]) == ("pass", "the interval holds the result")


@pytest.mark.parametrize(("present", "found"), [("low", LOW), ("high", HIGH)])
def test_one_of_low_and_high_alone_is_checked(present: str, found: float) -> None:
    """A file with a low column and no high (or the reverse) still has its interval checked."""
    cells_ = row()
    del cells_["high" if present == "low" else "low"]
    finding = {r["check"]: r for r in check_derived(cells_, QUOTE)}["interval"]
    assert finding["result"] == "fail"
    assert str(finding["found"]).count("none") == 1


def test_an_exact_rows_given_ends_are_shown_as_given() -> None:
    note = "2790000 / 1.5 = 1860000, exact: both exact"
    finding = cells(note=note, qualifier="exact", low=1850000.0, high=1860000.0)["interval"]
    assert finding["found"] == "1850000 to 1860000"
    assert finding["expected"] == "1860000 to 1860000"
    finding = cells(note=note, qualifier="exact", low=1860000.0, high=None)["interval"]
    assert (finding["found"], finding["result"]) == ("1860000 to none", "fail")
    finding = cells(note=note, qualifier="exact", low=None, high=1860000.0)["interval"]
    assert finding["found"] == "none to 1860000"
    finding = cells(note=note, qualifier="exact", low=1860000.0, high=1860000.0)["interval"]
    assert (finding["result"], finding["detail"]) == ("pass", "the interval holds the result")
