"""Survey definition files: parse, validate, load into the database."""

from app.definitions.parsing import (
    DefinitionError,
    definition_of,
    known_definition,
    parse_file,
    parse_text,
)
from app.definitions.schema import KpiDef, QuestionDef, SurveyDef

__all__ = [
    "definition_of",
    "DefinitionError",
    "KpiDef",
    "known_definition",
    "QuestionDef",
    "SurveyDef",
    "parse_file",
    "parse_text",
]
