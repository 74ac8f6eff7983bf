"""The one schema of the unit data: framework, dataset and units. Also exported as JSON Schema for editors.

Cross-file rules (a stage or indicator the framework does not list, an unknown parent, duplicate ids) are checked
in :mod:`p2ham.units.load`, which reports every problem as ``file:line: field: problem``.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
Note = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
Status = Literal["ada", "proses", "belum"]
STATUSES: tuple[Status, ...] = ("ada", "proses", "belum")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Strict):
    """A short text in both languages of the site."""

    id: ShortText = Field(description="Indonesian")
    en: ShortText = Field(description="English")


class Stage(Strict):
    id: Slug
    label: Text


class Result(Strict):
    id: Slug
    label: Text


class UnitType(Strict):
    id: Slug
    label: Text


class Indicator(Strict):
    id: Slug
    label: Text


class Criterion(Strict):
    id: Slug
    label: Text
    indicators: list[Indicator] = Field(min_length=1)


class Framework(Strict):
    """framework.yml: what units are assessed on, and the stages of the cycle, in order."""

    regulation: Text = Field(description="The regulation the framework follows, e.g. Permenkumham 25/2023")
    stages: list[Stage] = Field(min_length=2, description="The stages of the cycle, in order")
    results: list[Result] = Field(min_length=1, description="Possible results of a year's assessment")
    unit_types: list[UnitType] = Field(min_length=1)
    criteria: list[Criterion] = Field(min_length=1)


class Target(Strict):
    date: dt.date = Field(description="When the target should be met")
    units_with_predicate: int = Field(ge=0, description="How many units should hold the predicate by then")
    description: Text


class Dataset(Strict):
    """dataset.yml: whose data this is, as of when, and whether it is an illustrative sample."""

    office: Text = Field(description="The office the data belongs to, e.g. a regional office")
    as_of: dt.date = Field(description="The date the data describes")
    sample: bool = Field(description="True for illustrative data: every generated page then says so")
    target: Target


class IndicatorStatus(Strict):
    status: Status = Field(description="ada (in place), proses (in progress) or belum (not yet)")
    note: Note | None = Field(default=None, description="Evidence; a little Markdown (emphasis, links, lists)")
    date: dt.date | None = Field(default=None, description="When the evidence was checked")


class HistoryEntry(Strict):
    year: int = Field(ge=2000, le=2100)
    stage: Slug = Field(description="The furthest stage reached that year (a framework stage id)")
    result: Slug | None = Field(default=None, description="A framework result id")
    decree: ShortText | None = Field(default=None, description="Reference of the decree, if any")


class Predicate(Strict):
    year: int = Field(ge=2000, le=2100, description="Year of the assessment that gave the predicate")
    decree: ShortText | None = None


class Unit(Strict):
    """units/<id>.yml: one work unit."""

    id: Slug = Field(description="Stable id, equal to the file name without .yml")
    name: Text
    type: Slug = Field(description="A framework unit type id")
    parent: Slug | None = Field(default=None, description="The id of the unit this one reports to")
    region: ShortText = Field(description="Kabupaten or kota")
    stage: Slug = Field(description="The current stage (a framework stage id)")
    predicate: Predicate | None = Field(default=None, description="The P2HAM predicate the unit holds now")
    history: list[HistoryEntry] = Field(default_factory=list)
    indicators: dict[Slug, IndicatorStatus] = Field(default_factory=dict, description="By indicator id")
    next_actions: list[Text] = Field(default_factory=list)


def json_schemas() -> dict[str, dict[str, object]]:
    """JSON Schema of each kind of data file, for editors' completion and checks."""
    schemas: dict[str, dict[str, object]] = {}
    for name, model in (("framework", Framework), ("dataset", Dataset), ("unit", Unit)):
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = f"p2ham-{name}.schema.json"
        schemas[name] = schema
    return schemas
