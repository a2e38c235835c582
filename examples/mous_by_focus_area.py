"""MoUs by focus area: the vocabulary, its hierarchy and the focus-area matrix.

Run:  python examples/mous_by_focus_area.py
"""

import agreement_tracker as at

t = at.load()
vocab = t.focus_areas

# One term, many spellings: all of these name the same focus area.
for spelling in ("AI", "artificial intelligence", "Research and Develoment", "R&D"):
    print(f"{spelling!r:28} -> {vocab.lookup(spelling).label}")
print()

# Umbrella terms contain narrower ones.
print(
    "Emerging technologies covers:",
    ", ".join(a.label for a in vocab.children("emerging technologies")),
)
print()

# MoUs grouped by the focus areas they name.
for area, mous in t.mous_by_domain().items():
    print(f"{area.label:32} {', '.join(m.id for m in mous)}")
print()

# The same as a matrix, ready for a report.
print(t.tables.focus_matrix())
print()

# A misspelt domain is an error with a suggestion, never an empty answer.
try:
    t.mous(domain="cyber securty")
except at.UnknownRecordError as error:
    print("Error:", error)
