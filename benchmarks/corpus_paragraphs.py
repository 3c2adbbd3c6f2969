"""Titles, opening paragraphs and body paragraphs for the synthetic releases.

Each function takes a `Doc` and returns text; slots (people with their posts on the release's
date, places, dates, figures, topics) are filled from the Doc's random stream.
"""

from __future__ import annotations

from datetime import timedelta

from corpus_pools import (
    MUSEUMS,
    TOPICS,
)
from corpus_text import MONTHS, Doc, number, ordinal

KINDS = ["talks", "phone", "upcoming", "agency", "multilateral", "commission", "culture", "anniversary"]
KIND_WEIGHTS = [26, 16, 10, 12, 10, 9, 9, 8]


def title(doc: Doc, kind: str) -> str:
    r, p = doc.r, doc.partner
    fm = doc.name(doc.host, "Foreign Minister")
    guest_post = r.choice(["Foreign Minister", "Prime Minister", "President"])
    term = doc.w.holder(p.name, guest_post, doc.day)
    guest = f"{term.phrase} {term.person.name}"
    org, short = doc.org()
    if kind == "talks":
        return r.choice([f"Press release on Foreign Minister {fm}'s talks with {guest}",
                         f"Foreign Minister {fm}'s remarks at a joint news conference following talks with {guest}"])
    if kind == "phone":
        return f"Foreign Minister {fm}'s telephone conversation with {guest}"
    if kind == "upcoming":
        return f"Press release on the upcoming visit of {guest} to {doc.host}"
    if kind == "agency":
        host_pres = doc.w.holder(doc.host, "President", doc.day).person.surname
        return f"{host_pres}, {p.adj} {guest_post.lower()} discuss {doc.sectors(2)}"
    if kind == "multilateral":
        return r.choice([f"Press release on the meeting of the Council of Foreign Ministers of {org}",
                         f"{fm.split()[-1]}: {short} foreign ministers adopt statement on {r.choice(TOPICS)}"])
    if kind == "commission":
        return (f"Press release on the {ordinal(r.randint(3, 28))} meeting of the {doc.host_adj}-{p.adj} "
                "Intergovernmental Commission on Trade and Economic Cooperation")
    if kind == "culture":
        return f"Press release on the Days of {doc.host_adj} Culture in {p.name}"
    return f"Statement on the {ordinal(r.randint(10, 80))} anniversary of diplomatic relations between {doc.host} and {p.name}"


def opening(doc: Doc, kind: str) -> list[str]:
    r, p = doc.r, doc.partner
    city = r.choice((doc.host_capital, *doc.host_cities[:2])) if r.random() < 0.6 else p.capital
    d1 = doc.shift(-2, 0)
    if kind == "talks":
        return [f"On {doc.date(d1)}, {doc.host_fm()} held talks in {city} with {doc.partner_who('Foreign Minister')}, "
                f"who is on {r.choice(['an official', 'a working'])} visit. The talks were attended by "
                f"{doc.who(doc.host, 'Deputy Foreign Minister')} and {doc.ambassador()}.",
                f"The ministers discussed {doc.topics(3)}. They reviewed the implementation of the "
                f"agreements reached at the highest level and outlined a schedule of contacts for {doc.d.year + 1}."]
    if kind == "phone":
        return [f"On {doc.date(d1)}, {doc.host_fm()} had a telephone conversation with {doc.partner_who()}. "
                f"The call took place at the {r.choice([p.adj, doc.host_adj])} side's initiative.",
                f"The interlocutors exchanged views on {doc.topics(2)}, with an emphasis on {doc.topics(2)}."]
    if kind == "upcoming":
        d2 = doc.shift(3, 20)
        when = doc.span(d2, d2 + timedelta(days=r.randint(1, 2)))
        return [f"{when[0].upper()}{when[1:]}, {doc.partner_who()} will pay an "
                f"official visit to {doc.host}. Talks with {doc.host_fm()} are scheduled for {doc.date(d2)} in "
                f"{doc.host_capital}.", f"The parties intend to discuss {doc.topics(3)}, as well as cooperation in "
                f"{doc.sectors(3)}. Following the talks, the ministers will sign a plan of consultations for "
                f"{doc.d.year + 1}-{doc.d.year + 2}."]
    if kind == "agency":
        dl = f"{doc.host_capital.upper()}, {doc.d.day} {MONTHS[doc.d.month - 1]} (BelTA) –"
        return [f"{dl} {doc.host} and {p.name} should aim to raise mutual trade to {doc.money()}, "
                f"{doc.who(doc.host, 'President', 0)} said at a meeting with {doc.partner_who()} in "
                f"{doc.host_capital} on {doc.date(doc.d)}, BelTA has learned.",
                f"The head of state recalled that their previous meeting had taken place in {p.capital} on "
                f"{doc.date(doc.shift(-700, -60), year=True)}."]
    if kind == "multilateral":
        org, short = doc.org()
        place = r.choice(doc.others)
        return [f"On {doc.date(d1)}, {doc.host_fm()} took part in a meeting of the Council of Foreign Ministers "
                f"of {org} in {place.capital}. The meeting was chaired by {doc.who(place.name, 'Foreign Minister')}.",
                f"{p.name} was represented by {doc.partner_who('Foreign Minister')} and {doc.others[1].name} by "
                f"{doc.who(doc.others[1].name, 'Foreign Minister')}. The ministers considered {number(r.randint(4, 12))} "
                f"draft documents and adopted statements on {doc.topics(2)}."]
    if kind == "commission":
        d2 = doc.shift(-3, -1)
        return [f"The regular meeting of the intergovernmental commission was held in {city} "
                f"{doc.span(d2, d2 + timedelta(days=1))}. It was co-chaired by "
                f"{doc.who(doc.host, 'Minister of Economic Development')} and "
                f"{doc.partner_who('Minister of Economic Development')}.",
                f"The co-chairs reviewed cooperation in {doc.sectors(4)}. The commission's working groups held "
                f"{number(r.randint(3, 11))} meetings in the run-up to the session."]
    if kind == "culture":
        d2 = doc.shift(0, 10)
        return [f"On {doc.date(d2)}, the Days of {doc.host_adj} Culture opened in {p.capital} with a gala concert at "
                f"{r.choice(MUSEUMS)}. The opening ceremony was attended by {doc.who(doc.host, 'Minister of Culture')} "
                f"and {doc.partner_who('Minister of Culture')}.",
                f"The programme runs until {doc.date(doc.shift(12, 25))} and includes {number(r.randint(5, 40))} "
                f"events in {p.capital}, {r.choice(p.cities or (p.capital,))} and other cities: exhibitions, film "
                f"screenings and performances by {number(r.randint(3, 12))} theatre companies."]
    est = doc.d.year - r.randint(10, 80)
    return [f"On {doc.date(d1)}, {doc.host} and {p.name} mark the {ordinal(doc.d.year - est)} anniversary of the "
            f"establishment of diplomatic relations. {doc.host_fm()} and {doc.partner_who('Foreign Minister')} "
            f"exchanged congratulatory messages.", f"Over these years, our countries have built a solid foundation "
            f"of cooperation in {doc.sectors(3)}."]


