"""Build a small tracker of your own, for another country pair, from typed records.

Everything here is invented for illustration: a one-paragraph "report" and the facts
taken from it.  The same validation as for the bundled data applies: every quote must
be found in its source, every reference must resolve.

Run:  python examples/build_your_own.py
"""

import agreement_tracker as at

REPORT = (
    "Paris, 12 March. India and France held the 5th meeting of their Defence Dialogue "
    "in Paris on Tuesday, co-chaired by the two defence secretaries, and signed a "
    "letter of intent on space cooperation."
)

source = at.Source(id="example-report", text_file="example.txt", text=REPORT)


def cite(quote: str, *fields: str) -> at.Citation:
    return at.Citation(source=source.id, quote=quote, supports=fields)


series = at.Series(
    id="dd",
    name="India–France Defence Dialogue",
    short_name="DD",
    parties=("IN", "FR"),
    citations=(
        cite("India and France held the 5th meeting of their Defence Dialogue", "name", "parties"),
    ),
)
meeting = at.Meeting(
    id="dd-5",
    kind=at.MeetingKind.DIALOGUE,
    title="5th India–France Defence Dialogue",
    series="dd",
    number=5,
    # "on Tuesday" in a report datelined 12 March: resolve it and say so.
    date=at.resolve_weekday("Tuesday", "2026-03-12").value,
    place=at.Place(city="Paris", country="FR"),
    citations=(
        cite(
            "the 5th meeting of their Defence Dialogue in Paris on Tuesday",
            "kind",
            "series",
            "number",
            "date",
            "place",
        ),
    ),
    inferred=(
        at.Inference(field="date", reason=at.resolve_weekday("Tuesday", "2026-03-12").reason),
    ),
)
space = at.FocusArea(id="space", label="Space", citations=(cite("space cooperation", "label"),))
loi = at.Agreement(
    id="loi-space",
    kind=at.AgreementKind.LETTER_OF_INTENT,
    title="India–France letter of intent on space cooperation",
    parties=("IN", "FR"),
    meeting="dd-5",
    focus_areas=("space",),
    citations=(
        cite(
            "signed a letter of intent on space cooperation",
            "kind",
            "parties",
            "meeting",
            "focus_areas",
        ),
    ),
)

mine = at.Tracker([source, series, meeting, space, loi], name="India–France example", version="0.1")
print(mine)
print(mine.meetings_in_series("DD"))
print()
print(mine.agreements_about("space").table(columns=["id", "kind", "focus_areas"]))
print()

# A broken record is refused with the place of the problem.
bad = at.Meeting(
    id="dd-6",
    kind=at.MeetingKind.DIALOGUE,
    title="6th India–France Defence Dialogue",
    series="dd",
    number=6,
    participants=("someone-unknown",),
    citations=(cite("a quote that is not in the report"),),
)
try:
    at.Tracker([source, series, meeting, space, loi, bad])
except at.DatasetError as error:
    print(error)
