"""Body paragraphs of the synthetic releases, by theme.

Each theme returns candidate sentences as thunks (so only the chosen ones draw people and figures); a
paragraph takes a few the release hasn't used three times yet, so long releases repeat a sentence
pattern at most three times, with different people, figures and dates, as real long releases do.
"""

from __future__ import annotations

from corpus_pools import (
    ART,
    EXHIBITIONS,
    FESTIVAL_NAMES,
    HISTORIC_EVENTS,
    MEMORIALS,
    MUSEUMS,
    REGIONS,
)
from corpus_text import MONTHS, Doc, number, ordinal


def politics(doc: Doc) -> list:
    r = doc.r
    return [
        lambda: f"{doc.who(doc.host, 'Foreign Minister', 0)} and {doc.partner_who('Foreign Minister')} "
        f"{r.choice(['paid special attention to', 'discussed in detail', 'compared notes on'])} {doc.topics(2)}.",
        lambda: f"The sides {r.choice(['reaffirmed', 'noted', 'stressed'])} the importance of close coordination within "
        f"{doc.org()[0]} and {doc.org()[0]}.",
        lambda: f"{r.choice(['They also touched upon', 'Attention was also given to', 'The agenda also included'])} "
        f"{doc.topics(2)}.",
        lambda: f"The {doc.host_adj} side briefed its partners on its approaches to {doc.topics(2)}.",
        lambda: f"Both ministers spoke in favour of a political and diplomatic settlement based on international law, "
        f"with particular reference to {doc.topics(1)}.",
        lambda: f"{doc.partner_who()} thanked {doc.host} for its consistent position on {doc.topics(1)}.",
        lambda: f"The parties condemned unilateral restrictive measures that hamper cooperation in {doc.sectors(2)}.",
        lambda: f"It was noted that the positions of {doc.host} and {doc.partner.name} on {doc.topics(1)} coincide or are "
        "very close.",
    ]


def trade(doc: Doc) -> list:
    r, p = doc.r, doc.partner
    y = doc.year(r.randint(1, 2))
    good, unit = doc.good()
    # January-<month before the release>, or the previous year's eleven months early in the year
    m, my = (doc.d.month - 1, doc.d.year) if doc.d.month > 2 else (11, doc.d.year - 1)
    amount = f"{r.randint(20, 900)} {unit}" if unit == "units" else f"{round(r.uniform(0.2, 120), 1)} {unit}"
    return [
        lambda: f"In {y}, bilateral trade {r.choice(['grew', 'increased', 'declined', 'rose'])} by {doc.pct()} to "
        f"{doc.about()}{doc.money()}.",
        lambda: f"In January-{MONTHS[m - 1]} {my}, trade {r.choice(['rose', 'fell', 'grew'])} by {doc.pct()}.",
        lambda: f"{p.adj} imports of {doc.host_adj} {good} reached {amount} in {y}.",
        lambda: f"Settlements in national currencies now account for {doc.pct()} of payments.",
        lambda: f"The volume of accumulated {doc.host_adj} investment in {p.name} exceeds {doc.money()}.",
        lambda: f"Last year, {number(r.randint(2, 40))} joint ventures were set up in {r.choice(p.cities or (p.capital,))}.",
        lambda: f"The parties set the goal of bringing trade to {doc.money()} by {doc.d.year + r.randint(3, 6)}.",
        lambda: f"{doc.host_adj} exports to {p.name} increased {number(r.randint(2, 10))} times over the past decade.",
        lambda: f"The share of high-tech products in mutual supplies reached {doc.pct()}.",
    ]


def contacts(doc: Doc) -> list:
    r, p = doc.r, doc.partner
    y = doc.year()
    return [
        lambda: "The two countries maintain an active political dialogue at the highest level.",
        lambda: f"The leaders held {number(r.randint(2, 12))} meetings in {y} and spoke by telephone "
        f"{number(r.randint(3, 25))} times.",
        lambda: f"{doc.who(doc.host, 'President', 0)} and {doc.partner_who('President')} last met in "
        f"{r.choice([doc.host_capital, p.capital])} on {doc.date(doc.shift(-300, -20), year=True)}.",
        lambda: f"The next meeting of the heads of government is expected in the "
        f"{r.choice(['first', 'second', 'third', 'fourth'])} quarter of {doc.d.year + r.randint(0, 1)}.",
        lambda: f"Since the beginning of the year, the foreign ministers have met {number(r.randint(2, 6))} times.",
        lambda: f"Inter-parliamentary ties are developing: {doc.partner_who('Speaker of Parliament')} visited "
        f"{doc.host_capital} {doc.days(-250, -30)}.",
    ]


def regions(doc: Doc) -> list:
    r, p = doc.r, doc.partner
    region = r.choice(REGIONS[:37] if doc.host == "Russia" else REGIONS[37:])
    return [
        lambda: "Interregional ties are expanding.",
        lambda: f"{doc.who(doc.host, f'Governor:{region}', 0)} visited {p.capital} on {doc.date(doc.shift(-200, -5))}, "
        f"where contracts worth {doc.about()}{doc.money()} were signed.",
        lambda: f"{number(r.randint(12, 70)).capitalize()} regions of {doc.host} maintain direct ties with {p.adj} partners.",
        lambda: f"The {ordinal(r.randint(2, 15))} Forum of the Regions will be held in {r.choice(doc.host_cities)} "
        f"{doc.days(20, 90)}.",
        lambda: f"A delegation of {region} led by {doc.who(doc.host, f'Governor:{region}', 0)} took part in the "
        f"{p.adj} industrial fair in {r.choice(p.cities or (p.capital,))}.",
    ]


def culture(doc: Doc) -> list:
    r, p = doc.r, doc.partner
    fest = f"{ordinal(r.randint(2, 35))} International Festival of {r.choice(ART)} {r.choice(FESTIVAL_NAMES)}"
    return [
        lambda: f"In {MONTHS[r.randint(0, 11)]}, {r.choice(p.cities or (p.capital,))} will host the {fest}.",
        lambda: f"The exhibition {r.choice(EXHIBITIONS)} opened at {r.choice(MUSEUMS)} in {p.capital} on "
        f"{doc.date(doc.shift(-10, 10))} and will run until {doc.date(doc.shift(30, 90))}.",
        lambda: f"{doc.who(doc.host, 'Foreign Minister', 0)} laid a wreath at {r.choice(MEMORIALS)} in {p.capital}.",
        lambda: f"{doc.about().capitalize() or 'Today '}{r.randint(2, 90) * 1000:,} {p.adj} students are studying at "
        f"{doc.host_adj} universities, {r.randint(100, 999)} of them on government scholarships.",
        lambda: f"The Years of {doc.host_adj}-{p.adj} Culture will be held in {doc.d.year + 1}-{doc.d.year + 2}.",
        lambda: f"A {doc.host_adj} language centre opened at the university in {r.choice(p.cities or (p.capital,))} on "
        f"{doc.date(doc.shift(-60, -1))}.",
        lambda: f"Tourist flows grew by {doc.pct()} last year, to {doc.about()}{r.randint(20, 900) * 1000:,} trips.",
    ]


def history(doc: Doc) -> list:
    r, p = doc.r, doc.partner
    event, (lo, hi) = r.choice(HISTORIC_EVENTS)
    y = r.randint(lo, hi)
    return [
        lambda: f"This year marks the {ordinal(doc.d.year - y)} anniversary of {event.format(country=p.name)}.",
        lambda: f"The parties agreed to hold joint commemorative events, including a conference of historians in "
        f"{r.choice([doc.host_capital, p.capital])} and a photo exhibition of archival documents.",
        lambda: f"{doc.ambassador()} {r.choice(['noted', 'stressed'])} that the memory of the common past must be "
        "preserved and passed on to young people.",
        lambda: f"Search teams from both countries have restored {number(r.randint(3, 60))} military graves since "
        f"{doc.year(r.randint(3, 12))}.",
    ]


def multilateral(doc: Doc) -> list:
    org, short = doc.org()
    c = doc.r.choice(doc.others)
    return [
        lambda: f"The ministers discussed preparations for the {short} summit in {c.capital} {doc.days(30, 120)}.",
        lambda: f"{doc.third()} and {doc.third()} are expected to attend.",
        lambda: f"The sides expressed support for the work of {org} on {doc.topics(2)}.",
        lambda: f"The ministers agreed to coordinate their positions ahead of the {short} ministerial meeting "
        f"in {doc.r.choice(doc.others).capital} in {MONTHS[doc.r.randint(0, 11)]}.",
    ]


def plans(doc: Doc) -> list:
    r, p = doc.r, doc.partner
    return [
        lambda: f"It was agreed to hold the next round of consultations between the foreign ministries in "
        f"{r.choice([doc.host_capital, p.capital])} in {MONTHS[r.randint(0, 11)]} {doc.d.year + 1}.",
        lambda: f"{doc.who(doc.host, 'Deputy Foreign Minister')} and {doc.partner_who('Deputy Foreign Minister')} will "
        "lead the delegations.",
        lambda: f"The sides also plan to sign {number(r.randint(2, 9))} intergovernmental agreements on {doc.sectors(2)}.",
        lambda: f"The {ordinal(r.randint(2, 30))} meeting of the joint working group on {doc.sectors(1)} is scheduled "
        f"for {MONTHS[r.randint(0, 11)]} {doc.d.year + 1} in {p.capital}.",
    ]


def energy(doc: Doc) -> list:
    r, p = doc.r, doc.partner
    return [
        lambda: f"Energy cooperation remains the backbone of economic ties between {doc.host} and {p.name}.",
        lambda: f"Work continues on the construction of a {r.choice(['nuclear power plant', 'gas pipeline', 'refinery', 'hydroelectric power station'])} "
        f"near {r.choice(p.cities or (p.capital,))}, with the first unit due in {doc.d.year + r.randint(2, 7)}.",
        lambda: f"{doc.who(doc.host, 'Minister of Energy')} and {doc.partner_who('Minister of Energy')} "
        f"reviewed supplies of {doc.good()[0]} and oil products.",
        lambda: f"Gas supplies to {p.name} amounted to {round(r.uniform(0.5, 40), 1)} billion cubic metres in "
        f"{doc.year(1)}.",
        lambda: f"The parties discussed a {r.choice(['long-term', 'five-year', 'ten-year'])} contract worth "
        f"{doc.about()}{doc.money()}.",
    ]


def people(doc: Doc) -> list:
    r, p = doc.r, doc.partner
    return [
        lambda: f"Consular cooperation is developing: {doc.about()}{r.randint(5, 400) * 100:,} visas were issued "
        f"to {p.adj} citizens in {doc.year(1)}, {doc.pct()} more than a year earlier.",
        lambda: f"There are {number(r.randint(2, 30))} direct flights a week between {doc.host_capital} and "
        f"{p.capital}.",
        lambda: f"{doc.who(doc.host, 'Deputy Prime Minister')} met with representatives of the {doc.host_adj} "
        f"community in {p.capital}.",
        lambda: f"The {ordinal(r.randint(2, 20))} youth forum of the two countries brought together "
        f"{r.randint(80, 900)} participants in {r.choice(p.cities or (p.capital,))} "
        f"{doc.days(-40, -3)}.",
        lambda: f"{doc.partner_who('Minister of Culture')} presented a state award to the {doc.host_adj} conductor "
        f"of the {r.choice(MUSEUMS)[4:]} orchestra.",
    ]


THEMES = [politics, trade, trade, contacts, regions, culture, history, multilateral, plans, energy, people]


def paragraph(doc: Doc, used: dict) -> str:
    """A paragraph of 2-4 sentences from one theme, or '' when the theme is spent."""
    theme = doc.r.choice(THEMES)
    options = theme(doc)
    fresh = [i for i in range(len(options)) if used.get((theme, i), 0) < 3]
    if len(fresh) < 2:
        return ""
    picked = sorted(doc.r.sample(fresh, min(len(fresh), doc.r.randint(2, 4))))
    for i in picked:
        used[(theme, i)] = used.get((theme, i), 0) + 1
    return " ".join(options[i]() for i in picked)


def closing(doc: Doc) -> str:
    r = doc.r
    return (f"The talks were held in a {r.choice(['friendly', 'constructive', 'trustful', 'businesslike'])} "
            f"atmosphere. {doc.partner_who()} {r.choice(['invited', 'renewed the invitation to'])} "
            f"{doc.who(doc.host, 'Foreign Minister', 0)} to visit {doc.partner.name}; the dates will be agreed "
            "through diplomatic channels.")
