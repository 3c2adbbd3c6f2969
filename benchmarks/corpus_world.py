"""The synthetic world behind the generated corpus: countries, people and who held which post when.

Built once per seed and independent of the number of documents, so a 1,000-document corpus is
the prefix of the 50,000-document one. Every post is held by a succession of people over
2004-2024, so the same person appears in many releases with the post held at each date, and
some people move from one post to another (a deputy becomes minister, a minister ambassador).
"""

from __future__ import annotations

import bisect
import random
from dataclasses import dataclass, field
from datetime import date

from corpus_pools import (
    COUNTRIES,
    ENDINGS,
    FEMALE,
    FEMALE_ENDINGS,
    HOST_POSTS,
    HOSTS,
    MALE,
    POSTS,
    REGIONS,
    STEMS,
)

FIRST_DAY = date(2004, 1, 1).toordinal()
LAST_DAY = date(2024, 12, 31).toordinal()
SURNAME_FIRST = {"chinese", "vietnamese"}
COMPLETE = ("ov", "ev", "in", "ich", "ic", "yan", "an", "uly", "ski")


@dataclass
class Country:
    name: str
    adj: str
    capital: str
    cities: tuple[str, ...]
    tradition: str
    long: str
    weight: int


@dataclass
class Person:
    name: str
    surname: str
    female: bool
    country: str
    posts: list = field(default_factory=list)  # Term list, for career moves


@dataclass
class Term:
    person: Person
    post: str  # short post, e.g. "Foreign Minister"
    phrase: str  # how the post reads before the name
    start: int  # ordinal day
    end: int


class World:
    def __init__(self, seed: int = 1):
        self.rng = random.Random(f"world:{seed}")
        self.names: set[str] = set()
        self.people: list[Person] = []
        self.slots: dict[tuple[str, str, int], tuple[list[int], list[Term]]] = {}
        self.terms_of: dict[str, list[Term]] = {}
        self.countries = [Country(n, a, c, cs, t, long or n, w)
                          for n, a, c, cs, t, long, w in COUNTRIES]
        self.by_name = {c.name: c for c in self.countries}
        self.hosts = {h: (adj, cap, cities) for h, (adj, cap, cities) in HOSTS.items()}
        for host in HOSTS:
            for post, k, _w in HOST_POSTS:
                for slot in range(k):
                    self._succession(host, "slavic", post, slot, post, (3, 11))
            for c in self.countries:
                if c.name != host:
                    phrase = f"Ambassador of {host} to {c.name}"
                    self._succession(host, "slavic", f"Ambassador to {c.name}", 0, phrase, (3, 7))
        for c in self.countries:
            for post, phrase, k, _w in POSTS:
                for slot in range(k):
                    for host in HOSTS:
                        if post != "Ambassador" and host != "Russia":
                            continue  # one government per country; ambassadors to each host
                        if post == "Ambassador" and c.name == host:
                            continue
                        key_post = post if post != "Ambassador" else f"Ambassador to {host}"
                        text = phrase.format(long=c.long, country=c.name, host=host)
                        self._succession(c.name, c.tradition, key_post, slot, text, (2, 8))
        for region in REGIONS:
            where = "Belarus" if region in ("Brest Oblast", "Gomel Oblast", "Grodno Oblast",
                                            "Mogilev Oblast", "Vitebsk Oblast", "Minsk Oblast") else "Russia"
            head = "Head of" if region.startswith("the Republic") else "Governor of"
            phrase = f"{head} {region}" if where == "Russia" else f"Chairman of the {region} Executive Committee"
            self._succession(where, "slavic", f"Governor:{region}", 0, phrase, (4, 10))

    def _new_person(self, country: str, tradition: str) -> Person:
        rng = self.rng
        for attempt in range(40):
            female = rng.random() < 0.18
            given = rng.choice((FEMALE if female else MALE)[tradition])
            surname = self._surname(tradition, female, compound=attempt > 20)
            name = f"{surname} {given}" if tradition in SURNAME_FIRST else f"{given} {surname}"
            if name not in self.names:
                break
        self.names.add(name)
        p = Person(name, surname, female, country)
        self.people.append(p)
        return p

    def _surname(self, tradition: str, female: bool, compound: bool) -> str:
        rng = self.rng
        stem = rng.choice(STEMS[tradition])
        if tradition in ENDINGS:
            if stem.endswith(COMPLETE):
                end = ""
            elif stem[-1] in "aeo" and tradition == "turkic":
                end = "v"
            else:
                end = rng.choice([e for e in ENDINGS[tradition] if e])
            if female:
                end = FEMALE_ENDINGS.get(end, end)
                if not end and stem.endswith(("ov", "ev", "in")):
                    end = "a"
            stem += end
        if compound or (tradition in ("latin", "arabic") and rng.random() < 0.35):
            stem = f"{stem} {rng.choice(STEMS[tradition])}" if tradition in ("latin", "arabic") \
                else f"{stem}-{rng.choice(STEMS[tradition])}"
        return stem

    def _succession(self, country: str, tradition: str, post: str, slot: int, phrase: str,
                    years: tuple[int, int]) -> None:
        rng = self.rng
        starts: list[int] = []
        terms: list[Term] = []
        day = FIRST_DAY - rng.randint(0, 365 * years[1])
        while day <= LAST_DAY:
            length = rng.randint(365 * years[0], 365 * years[1])
            person = None
            if rng.random() < 0.3:  # career move: someone of this country whose term has ended
                movers = [t.person for t in self._ended(country, day)]
                person = rng.choice(movers) if movers else None
            person = person or self._new_person(country, tradition)
            term = Term(person, post, phrase, day, day + length)
            person.posts.append(term)
            self.terms_of.setdefault(country, []).append(term)
            starts.append(day)
            terms.append(term)
            day += length + 1
        self.slots[(country, post, slot)] = (starts, terms)

    def _ended(self, country: str, day: int) -> list[Term]:
        return [t for t in self.terms_of.get(country, ())
                if day - 2000 < t.end < day and t.person.posts[-1] is t]

    def holder(self, country: str, post: str, day: int, slot: int = 0) -> Term:
        starts, terms = self.slots[(country, post, slot)]
        return terms[max(0, bisect.bisect_right(starts, day) - 1)]

    def n_slots(self, country: str, post: str) -> int:
        n = 0
        while (country, post, n) in self.slots:
            n += 1
        return n
