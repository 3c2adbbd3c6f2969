"""Sentences in the genre's voice for the synthetic corpus: one `Doc` per release.

A Doc knows its date, the publishing side (host) and the partner country, and renders people with
the post they hold on that date (full post on first mention, then the name or "Mr/Ms Surname").
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from corpus_pools import CURRENCIES, GOODS, ORGS, SECTORS, TOPICS
from corpus_world import FIRST_DAY, LAST_DAY, World

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve"]


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def number(n: int) -> str:
    return WORDS[n] if n < len(WORDS) else f"{n:,}"


def enumerate_(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


class Doc:
    def __init__(self, world: World, rng: random.Random):
        self.w = world
        self.r = rng
        self.day = rng.randint(FIRST_DAY, LAST_DAY)
        self.d = date.fromordinal(self.day)
        self.host = "Russia" if rng.random() < 0.8 else "Belarus"
        self.host_adj, self.host_capital, self.host_cities = world.hosts[self.host]
        self.dm = self.host == "Belarus" and rng.random() < 0.7  # "21 June" instead of "June 21"
        countries = [c for c in world.countries if c.name != self.host]
        self.partner = rng.choices(countries, weights=[c.weight for c in countries])[0]
        self.others = rng.sample(countries, 4)
        self.mentioned: set[str] = set()

    # dates -------------------------------------------------------------------------------------
    def date(self, d: date, year: bool = False) -> str:
        s = f"{d.day} {MONTHS[d.month - 1]}" if self.dm else f"{MONTHS[d.month - 1]} {d.day}"
        if year or d.year != self.d.year:
            s += f" {d.year}" if self.dm else f", {d.year}"
        return s

    def span(self, d1: date, d2: date) -> str:
        """'on June 24-25' or 'from May 31 to June 2'."""
        if d1.month == d2.month and d1.year == d2.year:
            m = MONTHS[d1.month - 1]
            s = f"{d1.day}-{d2.day} {m}" if self.dm else f"{m} {d1.day}-{d2.day}"
            return "on " + s + (f", {d1.year}" if d1.year != self.d.year else "")
        return f"from {self.date(d1)} to {self.date(d2)}"

    def days(self, lo: int, hi: int, length: int = 2) -> str:
        d1 = self.shift(lo, hi)
        return self.span(d1, d1 + timedelta(days=self.r.randint(1, length)))

    def shift(self, lo: int, hi: int) -> date:
        return self.d + timedelta(days=self.r.randint(lo, hi))

    def year(self, back: int = 1) -> int:
        return self.d.year - back

    # people ------------------------------------------------------------------------------------
    def who(self, country: str, post: str, slot: int | None = None, day: int | None = None) -> str:
        if slot is None:
            slot = self.r.randrange(max(1, self.w.n_slots(country, post)))
        term = self.w.holder(country, post, day or self.day, slot)
        p = term.person
        if p.name in self.mentioned:
            if self.r.random() < 0.2:
                return f"{'Ms' if p.female else 'Mr'} {p.surname}"
            return p.name
        self.mentioned.add(p.name)
        phrase = term.phrase
        if country in self.w.hosts and ":" not in post and not post.startswith("Ambassador"):
            phrase = self.r.choice([post, f"{post} of {country}", f"{self.w.hosts[country][0]} {post}"])
        return f"{phrase} {p.name}"

    def name(self, country: str, post: str, slot: int = 0) -> str:
        return self.w.holder(country, post, self.day, slot).person.name

    def host_fm(self) -> str:
        return self.who(self.host, "Foreign Minister", 0)

    def partner_who(self, post: str | None = None) -> str:
        post = post or self.r.choice(["Foreign Minister", "Foreign Minister", "President",
                                      "Prime Minister", "Deputy Foreign Minister"])
        return self.who(self.partner.name, post)

    def ambassador(self) -> str:
        if self.r.random() < 0.5:
            return self.who(self.partner.name, f"Ambassador to {self.host}", 0)
        return self.who(self.host, f"Ambassador to {self.partner.name}", 0)

    def third(self) -> str:
        c = self.r.choice(self.others)
        return self.who(c.name, self.r.choice(["Foreign Minister", "President", "Prime Minister"]))

    # figures -----------------------------------------------------------------------------------
    def money(self) -> str:
        if self.r.random() < 0.6:
            dec, v, scale = self.r.choice([0, 1, 1, 2]), self.r.uniform(0.5, 250), "billion"
        else:
            dec, v, scale = self.r.choice([0, 0, 1]), self.r.uniform(5, 950), "million"
        v_s = f"{v:,.{dec}f}".removesuffix(".0").removesuffix(".00")
        pre, post = self.r.choice(CURRENCIES)
        return f"{pre}{v_s} {scale}" if pre else f"{v_s} {scale} {post}"

    def pct(self) -> str:
        v = round(self.r.uniform(0.5, 60), self.r.choice([0, 1, 1]))
        v_s = f"{v:g}"
        return f"{v_s}%" if self.r.random() < 0.3 else f"{v_s} percent"

    def about(self) -> str:
        return self.r.choice(["", "", "about ", "over ", "more than ", "almost ", "some "])

    def topics(self, k: int = 3) -> str:
        return enumerate_(self.r.sample(TOPICS, k))

    def sectors(self, k: int = 3) -> str:
        return enumerate_(self.r.sample(SECTORS, k))

    def org(self) -> tuple[str, str]:
        return self.r.choice(ORGS)

    def good(self) -> tuple[str, str]:
        return self.r.choice(GOODS)
