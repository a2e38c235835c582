"""People and their roles, and everything each person took part in.

Run:  python examples/people_and_roles.py
"""

import agreement_tracker as at

t = at.load()
print(t.tables.people())
print()

for name in ("Rajesh Kumar Singh", "Baram", "dr s jaishankar"):
    person = t.person(name)
    print(f"{person.name} ({person.role_label}):")
    print(t.involving(person.id).table(columns=["date", "kind", "title"]))
    print()

try:
    t.person("Rajesh Singh")
except at.UnknownRecordError as error:
    print("Error:", error)
