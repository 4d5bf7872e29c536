"""Survey definition files: parse, validate, load into the database."""

from app.definitions.schema import (
    DefinitionError,
    KpiDef,
    QuestionDef,
    SurveyDef,
    definition_of,
    parse_file,
    parse_text,
)

__all__ = [
    "definition_of",
    "DefinitionError",
    "KpiDef",
    "QuestionDef",
    "SurveyDef",
    "parse_file",
    "parse_text",
]
