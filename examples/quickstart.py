"""Quickstart: load the bundled dataset and ask it the everyday questions.

Run:  python examples/quickstart.py
"""

import agreement_tracker as at

t = at.load()
print(t)
print()

# Which MoUs cover cyber security?  Synonyms, case and umbrella terms all work.
print(t.mous(domain="cybersecurity"))
print()

# When was the last Joint Working Group, and what has happened since?
last = t.last_meeting("JWG", as_of="2025-11-01")
print(f"Last JWG as of 2025-11-01: no. {last.number}, {last.date}, {last.place}")
print(t.meetings_since_last("JWG", as_of="2025-11-01").table(columns=["id", "date", "title"]))
print()

# Who is Amir Baram?
baram = t.person("Amir Baram")
role = baram.roles[0]
where = t.organisation(role.organisation).name if role.organisation else role.country
print(baram.name, "—", baram.role_label, "of", where)
print()

# Where does a fact come from?  Every row is one step from its quotes.
print(t.meetings_in_series("JWG").sources())
print()

# Where do the sources disagree?
print(t.tables.discrepancies())
