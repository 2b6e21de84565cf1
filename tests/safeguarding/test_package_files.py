"""The corpus and the model are read through the package, and installed with it."""

import tomllib
from fnmatch import fnmatch
from importlib import resources
from pathlib import Path

from voice.safeguarding import classifier, corpus

PACKAGE = "voice.safeguarding.corpus"
PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def files_under(folder, prefix=""):
    for entry in folder.iterdir():
        name = f"{prefix}{entry.name}"
        if entry.is_dir():
            if entry.name != "__pycache__":
                yield from files_under(entry, f"{name}/")
        elif not name.endswith((".py", ".pyc")):
            yield name


def test_the_model_and_every_corpus_text_are_found_through_the_package():
    package = resources.files(PACKAGE)
    assert package / "model.joblib" == classifier.MODEL_PATH
    assert classifier.MODEL_PATH.is_file()
    assert package == corpus.HERE
    themes = {label for _text, label in corpus.labelled()} - {corpus.ORDINARY}
    assert len(themes) == 13
    assert corpus.evaluation()
    assert corpus.personal_details()


def test_every_file_the_code_reads_is_named_as_package_data():
    settings = tomllib.loads(PYPROJECT.read_text())["tool"]["setuptools"]
    patterns = settings["package-data"][PACKAGE]
    data_files = sorted(files_under(resources.files(PACKAGE)))

    assert "model.joblib" in data_files
    assert "concern/abuse.txt" in data_files
    unlisted = [
        name
        for name in data_files
        if not any(fnmatch(name, pattern) for pattern in patterns)
    ]
    assert unlisted == []
