"""Builds ``quotes-people-dev.jsonl``: labelled articles for the quotes and people extractors.

    python benchmarks/data/quotes_people_dev_build.py

Every article except the reference one was written for this project by its
authors, in the styles of different kinds of news (wire politics, British
business, sports, courts, science, local, tech, foreign, police, obituary,
feature); people and organizations in them are invented. Labels are written by
hand below (not produced by the extractors) and turned into offsets here, so
the JSONL stays grounded: ``text[start:end] == text`` for every fact. The
reference article's row has no text of its own: ``text_file`` names the
bundled sample it labels.

Conventions (see docs/extractors-quotes-people.md): a quote's span is inside
the marks without a trailing comma; a multi-paragraph quote spans from its first
word to its last. A person's span is the first full mention; roles are the
title before the name or the apposition noun phrase, without a trailing
"of <organization>".
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
OUT = HERE / "quotes-people-dev.jsonl"
OWN = "MIT (the project's; written for factcards)"
SAMPLE = "samples/cgtn-2022-02-15-russia-ready-for-more-talks.txt"


def Q(text, speaker, kind, partial=False, end=None, nth=1):
    """A gold quote: its exact text (or first words ... ``end`` last words for a long one)."""
    return {"kind": "quote", "find": text, "end": end, "nth": nth, "speaker": speaker, "speaker_kind": kind, "partial": partial}


def P(name, *roles, first=None):
    return {"kind": "person", "find": first or name, "name": name, "roles": list(roles)}


ARTICLES = [
    ("wire-politics", OWN, """WASHINGTON — Senate Majority Leader Carla Mendes said on Thursday that a bipartisan infrastructure deal was "within reach" after a late-night meeting with Republican negotiators.

"We are closer than we have been at any point this year," Mendes told reporters outside the Capitol. "Nobody gets everything they want, but everybody gets something."

Senator Doug Fairweather of Ohio, the lead Republican negotiator, was more cautious. "There's still a gap on how we pay for it," he said.

The White House said in a statement that President Helen Carver "welcomes the progress" and would host both leaders next week.

A spokesman for Fairweather declined to comment further.
""", [
        P("Carla Mendes", "Senate Majority Leader"),
        P("Doug Fairweather", "Senator", "lead Republican negotiator"),
        P("Helen Carver", "President"),
        Q("within reach", "Carla Mendes", "person", True),
        Q("We are closer than we have been at any point this year", "Carla Mendes", "person"),
        Q("Nobody gets everything they want, but everybody gets something.", "Carla Mendes", "person"),
        Q("There's still a gap on how we pay for it", "Doug Fairweather", "pronoun"),
        Q("welcomes the progress", "White House", "institution", True),
    ]),
    ("british-business", OWN, """Shares in Harbourline Foods fell 12 per cent on Tuesday after the grocer warned that profits would come in below forecasts.

Chief executive Priya Raman told analysts the company had faced ‘an exceptionally difficult quarter’ as energy costs soared.

‘We have taken tough decisions on pricing and we will not pass every cost on to shoppers,’ Ms Raman said. ‘Our customers are under enough pressure already.’

Analysts at Brookfield Securities called the update ‘disappointing but not disastrous’.

The company’s finance director, Owen Pritchard, is due to leave in the spring.
""", [
        P("Priya Raman", "Chief executive"),
        P("Owen Pritchard", "finance director"),
        Q("an exceptionally difficult quarter", "Priya Raman", "person", True),
        Q("We have taken tough decisions on pricing and we will not pass every cost on to shoppers", "Priya Raman", "person"),
        Q("Our customers are under enough pressure already.", "Priya Raman", "person"),
        Q("disappointing but not disastrous", "Brookfield Securities", "institution", True),
    ]),
    ("sports", OWN, """Manchester Rovers manager Luis Ortega insisted his side could still win the title despite Saturday's 2-1 defeat at home to Eastbury.

“We made two mistakes and we were punished for both of them. That happens in football.

“But I have seen enough from this group to believe we can finish on top. There are eleven games left and a lot can change,” Ortega said.

Eastbury striker Tomás Lindqvist, who scored both goals, dedicated the win to his late grandfather. “He never missed a game,” said the 24-year-old.

Rovers captain Ben Achterberg called the second goal “a moment of madness” from the defence.
""", [
        P("Luis Ortega", "Manchester Rovers manager"),
        P("Tomás Lindqvist", "Eastbury striker"),
        P("Ben Achterberg", "Rovers captain"),
        Q("We made two mistakes", "Luis Ortega", "person", end="a lot can change"),
        Q("He never missed a game", "Tomás Lindqvist", "person"),
        Q("a moment of madness", "Ben Achterberg", "person", True),
    ]),
    ("court", OWN, """A federal judge on Monday blocked a state law that would have required social media companies to verify the ages of all users.

U.S. District Judge Marianne Okafor wrote that the law was "likely to chill a great deal of protected speech" and that the state had not shown it was the least restrictive option.

The state attorney general's office said it would appeal. "We respectfully disagree with the court's reading of the First Amendment," spokeswoman Dana Whitfield said in an email.

NetChoice, a trade group that sued to block the law, praised the ruling. "This is a win for every parent who wants to make their own decisions," said Chris Palumbo, the group's litigation director.

According to court filings, the law would have taken effect on July 1.
""", [
        P("Marianne Okafor", "U.S. District Judge"),
        P("Dana Whitfield", "spokeswoman"),
        P("Chris Palumbo", "litigation director"),
        Q("likely to chill a great deal of protected speech", "Marianne Okafor", "person", True),
        Q("We respectfully disagree with the court's reading of the First Amendment", "Dana Whitfield", "person"),
        Q("This is a win for every parent who wants to make their own decisions", "Chris Palumbo", "person"),
    ]),
    ("science", OWN, """Researchers at the University of Lund say a common blood-pressure drug may slow the progression of a rare kidney disease.

The study, published on Wednesday in the journal Nephrology Today, followed 412 patients for three years.

Lead author Dr. Henrik Sjöberg said: "The effect was larger than we expected. We now need a bigger trial to be sure."

Not everyone is convinced. Professor Amara Nwosu, a kidney specialist at King's College London who was not involved in the research, said the results were "encouraging" but cautioned against "reading too much into a single study."

"Patients should not change their medication on the basis of this paper," she said.
""", [
        P("Henrik Sjöberg", "Lead author"),
        P("Amara Nwosu", "Professor", "kidney specialist"),
        Q("The effect was larger than we expected. We now need a bigger trial to be sure.", "Henrik Sjöberg", "person"),
        Q("encouraging", "Amara Nwosu", "person", True),
        Q("reading too much into a single study.", "Amara Nwosu", "person", True),
        Q("Patients should not change their medication on the basis of this paper", "Amara Nwosu", "pronoun"),
    ]),
    ("local", OWN, """Residents of Millbrook packed a council meeting on Tuesday night to oppose plans for a 300-home development on the edge of the village.

"This is the last green field we have left," said Gwen Harlow, who has lived in Millbrook for 40 years. "Once it's gone, it's gone."

Mayor Tom Reyes said the council had "listened carefully" and would publish a revised plan in the autumn.

The developer, Castlegate Homes, said in a statement that the scheme would include "much-needed affordable housing for local families."

Officials said a final decision was not expected before December.
""", [
        P("Gwen Harlow"),
        P("Tom Reyes", "Mayor"),
        Q("This is the last green field we have left", "Gwen Harlow", "person"),
        Q("Once it's gone, it's gone.", "Gwen Harlow", "person"),
        Q("listened carefully", "Tom Reyes", "person", True),
        Q("much-needed affordable housing for local families.", "Castlegate Homes", "institution", True),
    ]),
    ("tech", OWN, """Streamly, the video platform, will cut about 8% of its workforce, chief executive Nadia Farouk announced on Friday.

In a memo to staff, Farouk wrote that the company had "grown too quickly" and needed "a leaner structure to survive the next two years."

"These are people who built this company with us," Farouk wrote. "I am deeply sorry."

According to a person familiar with the plans, the cuts will fall mostly on the marketing and sales teams.

Investors reacted calmly. Shares were flat in afternoon trading.
""", [
        P("Nadia Farouk", "chief executive"),
        Q("grown too quickly", "Nadia Farouk", "person", True),
        Q("a leaner structure to survive the next two years.", "Nadia Farouk", "person", True),
        Q("These are people who built this company with us", "Nadia Farouk", "person"),
        Q("I am deeply sorry.", "Nadia Farouk", "person"),
    ]),
    ("foreign", OWN, """Kenyan President William Odhiambo and opposition leader Grace Odhiambo, who are not related, met for the first time since last year's disputed election.

"The country needs calm," the president told journalists after the meeting at State House in Nairobi.

Grace Odhiambo was less conciliatory. "We came here to talk about justice, not photographs," she said, adding that her supporters would march again on Saturday if their demands were ignored.

Ms Odhiambo's spokesman, Peter Kamau, said talks would resume next week.
""", [
        P("William Odhiambo", "Kenyan President"),
        P("Grace Odhiambo", "opposition leader"),
        P("Peter Kamau", "spokesman"),
        Q("The country needs calm", "William Odhiambo", "person"),
        Q("We came here to talk about justice, not photographs", "Grace Odhiambo", "pronoun"),
    ]),
    ("police", OWN, """Police in Ridgeford have arrested a 34-year-old man in connection with a string of burglaries across the city's north side.

Detective Inspector Sam Whitlock told a news conference that officers had recovered "a significant amount" of stolen jewellery.

Asked whether more arrests were likely, Whitlock said: "I wouldn't rule anything out. One witness told us, 'I saw him climbing over the back fence,' and that was the breakthrough."

The Ridgeford Police Department said the man would appear in court on Thursday.
""", [
        P("Sam Whitlock", "Detective Inspector"),
        Q("a significant amount", "Sam Whitlock", "person", True),
        Q("I wouldn't rule anything out.", "Sam Whitlock", "person", end="that was the breakthrough."),
    ]),
    ("obituary", OWN, """Margaret Ellison, the founder of the Ellison Trust, died on Sunday at her home in Bath. She was 91.

Her son, the architect Julian Ellison, said his mother had "never stopped working for other people."

"She would have hated a fuss," he said. "But she would have loved to know how many people she helped."

Born in Leeds in 1933, Ellison trained as a nurse before founding the trust in 1968. Former Prime Minister John Mayhew once described her as "the conscience of the charity sector."
""", [
        P("Margaret Ellison", "founder"),
        P("Julian Ellison", "architect"),
        P("John Mayhew", "Former Prime Minister"),
        Q("never stopped working for other people.", "Julian Ellison", "person", True),
        Q("She would have hated a fuss", "Julian Ellison", "pronoun"),
        Q("But she would have loved to know how many people she helped.", "Julian Ellison", "person"),
        Q("the conscience of the charity sector.", "John Mayhew", "person", True),
    ]),
    ("feature", OWN, """On a cold morning in Tromsø, fisherman Arne Bakke checks his nets the way his father did.

"The fish are moving north," Bakke says, pulling a line from the dark water. "Every year we go further to find them."

His daughter Ingrid, 19, wants to study marine biology. "Somebody has to understand what is happening out there," she says.

The Norwegian Fisheries Directorate says catches of cod in the region fell by a third over the past decade.
""", [
        P("Arne Bakke", "fisherman"),
        P("Ingrid", "daughter"),
        Q("The fish are moving north", "Arne Bakke", "person"),
        Q("Every year we go further to find them.", "Arne Bakke", "person"),
        Q("Somebody has to understand what is happening out there", "Ingrid", "pronoun"),
    ]),
]

# Written after the extractors were tuned on the articles above and scored once, untouched:
# the "heldout" split, a fairer estimate than the dev split.
HELDOUT = [
    ("heldout-nyt-style", OWN, """SAN DIEGO — For three decades, Rafael Alvarez has repaired fishing boats in the same cramped yard on the harbor. Now the city wants the land for a hotel.

"They say it's progress," Mr. Alvarez said on a recent afternoon, wiping grease from his hands. "Progress for whom?"

The city's planning director, Lorraine Whitaker, said in an interview that the yard's lease had expired in 2019 and that the owners had been offered "a generous relocation package."

Mr. Alvarez disputed that. He said the offer would cover "maybe two months of rent" at any other site on the water.

Morgan Stanley, which is financing the hotel, declined to comment. South Korea's Hanbit Group, a minority investor, said the project would bring "hundreds of good jobs" to the area.
""", [
        P("Rafael Alvarez"),
        P("Lorraine Whitaker", "planning director"),
        Q("They say it's progress", "Rafael Alvarez", "person"),
        Q("Progress for whom?", "Rafael Alvarez", "person"),
        Q("a generous relocation package.", "Lorraine Whitaker", "person", True),
        Q("maybe two months of rent", "Rafael Alvarez", "pronoun", True),
        Q("hundreds of good jobs", "Hanbit Group", "institution", True),
    ]),
    ("heldout-tabloid", OWN, """Pop star Jade Monroe has slammed reports that she is quitting music, telling fans: ‘I'm not going anywhere.’

The 29-year-old singer, who topped the charts with her debut album in 2021, posted a video on Instagram on Sunday night.

‘I've read all the rubbish,’ she said in the clip. ‘I'm in the studio every day and the new record is the best thing I've ever done.’

Her manager, Kevin Doyle, told the Daily Echo that the rumours were ‘completely made up’.

A spokesperson for her label, Northstar Records, added: ‘Jade's tour dates are confirmed.’
""", [
        P("Jade Monroe", "Pop star"),
        P("Kevin Doyle", "manager"),
        Q("I'm not going anywhere.", "Jade Monroe", "person"),
        Q("I've read all the rubbish", "Jade Monroe", "pronoun"),
        Q("I'm in the studio every day and the new record is the best thing I've ever done.", "Jade Monroe", "pronoun"),
        Q("completely made up", "Kevin Doyle", "person", True),
        Q("Jade's tour dates are confirmed.", "Northstar Records", "institution"),
    ]),
    ("heldout-diplomacy", OWN, """GENEVA — Talks on a ceasefire in the Lake Tana region resumed on Wednesday after a two-week pause, the United Nations said.

Ethiopian Foreign Minister Dawit Tesfaye told reporters the government was "ready to sign today" if rebel commanders agreed to withdraw from three towns.

A senior Western diplomat, speaking on condition of anonymity, said both sides remained "far apart" on the sequencing of any withdrawal.

"We have seen this film before," the diplomat said. "Every pause becomes an excuse."

UN envoy Hanna Lindgren, who is chairing the talks, struck a more hopeful tone. "I believe a deal is possible within weeks," Lindgren said after the session at the Palais des Nations.
""", [
        P("Dawit Tesfaye", "Ethiopian Foreign Minister"),
        P("Hanna Lindgren", "UN envoy"),
        Q("ready to sign today", "Dawit Tesfaye", "person", True),
        Q("far apart", "senior Western diplomat", "institution", True),
        Q("We have seen this film before", "senior Western diplomat", "institution"),
        Q("Every pause becomes an excuse.", "senior Western diplomat", "institution"),
        Q("I believe a deal is possible within weeks", "Hanna Lindgren", "person"),
    ]),
    ("heldout-business-wire", OWN, """Orbis Motors said on Monday it would recall about 120,000 electric vehicles in North America because of a software fault that can disable the rear camera.

The company said it was not aware of any crashes or injuries linked to the fault. Owners will receive an over-the-air update, Orbis said in a filing with the National Highway Traffic Safety Administration.

"Safety is our first priority and we are moving quickly," Orbis chief operating officer Miguel Santana said in a statement.

Analyst Rebecca Holm of Carver & Lowe said the recall was unlikely to dent demand. "Software recalls are cheap to fix," she wrote in a note to clients. "Investors will look through this."

Shares of Orbis closed down 1.4% in New York.
""", [
        P("Miguel Santana", "Orbis chief operating officer"),
        P("Rebecca Holm", "Analyst"),
        Q("Safety is our first priority and we are moving quickly", "Miguel Santana", "person"),
        Q("Software recalls are cheap to fix", "Rebecca Holm", "pronoun"),
        Q("Investors will look through this.", "Rebecca Holm", "person"),
    ]),
]

REFERENCE = ("cgtn-reference", "third-party news text (CGTN); not copied here: the row points at the project's bundled sample", [
    P("Dmitry Peskov", "Kremlin spokesperson"),
    P("Vladimir Putin", "Russian President"),
    P("Sergey Lavrov", "Foreign Minister"),
    P("Sergei Shoigu", "Russian Defence Minister"),
    P("Volodymyr Zelensky", "Ukrainian President"),
    P("Olaf Scholz", "German Chancellor"),
    P("Boris Johnson", "British Prime Minister"),
    P("Joe Biden", "U.S. President"),
    P("Justin Trudeau", "Canadian Prime Minister"),
    P("Antonio Guterres", "UN Secretary-General"),
    Q("First of all, President Putin has always been demanding negotiations and diplomacy", "Dmitry Peskov", "person"),
    Q("And actually, he initiated", "Dmitry Peskov", "person", end="President Putin is willing to negotiate."),
    Q("There is always a chance", "Sergey Lavrov", "person", True),
    Q("I would suggest continuing", "Sergey Lavrov", "person"),
    Q("Fine", "Vladimir Putin", "person", nth=1),
    Q("ending", "Sergei Shoigu", "person", True, nth=2),
    Q("in the near future", "Sergei Shoigu", "person", True),
    Q("We want peace, and we want to settle all the issues only through negotiations", "Volodymyr Zelensky", "pronoun"),
    Q("They tell us February 16 will be the day of the attack. We will make it a day of unity", "Volodymyr Zelensky", "person"),
    Q("crucial window for diplomacy", "Johnson's office", "institution", True, nth=1),
    Q("They agreed there remained a crucial window for diplomacy and for Russia to step back from its threats towards Ukraine", "Downing Street spokesman", "institution"),
    Q("the first priority", "Downing Street spokesman", "institution", True),
    Q("There is no alternative to diplomacy.", "Antonio Guterres", "person", end="this principle will prevail"),
])


def locate(text: str, needle: str, nth: int = 1, after: int = 0) -> int:
    at = after - 1
    for _ in range(nth):
        at = text.index(needle, at + 1)
    return at


def labelled(text: str, labels: list[dict]) -> list[dict]:
    facts = []
    for label in labels:
        if label["kind"] == "person":
            start = locate(text, label["find"])
            end = start + len(label["find"])
            value = {"name": label["name"], "roles": label["roles"]}
        else:
            start = locate(text, label["find"], label["nth"])
            end = locate(text, label["end"], 1, start) + len(label["end"]) if label["end"] else start + len(label["find"])
            value = {"speaker": label["speaker"], "speaker_kind": label["speaker_kind"], "partial": label["partial"]}
        facts.append({"type": label["kind"], "start": start, "end": end, "text": text[start:end], "value": value})
    return sorted(facts, key=lambda f: (f["start"], f["type"]))


def rows() -> list[dict]:
    built = [
        {"id": name, "split": split, "source": "written for factcards", "license": license, "text": text, "facts": labelled(text, labels)}
        for split, articles in (("dev", ARTICLES), ("heldout", HELDOUT))
        for name, license, text, labels in articles
    ]
    name, license, labels = REFERENCE
    text = (ROOT / SAMPLE).read_text(encoding="utf-8")
    built.append(
        {"id": name, "split": "dev", "source": "CGTN, 15 Feb 2022, as scraped (the project's reference article)", "license": license,
         "text": None, "text_file": SAMPLE, "facts": labelled(text, labels)}
    )
    return built


if __name__ == "__main__":
    with OUT.open("w", encoding="utf-8") as out:
        for row in rows():
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {OUT}")
