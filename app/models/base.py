"""What every table shares: UTC times, state errors, enum columns held by a check constraint."""

from datetime import UTC, datetime
from enum import StrEnum

from pydantic_core import PydanticUndefined
from sqlalchemy import Enum as SqlEnum


def utcnow() -> datetime:
    """Return the current time in UTC, aware of its zone."""
    return datetime.now(UTC)


def hour_of(moment: datetime) -> datetime:
    """Return the hour a moment falls in: when a response came, and no closer."""
    # An exact time could be matched with a web server's log to tell who answered.
    return moment.replace(minute=0, second=0, microsecond=0)


def this_hour() -> datetime:
    """Return the current hour in UTC."""
    return hour_of(utcnow())


class StateError(ValueError):
    """A survey or KPI was asked to make a move its state does not allow."""


def enum_column(values: type[StrEnum]) -> SqlEnum:
    """Return a column type that stores an enum's values as text and reads back members."""
    # The check constraint is declared by name on the table, so migrations can refer to it.
    return SqlEnum(
        values,
        native_enum=False,
        create_constraint=False,
        length=16,
        values_callable=lambda enum: [member.value for member in enum],
    )


def one_of(column: str, values: type[StrEnum]) -> str:
    """Return SQL that holds a column to an enum's values, for a check constraint."""
    listed = ", ".join(f"'{v.value}'" for v in values)
    return f"{column} IN ({listed})"


def plain_defaults(model) -> dict:
    """Return the values a model gives its fields when none is set, for a Core INSERT.

    Fields whose default is made by a factory (a time, a new list) are left out: the caller
    sets them, once for every row of a statement. So is the primary key, which the database
    gives.
    """
    keys = {column.name for column in model.__table__.primary_key}
    return {
        name: field.default
        for name, field in model.model_fields.items()
        if field.default is not PydanticUndefined
        and field.default_factory is None
        and name not in keys
    }
