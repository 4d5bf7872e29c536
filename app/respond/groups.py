"""The home page's surveys, grouped by who they are for: young people's first."""

from collections.abc import Iterable
from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l

from app.definitions.schema import Audience

# Each audience's heading and its easy-read picture, in the order the home page shows them.
GROUPS: tuple[tuple[Audience, str, str], ...] = (
    (Audience.YOUNG_PEOPLE, _l("For young people"), "friends"),
    (Audience.PARENT_CARERS, _l("For parents and carers"), "family"),
    (Audience.SENCOS, _l("For school staff"), "school"),
    (Audience.PRACTITIONERS, _l("For people who work with children and young people"), "people"),
)


@dataclass
class SurveyGroup:
    audience: Audience
    heading: str
    picture: str  # the name of an easyread/symbols picture
    surveys: list = field(default_factory=list)


def by_audience(surveys: Iterable[tuple[str, object]]) -> list[SurveyGroup]:
    """Put (audience, item) pairs under their audience's heading; leave out empty groups."""
    groups = {
        audience: SurveyGroup(audience, heading, picture) for audience, heading, picture in GROUPS
    }
    for audience, item in surveys:
        groups[Audience(audience)].surveys.append(item)
    return [group for group in groups.values() if group.surveys]
