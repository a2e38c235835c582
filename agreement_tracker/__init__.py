"""agreement_tracker: typed, cited records of bilateral defence relations.

Agreements, meetings, delegations, people, organisations, focus areas and context
events are immutable typed records; every fact carries a verbatim citation; dates know
their precision; disagreements between sources stay visible.

>>> import agreement_tracker as at
>>> t = at.load()
>>> [m.id for m in t.mous(domain="cyber security")]
['mou-2025-11-defence-cooperation']
>>> t.last_meeting("JWG", as_of="2025-11-01").date.isoformat()
'2024-07'
"""

from typing import TYPE_CHECKING

from .dataset import Tracker, load, validate
from .dates import (
    DateBetween,
    DateLike,
    DateRange,
    PartialDate,
    Precision,
    Resolved,
    When,
    parse_when,
    resolve_this_year,
    resolve_weekday,
    to_date,
)
from .exceptions import (
    AgreementTrackerError,
    ArgumentError,
    ArgumentTypeError,
    DatasetError,
    DateFormatError,
    FieldValueError,
    NoMatchError,
    UnknownRecordError,
)
from .model import (
    Action,
    ActionKind,
    Agreement,
    AgreementKind,
    AgreementStatus,
    Citation,
    Claim,
    DatelineKind,
    Delegation,
    Discrepancy,
    Engagement,
    EngagementKind,
    Event,
    EventKind,
    FocusArea,
    Identifier,
    Inference,
    Involvement,
    InvolvementRole,
    Link,
    LinkRelation,
    Materiel,
    Meeting,
    MeetingKind,
    MeetingTiming,
    Organisation,
    OrganisationKind,
    Person,
    Place,
    Qualifier,
    Quantity,
    Record,
    RelationshipFact,
    Role,
    Series,
    Source,
    SourceKind,
    Speech,
    Statement,
    StatementKind,
    Unnamed,
)
from .query import Mode, Related, TimelineEntry
from .records import Records
from .vocabulary import Vocabulary

if TYPE_CHECKING:  # at run time these load lazily, through __getattr__ below
    from .drafting import Draft, draft

__version__ = "0.1.0"


def __getattr__(name: str) -> object:
    """``draft`` and ``Draft`` load the drafting package on first use (PEP 562)."""
    if name in ("draft", "Draft"):
        from . import drafting

        return getattr(drafting, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Action",
    "ActionKind",
    "Agreement",
    "AgreementKind",
    "AgreementStatus",
    "AgreementTrackerError",
    "ArgumentError",
    "ArgumentTypeError",
    "Citation",
    "Claim",
    "DatasetError",
    "DateBetween",
    "DateFormatError",
    "DateLike",
    "DateRange",
    "DatelineKind",
    "Delegation",
    "Discrepancy",
    "Draft",
    "Engagement",
    "EngagementKind",
    "Event",
    "EventKind",
    "FieldValueError",
    "FocusArea",
    "Identifier",
    "Inference",
    "Involvement",
    "InvolvementRole",
    "Link",
    "LinkRelation",
    "Materiel",
    "Meeting",
    "MeetingKind",
    "MeetingTiming",
    "Mode",
    "NoMatchError",
    "Organisation",
    "OrganisationKind",
    "PartialDate",
    "Person",
    "Place",
    "Precision",
    "Qualifier",
    "Quantity",
    "Record",
    "Records",
    "Related",
    "RelationshipFact",
    "Resolved",
    "Role",
    "Series",
    "Source",
    "SourceKind",
    "Speech",
    "Statement",
    "StatementKind",
    "TimelineEntry",
    "Tracker",
    "UnknownRecordError",
    "Unnamed",
    "Vocabulary",
    "When",
    "__version__",
    "draft",
    "load",
    "parse_when",
    "resolve_this_year",
    "resolve_weekday",
    "to_date",
    "validate",
]
