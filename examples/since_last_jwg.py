"""What has happened since the last Joint Working Group?  As of any day.

Run:  python examples/since_last_jwg.py [YYYY-MM-DD ...]
"""

import sys

import agreement_tracker as at

t = at.load()
days = sys.argv[1:] or ["2025-07-23", "2025-11-01", "2025-11-06"]

print(t.tables.series("JWG"))
print()
for day in days:
    try:
        print(t.tables.since_last("JWG", as_of=day).table("simple"))
        last = t.last_meeting("JWG", as_of=day)
        print(f"(as of {day}; the last JWG was {last.id}, {last.date})")
    except at.NoMatchError as error:
        print(f"As of {day}: {error}")
    print()

# Imprecise dates are handled honestly: the July 2024 JWG is only known to have
# happened by the end of July 2024.
for day in ("2024-07-15", "2024-07-31"):
    try:
        print(day, "->", t.last_meeting("JWG", as_of=day).id)
    except at.NoMatchError as error:
        print(day, "->", error)
