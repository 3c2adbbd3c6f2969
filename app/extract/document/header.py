"""A release's own metadata, read from the layouts outlets use: publication date and time,
dateline city, outlet and headline.

    MFA (older)    "15:40" / headline / "1184-24-06-2024"          (reference line)
    Kremlin        headline / "July 24, 2023, 13:10" (repeated at the end)
    MFA (newer)    headline / "9 October 2019 12:10" or glued "3 July 201715:20"
    BelTA site     "Politics | 12 January 2024, 16:05" / headline
    Kazinform      "26 May 2024, 14:05" beside "ASTANA. KAZINFORM –"
    UN, embassies  "14 September 2015", "29.07.2024"; Belarusian TV "21 мая 2021"
    datelines      "MOSCOW, March 3. /TASS/.", "MINSK, 9 February (BelTA) –",
                   "BEIJING, May 16 (Xinhua) --",
                   "MOSCOW (UrduPoint News / Sputnik - 09th December, 2021)"

A date line is a line holding nothing but a date (and a time, a section name, "Published:");
one among the first lines or the last ones dates the release. A dateline without a year
takes it from the release's full date, else stays without a date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..model import DocumentInfo, Span

_EN_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
# Russian and Belarusian month names in the genitive ("21 мая 2021"), as date lines write them.
_RU_MONTHS = {
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7,
    "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
    "студзеня": 1, "лютага": 2, "сакавіка": 3, "красавіка": 4, "траўня": 5, "чэрвеня": 6,
    "ліпеня": 7, "жніўня": 8, "верасня": 9, "кастрычніка": 10, "лістапада": 11, "снежня": 12,
}
_MON = r"(?P<mon>[A-Za-zА-Яа-яЁёІіЎў]{3,11})\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_TIME = r"(?P<time>[0-2]?\d[:.][0-5]\d)(?::[0-5]\d)?(?:\s*(?P<ampm>[apAP]\.?[mM]\.?))?(?:\s*\(?[A-Z]{2,4}\)?)?"
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
# The date forms a date line or a dateline writes (the year optional only in datelines).
_DATE_FORMS = [
    re.compile(rf"{_WEEKDAY}{_MON}\s+{_DAY},?\s*{_YEAR}?"),          # July 24, 2023
    re.compile(rf"{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MON},?\s*{_YEAR}?(?:\s*(?:г\.|года))?"),  # 9 October 2019
    re.compile(r"(?P<day>[0-3]?\d)\.(?P<monn>[01]?\d)\.(?P<year>(?:19|20)\d\d)"),  # 29.07.2024
    # 5/16/2024 (a slash: month first, as US sites write it, unless the first cannot be one)
    re.compile(r"(?P<us1>[0-3]?\d)/(?P<us2>[0-3]?\d)/(?P<year>(?:19|20)\d\d)"),
    re.compile(r"(?P<year>(?:19|20)\d\d)[-/.](?P<monn>[01]\d)[-/.](?P<day>[0-3]\d)"),  # 2024-07-29
]
_LEADING_TIME = re.compile(r"([0-2]?\d:[0-5]\d)\s*[,|]?\s+(?=\d|[A-Z])")
_VIEWS = re.compile(r"(?<=\d:[0-5]\d)\s+\d{1,7}$")
_PREFIX = re.compile(r"^(?:(?:Published|Posted|Date|Updated|Last\s+updated|Release\s+date)"
                     r"(?:\s+on)?\s*:?\s*|[\w &/:.-]{2,30}\s*[|·•]\s*)", re.I)
_TIME_ALONE = re.compile(r"^\s*[0-2]?\d:[0-5]\d\s*$")
_REF = re.compile(r"^\s*(\d{3,5})-(\d{2})-(\d{2})-(\d{4})\s*$", re.M)
# "May 24, 2018 - 23:25 - St Petersburg" (the Kremlin's line: date, time, where)
_DATE_TIME_PLACE = re.compile(r"(.+?\d)\s+[-–—]\s+([A-Z][\w.,'’ -]{1,60}?)")
_HEAD_LINES = 8  # a date line this far down (non-empty lines) still belongs to the header
_TAIL_LINES = 3


@dataclass
class DateLine:
    date: str
    time: str | None
    span: Span
    place: str | None = None  # "May 24, 2018 - 23:25 - St Petersburg": where it was issued


def _month(word: str) -> int | None:
    w = word.lower().rstrip(".")
    return _EN_MONTHS.get(w) or _RU_MONTHS.get(w)


def parse_date_text(s: str, *, need_year: bool = True) -> tuple[int | None, int, int, str | None] | None:
    """(year, month, day, time) when s is a date and nothing else but a time and stray
    punctuation; None otherwise. `3 July 201715:20` (a date glued to its time) is read too."""
    s = s.strip().strip(",.;–—-").strip()
    s = re.sub(r"((?:19|20)\d\d)(?=[0-2]?\d:[0-5]\d)", r"\1 ", s)  # "201715:20"
    lead = _LEADING_TIME.match(s)  # "17:45, 05 May 2016" (Kazinform): the time first
    if lead:
        s = s[lead.end():] + " " + lead.group(1)
    s = _VIEWS.sub("", s)  # "01.01.2023, 00:00 74316": a view counter after the time
    for rx in _DATE_FORMS:
        m = rx.match(s)
        if not m:
            continue
        rest = s[m.end():].strip(" ,.–—-|")
        t = re.fullmatch(_TIME, rest) if rest else None
        if rest and not t:
            continue
        g = dict(m.groupdict())
        if g.get("us1"):
            a, b = int(g["us1"]), int(g["us2"])
            g["monn"], g["day"] = (str(b), str(a)) if a > 12 else (str(a), str(b))
        mon = int(g["monn"]) if g.get("monn") else _month(g.get("mon") or "")
        if not mon or not 1 <= mon <= 12:
            continue
        year = int(g["year"]) if g.get("year") else None
        if year is None and need_year:
            continue
        day = int(g["day"])
        try:
            date(year or 2000, mon, day)
        except ValueError:
            continue
        return year, mon, day, _hhmm(t) if t else None
    return None


def _hhmm(t: re.Match) -> str | None:
    h, mi = re.split(r"[:.]", t.group("time"))
    h = int(h)
    ampm = (t.group("ampm") or "").replace(".", "").lower()
    if ampm == "pm" and h < 12:
        h += 12
    elif ampm == "am" and h == 12:
        h = 0
    return f"{h:02d}:{mi}" if h < 24 else None


def _lines(text: str) -> list[tuple[int, int, str]]:
    out = []
    for m in re.finditer(r"[^\n]+", text):
        s = m.group(0).strip()
        if s:
            off = m.start() + m.group(0).index(s)
            out.append((off, off + len(s), s))
    return out


def _prose(s: str) -> bool:
    return (s.endswith((".", "!", "?", "»", "”", '"')) and len(s.split()) >= 4) or len(s) > 150


def date_line(lines: list[tuple[int, int, str]]) -> tuple[int, DateLine, bool] | None:
    """The first line among the header's (else the last ones) that is a full date, and
    whether it heads the release (some prose follows it) or closes it ("Source: Xinhua |
    2024-01-12 20:31:05" under the text)."""
    last_prose = max((i for i, ln in enumerate(lines) if _prose(ln[2])), default=-1)
    head = [(i, ln) for i, ln in enumerate(lines[:_HEAD_LINES]) if i < last_prose]
    tail = [(i, ln) for i, ln in enumerate(lines)
            if i > last_prose or i >= max(_HEAD_LINES, len(lines) - _TAIL_LINES)]
    for i, (a, z, s) in head + tail:
        if len(s) > 60:
            continue
        got = parse_date_text(_PREFIX.sub("", s, count=1)) or parse_date_text(s)
        place = None
        if not got:
            m = _DATE_TIME_PLACE.fullmatch(s)
            got = parse_date_text(m.group(1)) if m else None
            place = m.group(2) if got else None
        if got:
            y, mo, d, t = got
            return i, DateLine(date(y, mo, d).isoformat(), t, (a, z), place), i < last_prose
    return None


# --- datelines ---------------------------------------------------------------------------------

_CITY = r"(?P<city>[A-Z][A-Z'’.-]+(?:[ -][A-Z][A-Z'’.-]+){0,3})"
_MONTH_WORD = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d"
_DATELINE = re.compile(
    rf"{_CITY}(?:,\s*(?!{_MONTH_WORD})(?P<region>[A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+)?))?"
    r"(?:"
    r"\s*[,.]\s*(?P<date1>[^\s()\n/–—][^()\n/–—]{2,29}?)\s*[.,]?\s*/(?P<ag1>[A-Za-z][\w .-]{1,25})/\s*\.?"  # SOCHI, Sept 30. /TASS/.
    r"|\s*[,.]\s*(?P<date2>[^\s()\n/–—][^()\n/–—]{2,29}?)\s*\((?P<ag2>[^)\n]{2,60})\)\s*(?:[–—-]+|:)"  # MINSK, 9 Feb (BelTA) –
    r"|\s*\((?P<ag3>[^)\n]{2,80})\)\s*(?:[–—-]+|:)?"  # MOSCOW (UrduPoint News / Sputnik - 09th Dec, 2021)
    r"|\.\s*(?P<ag4>[A-Z][A-Za-z]{2,}(?:\s[A-Z][A-Za-z]+)?)\s*[–—-]+"  # ASTANA. KAZINFORM –
    r"|\.\s*(?P<ag6>[A-Z]{4,})\s+(?=[A-Z][a-z])"  # NUR-SULTAN. KAZINFORM Head of State ...
    r"|\s*,\s*(?P<date5>[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})\s*[–—-]+"  # CAIRO, May 3 –
    r")")
_AG_DATE = re.compile(r"\s*[-–—,]\s*(?P<d>[^-–—,][^)]*\d[^)]*)$")


@dataclass
class Dateline:
    span: Span
    city: str  # as written, title-cased
    outlet: str | None
    year: int | None
    month: int | None
    day: int | None


def find_dateline(text: str, start: int, limit: int = 1500) -> Dateline | None:
    """A news-agency dateline opening a paragraph among the release's first ones."""
    for m in re.finditer(r"(?m)^[ \t]*(?=[A-Z]{2})", text[:start + limit]):
        if m.end() < start:
            continue
        d = _DATELINE.match(text, m.end())
        if not d:
            continue
        g = d.groupdict()
        agency = next((g[k] for k in ("ag1", "ag2", "ag3", "ag4", "ag6") if g.get(k)), None)
        raw_date = next((g[k] for k in ("date1", "date2", "date5") if g.get(k)), None)
        if agency and raw_date is None:
            am = _AG_DATE.search(agency)  # "(UrduPoint News / Sputnik - 09th December, 2021)"
            if am:
                raw_date, agency = am.group("d"), agency[:am.start()]
        if g.get("ag3") and raw_date is None and not _agency_like(g["city"], agency):
            continue  # "BRICS (Brazil, Russia, ...) –", "CSTO (Collective Security ...)"
        got = parse_date_text(raw_date, need_year=False) if raw_date else None
        if raw_date and not got:
            continue  # "MINSK, the capital (...)": no dateline
        if not agency and not got:
            continue
        city = g["city"].strip()
        if len(city) < 3 or city in ("THE", "AND", "UN", "EU"):
            continue
        y, mo, dd = (got[0], got[1], got[2]) if got else (None, None, None)
        return Dateline((d.start(), d.end()), _title_case(city), _outlet(agency), y, mo, dd)
    return None


def _agency_like(city: str, agency: str) -> bool:
    """"(Reuters)", "(UrduPoint News / Sputnik)": a short name, not a list and not the
    spelled-out form of the word before it ("CSTO (Collective Security Treaty Organization)")."""
    words = agency.split()
    if "," in agency or len(words) > 4:
        return False
    initials = "".join(w[0] for w in words if w[:1].isupper())
    return initials.upper() != city.replace(" ", "").upper()


def _title_case(s: str) -> str:
    return re.sub(r"[A-Z][A-Z'’]*", lambda m: m.group(0)[0] + m.group(0)[1:].lower(), s)


def _outlet(agency: str | None) -> str | None:
    if not agency:
        return None
    a = agency.strip(" /.-–—")
    if a.isupper() and len(a) > 5:
        a = a.title()  # KAZINFORM -> Kazinform
    return a or None


# --- the whole header --------------------------------------------------------------------------

_NAV = re.compile(r"\s[|·•»›]+\s|^(?:News|Home|Menu|Tags?:|Topics?:)", re.I)
_FILE_DATE = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)[-_.]?(?P<m>[01]\d)[-_.]?(?P<d>[0-3]\d)(?!\d)")
_FILE_DATE_DMY = re.compile(r"(?<!\d)(?P<d>[0-3]\d)[-_.](?P<m>[01]\d)[-_.](?P<y>(?:19|20)\d\d)(?!\d)")


def read_header(text: str, path: str | None = None) -> tuple[DocumentInfo, int]:
    """The release's metadata and where its body starts (after the header lines)."""
    info = DocumentInfo(path=path)
    lines = _lines(text[:20000])
    if len(text) > 20000:
        lines += [(a + len(text) - 600, z + len(text) - 600, s) for a, z, s in _lines(text[-600:])]
    ref = _REF.search(text[:3000])
    body = 0
    title_idx = None
    if ref:
        info.ref = ref.group(0).strip()
        try:
            info.date = date(int(ref.group(4)), int(ref.group(3)), int(ref.group(2))).isoformat()
            info.date_origin = "header"
        except ValueError:
            info.date = None
        body = ref.end()
        before = [i for i, (a, z, s) in enumerate(lines) if z <= ref.start()]
        for i in before:
            if lines[i][2] and not _TIME_ALONE.match(lines[i][2]):
                title_idx = i
                break
        if before and _TIME_ALONE.match(lines[before[0]][2]):
            info.time = lines[before[0]][2].strip()
    else:
        found = date_line(lines)
        if found:
            i, dl, top = found
            info.date, info.time, info.date_origin = dl.date, dl.time, "header"
            info.place = dl.place
            if top:
                prev = _title_before(lines, i)
                title_idx = prev if prev is not None else _title_after(lines, i)
                body = max(dl.span[1], lines[title_idx][1] if title_idx is not None else 0)
                if title_idx is not None and title_idx < i - 1 and any(
                        ln[2].endswith(".") for ln in lines[title_idx + 1:i]):
                    body = lines[title_idx][1]  # a lead paragraph above the date line (Kremlin)
        if title_idx is None:
            title_idx = _title_after(lines, -1)
    if title_idx is not None:
        a, z, s = lines[title_idx]
        info.title, info.title_span = s, (a, z)
    line = find_dateline(text, body)
    if line:
        info.place = line.city
        info.outlet = line.outlet
        if line.month and line.day:
            year = line.year or _year_near(info.date, line.month, line.day)
            if info.date is None and year:
                info.date, info.date_origin = date(year, line.month, line.day).isoformat(), "dateline"
    if info.date is None and path:
        fd = file_name_date(path)
        if fd:
            info.date, info.date_origin = fd, "file name"
    return info, body


_SITE_LINE = re.compile(r"(?:Embassy|Consulate(?:[- ]General)?|Permanent\s+Mission|Ministry\s+of\s+Foreign|"
                        r"Rossotrudnichestvo|Russian\s+House)\b")


def find_outlet(text: str, title_span: Span | None, markers: list[tuple[str, str]]) -> str | None:
    """Who published the release: a marker of an agency or office in its first lines or its
    last ones, else a line above the headline naming an embassy, a ministry, a mission."""
    head, tail = text[:2000], text[-600:]
    found = [(head.find(m), o) for m, o in markers if m and m in head]
    if found:
        return min(found)[1]
    found = [(tail.find(m), o) for m, o in markers if m and m in tail]
    if found:
        return min(found)[1]
    if title_span:
        for _, _, line in _lines(text[:title_span[0]]):
            if _SITE_LINE.match(line) and len(line) <= 120:
                return line
    return None


def dateline_day(info: DocumentInfo, line: Dateline) -> str | None:
    if not (line.month and line.day):
        return None
    year = line.year or _year_near(info.date, line.month, line.day)
    return date(year, line.month, line.day).isoformat() if year else None


def _year_near(doc_date: str | None, month: int, day: int) -> int | None:
    """The year that puts month-day nearest the release's full date."""
    if not doc_date:
        return None
    ref = date.fromisoformat(doc_date)
    best = None
    for y in (ref.year - 1, ref.year, ref.year + 1):
        try:
            d = date(y, month, day)
        except ValueError:
            continue
        if best is None or abs((d - ref).days) < abs((best - ref).days):
            best = d
    return best.year if best else None


def _title_before(lines, i: int) -> int | None:
    """The headline above the date line, past a time, a by-line or a lead paragraph."""
    for j in range(i - 1, max(-1, i - 4), -1):
        s = lines[j][2]
        if _TIME_ALONE.match(s) or _NAV.search(s) or s.endswith("."):
            continue
        return j if _is_headline(lines, j) else None
    return None


def _title_after(lines, i: int) -> int | None:
    for j in range(i + 1, min(len(lines), i + 1 + _HEAD_LINES)):
        s = lines[j][2]
        if _TIME_ALONE.match(s) or parse_date_text(_PREFIX.sub("", s, count=1)):
            continue
        if _is_headline(lines, j):
            return j
    return None


def _is_headline(lines, j: int) -> bool:
    """A headline: a line of some length that is no menu, no label and no sentence of the body
    (those end with a full stop; headlines do not)."""
    s = lines[j][2]
    return 10 <= len(s) <= 300 and not _NAV.search(s) and not s.endswith((":", "."))


def file_name_date(path: str) -> str | None:
    """A date written in the file's name: 2024-06-24, 20240624, 24-06-2024."""
    name = re.split(r"[\\/]", path)[-1]
    for rx in (_FILE_DATE, _FILE_DATE_DMY):
        m = rx.search(name)
        if m:
            try:
                return date(int(m["y"]), int(m["m"]), int(m["d"])).isoformat()
            except ValueError:
                continue
    return None
