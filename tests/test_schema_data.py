"""The contract's two forms stay one: the plain data the interpreter builds
(``schema.data``), which ``fengong parse`` writes as JSON without importing Pydantic, and
the Pydantic models (``schema.models``), which everything else sees."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from fengong.exporters.json import plan_to_json
from fengong.pipeline import parse_bytes_to_data
from fengong.schema import as_plan, models
from fengong.schema import data as plain
from tests.conftest import SAMPLES
from tests.test_golden import ALL_SAMPLES

CORPUS = Path(__file__).resolve().parent / "corpus"

PAIRS = [
    (plain.LocationData, models.Location),
    (plain.DeadlineData, models.Deadline),
    (plain.WarningData, models.PlanWarning),
    (plain.ColumnData, models.Column),
    (plain.AttachmentData, models.Attachment),
    (plain.SourceData, models.Source),
    (plain.TaskData, models.Task),
    (plain.PlanData, models.Plan),
]


@pytest.mark.parametrize(("typed", "model"), PAIRS, ids=lambda x: getattr(x, "__name__", ""))
def test_plain_data_has_the_models_fields_in_their_order(typed: Any, model: Any) -> None:
    assert list(typed.__annotations__) == list(model.model_fields)


def _same_both_ways(data: plain.PlanData) -> None:
    plan = as_plan(data)  # raises if the interpreter's data breaks the contract
    assert plan_to_json(data) == plan_to_json(plan)
    assert json.loads(plan_to_json(data)) == plan.model_dump(mode="json")


# every text and Word sample, and one PDF for the bounding boxes (the PDFs take seconds
# each; test_golden.py validates all of them)
SOME_SAMPLES = [p for p in ALL_SAMPLES if p.suffix != ".pdf"] + [
    SAMPLES / "pdf" / "seed001_prose_then_pipe-table.pdf"
]


@pytest.mark.parametrize("sample", SOME_SAMPLES, ids=lambda p: p.name)
def test_samples_validate_and_serialises_the_same_both_ways(sample: Path) -> None:
    _same_both_ways(parse_bytes_to_data(sample.read_bytes(), sample.name))


def test_corpus_plans_validate_and_serialise_the_same_both_ways() -> None:
    texts = sorted(CORPUS.glob("*.txt"))[::3]  # a third of them: the samples cover the rest
    assert len(texts) > 50
    for path in texts:
        _same_both_ways(parse_bytes_to_data(path.read_bytes(), path.name))


def test_a_whole_number_bounding_box_is_written_as_pydantic_writes_it() -> None:
    # Pydantic's float fields write 0.0 where the data could hold 0 and print 0
    from fengong.document import Provenance
    from fengong.interpret.plan import location_of

    where = location_of(Provenance(page=1, bbox=(0, 1, 2.5, 3)))
    assert where is not None and where["bbox"] == [0.0, 1.0, 2.5, 3.0]
    assert json.dumps(where["bbox"]) == "[0.0, 1.0, 2.5, 3.0]"


def test_parse_to_json_does_not_import_pydantic(tmp_path: Path) -> None:
    # importing Pydantic and building the models costs a whole run about 0.25 s
    sample = SAMPLES / "text" / "seed001_prose_then_pipe-table.txt"
    out = tmp_path / "p.json"
    run = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "fengong", "parse", str(sample), "-o", str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    imported = [line.rsplit("|", 1)[-1].strip() for line in run.stderr.splitlines()]
    assert "fengong.interpret.plan" in imported  # the importtime report is there
    assert not [name for name in imported if name.split(".")[0] == "pydantic"]
    assert json.loads(out.read_text("utf-8"))["tasks"]
