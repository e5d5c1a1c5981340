"""The project: one object that resolves, once, where everything is and reads what researchers edit.

The root is the nearest folder, from the working folder upwards, holding `workbench.toml` or
`data/corpus`; so a notebook in `notebooks/` finds the same project as a terminal at the root.
`workbench.toml` (or the file named by `WORKBENCH_CONFIG`; its paths are relative to it)::

    [corpus]
    path = "data/corpus"          # WORKBENCH_CORPUS overrides it
    metadata = "data/sources.csv"
    cache = ".cache"              # the one cache home
    copies = "keep"               # republications by other outlets: "keep" or "aside"
    lower_bounds = false          # true: date an undated page at the latest date it mentions
    progress = false              # no progress bars while loading (workbench.progress)
    [corpus.columns]              # CSV/JSONL exports whose columns have other names
    text = "body"
    [cluster]                     # a Dask cluster that processes the files (WORKBENCH_SCHEDULER too)
    address = "tcp://scheduler:8786"  # or scheduler_file = "scheduler.json"
    [inputs]                      # an input kept elsewhere than data/<file>
    actors = "my-actors.csv"
    [stopwords]
    also = ["en"]                 # lists applied to every document besides its own language's

Every researcher-editable input is read through the project (`actors()`, `frames()`, …), from
the project's `data/` folder, else the copy shipped in the package (`workbench/project/defaults/`),
so an installed workbench works in any folder; an edited file is read again.
"""

from __future__ import annotations

import os
import shutil
import tomllib
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import pandas as pd

from ..corpus.corpus import Corpus
from ..index.axis import date_end
from ..index.query import Query, named_query
from ..ingest import Context, LoadOptions, Rules, TokenizerSettings, build_corpus, outlet_table
from ..ingest.dates import parse_date
from ..parallel import cluster_client, worker_count
from .inputs import ROLES, TABLES, InputError, read_actors, read_table, read_words

CONFIG_NAME = "workbench.toml"
SOURCES = "data/sources.csv"  # the curated metadata, where a project keeps it unless told otherwise
#: the workbench's own inputs, shipped in the package, used where a project has no file of that name
SHIPPED = Path(__file__).resolve().parent / "defaults"
STOPWORDS = SHIPPED / "stopwords"  # shipped stopword lists, <language>.txt
#: inputs a project may keep elsewhere ([inputs] in workbench.toml): name -> file in data/
INPUTS = {Path(name).stem: name for name in (*TABLES, "mwe.txt")}
_SETTINGS = {"corpus": {"path", "metadata", "cache", "columns", "copies", "lower_bounds", "progress",
                        "workers"},
             "cluster": {"address", "scheduler_file"},
             "inputs": set(INPUTS),
             "stopwords": {"also"}}


@dataclass(frozen=True)
class Project:
    """Where a project is (`root`, `data`, `cache`), which corpus it opens, and its inputs."""

    root: Path
    config_file: Path | None = None  # the workbench.toml read, if there is one
    settings: dict = field(default_factory=dict, repr=False)
    _read: dict = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def find(cls, start: str | Path | None = None) -> Project:
        """The project around `start` (default: the working folder), configured by its
        workbench.toml or the file `WORKBENCH_CONFIG` names; InputError for a bad config."""
        here = Path(start or Path.cwd()).resolve()
        root = next((f for f in (here, *here.parents)
                     if (f / CONFIG_NAME).exists() or (f / "data" / "corpus").is_dir()),
                    here if here.is_dir() else here.parent)
        named = os.environ.get("WORKBENCH_CONFIG")
        config = Path(named) if named else root / CONFIG_NAME
        return cls(root, config if config.exists() else None, _settings(config))

    @property
    def data(self) -> Path:
        """The folder of the project's researcher-editable inputs."""
        return self.root / "data"

    @property
    def reports(self) -> Path:
        """Where reports and exports are written (git-ignored)."""
        return self.root / "reports"

    @property
    def views(self) -> Path:
        """Where the dashboards' saved views are kept (`<name>.json`, small, worth sharing)."""
        return self.root / "views"

    @property
    def _base(self) -> Path:
        """The folder that paths in the config file are relative to."""
        return self.config_file.parent if self.config_file else self.root

    @property
    def cache(self) -> Path:
        """The one cache home: every corpus this project loads is cached here."""
        return self._base / self.settings.get("corpus", {}).get("cache", ".cache")

    def corpus_path(self) -> Path:
        """The corpus the project opens: `WORKBENCH_CORPUS`, else `[corpus] path`, else data/corpus."""
        path = os.environ.get("WORKBENCH_CORPUS") or self._base / self.settings.get(
            "corpus", {}).get("path", "data/corpus")
        return Path(path)

    def load_options(self) -> LoadOptions:
        """The load options `[corpus]` sets for the configured corpus: metadata (data/sources.csv
        unless told otherwise; "" for none), columns, copies, lower_bounds, progress."""
        section = self.settings.get("corpus", {})
        metadata = section.get("metadata", SOURCES)
        if "metadata" not in section and not (self._base / metadata).exists():
            metadata = ""  # none configured and none at the usual place: nothing to report
        given = {key: section[key] for key in ("columns", "copies", "lower_bounds", "progress")
                 if key in section}
        return LoadOptions(metadata=self._base / metadata if metadata else None, **given)

    # -- opening a corpus ------------------------------------------------------------------
    def context(self) -> Context:
        """What ingest needs from the project: cleaning rules, the known outlets and the phrases
        by which pages name themselves, tokenizer settings."""
        rules, outlets = self.table("cleaning_rules"), self.table("outlets")
        also = tuple(self.settings.get("stopwords", {}).get("also", ()))
        return Context(
            rules=Rules.compile(zip(rules.outlet, rules.rule, rules.pattern)),
            outlets=outlet_table(zip(outlets.outlet, outlets.domains, outlets.names, outlets.self),
                                 self.table("self_references").pattern),
            tokenizer=TokenizerSettings(mwe=self.mwe(), stopwords=tuple(self.stopwords().items()),
                                        also=also))

    @LoadOptions.as_keywords()
    def load_corpus(self, path: str | Path, options: LoadOptions | None = None,
                    **overrides) -> Corpus:
        """Every file under `path` as a `Corpus`, cleaned with this project's inputs and cached
        in its cache home unless `cache_dir` says otherwise, on the Dask cluster `client`,
        `[cluster]` or `WORKBENCH_SCHEDULER` names if one does: `options` (`LoadOptions()` by
        default) with `overrides`, any of the `workbench.ingest.LoadOptions` by name."""
        options = replace(options or LoadOptions(), **overrides)
        configured = self.settings.get("corpus", {}).get("workers")
        cluster = self.settings.get("cluster", {})
        scheduler_file = cluster.get("scheduler_file")
        return build_corpus(path, self.context(), replace(
            options, cache_dir=options.cache_dir or self.cache,
            workers=worker_count(options.workers, configured=configured),
            client=cluster_client(options.client, address=cluster.get("address"),
                                  scheduler_file=scheduler_file and self._base / scheduler_file)))

    def open_corpus(self, **overrides) -> Corpus:
        """The corpus this project is configured for (`corpus_path`, `load_options`), with
        `overrides` of any load option by name."""
        return self.load_corpus(self.corpus_path(), self.load_options(), **overrides)

    # -- researcher-editable inputs ----------------------------------------------------------
    def input_path(self, name: str) -> Path:
        """Where input `name` (e.g. "actors") is read from: the [inputs] entry of the config,
        else the project's `data/` file, else the workbench's own."""
        if name not in INPUTS:
            raise ValueError(f"input {name!r} is unknown; expected one of {', '.join(INPUTS)}")
        if name in self.settings.get("inputs", {}):
            return self._base / self.settings["inputs"][name]
        local = self.data / INPUTS[name]
        return local if local.exists() else SHIPPED / INPUTS[name]

    def inputs(self) -> pd.DataFrame:
        """Where each researcher-editable input is read from. Columns: input, path, source
        ("settings": `[inputs]` of the config; "project": the project's `data/`; "shipped": the
        package's copy; "none": not given, as an optional input may be)."""
        rows = []
        for name in INPUTS:
            path = self.input_path(name)
            source = ("settings" if name in self.settings.get("inputs", {}) else
                      "shipped" if path.is_relative_to(SHIPPED) else "project")
            if not path.exists():
                path, source = path if source == "settings" else self.data / INPUTS[name], "none"
            rows.append((name, str(path), source))
        for language, path in self._stopword_files().items():
            rows.append((f"stopwords/{language}", str(path),
                         "shipped" if path.is_relative_to(SHIPPED) else "project"))
        return pd.DataFrame(rows, columns=["input", "path", "source"])

    def _cached(self, key: str, path: Path, read):
        """`read(path)`, read again only when the file changed since the last call."""
        stat = path.stat()
        stamp = (key, str(path), stat.st_mtime_ns, stat.st_size)
        if self._read.get(key, (None,))[0] != stamp:
            self._read[key] = (stamp, read(path))
        return self._read[key][1]

    def table(self, name: str) -> pd.DataFrame:
        """An input table as validated rows (with their `line`); see `workbench.project.inputs`."""
        path = self.input_path(name)
        return self._cached(name, path, lambda p: read_table(p, TABLES[INPUTS[name]]))

    def actors(self) -> pd.DataFrame:
        """The actor dictionary (`data/actors.csv`), one row per alias: see `inputs.read_actors`."""
        return self._cached("actors", self.input_path("actors"), read_actors).copy()

    def naming_variants(self) -> pd.DataFrame:
        """Name variants (`data/naming_variants.csv`): concept, variant, terms, stance, notes."""
        return self.table("naming_variants").drop(columns="line").astype(object)

    def keyword_groups(self) -> dict[str, Query]:
        """Keyword groups (`data/keywords.csv`) as queries by name, for `@name` in queries."""
        table = self.table("keywords")
        return {group: named_query(group, rows.terms)
                for group, rows in table.groupby("group", sort=False)}

    def frames(self) -> dict[str, Query]:
        """Framing lexicons (`data/frames.csv`, rows of a frame joined) as queries by frame."""
        table = self.table("frames")
        return {frame: named_query(frame, rows.terms)
                for frame, rows in table.groupby("frame", sort=False)}

    def events(self) -> pd.DataFrame:
        """Dated events (`data/events.csv`). Columns: date (first day), date_precision, date_end
        (last possible day), label, description."""
        return self._cached("events", self.input_path("events"), self._read_events)

    def _read_events(self, path: Path) -> pd.DataFrame:
        raw = read_table(path, TABLES["events.csv"])
        parsed = [parse_date(v) for v in raw.date]
        bad = [f"line {n}: date {v!r} is not understood; write 2020-11-10, 2024-04 or 2023"
               for n, v, p in zip(raw.line, raw.date, parsed, strict=True) if p is None]
        if bad:
            raise InputError(path, bad)
        events = pd.DataFrame({
            "date": pd.to_datetime([p[0] for p in parsed]).astype("datetime64[ns]"),
            "date_precision": pd.Series([p[1] for p in parsed], dtype="string"),
            "label": raw.label.astype(object), "description": raw.description.astype(object)})
        events.insert(2, "date_end", date_end(events))
        return events

    def title_words(self, language: str | None = None) -> tuple[str, ...]:
        """Words that introduce a name ("President", "expert"; `data/title_words.csv`), of one
        language or all."""
        table = self.table("title_words")
        return tuple(table.word[table.language == language] if language else table.word)

    def discovery(self) -> dict[str, tuple[str, ...]]:
        """What actor discovery relies on (`actors.find_mentions(discovery=...)`): titles
        (`data/title_words.csv`), the words of each role of `data/discovery_words.csv`, and the
        names the researcher rejected (`data/rejected_actors.csv`, if the project has one)."""
        table = self.table("discovery_words")
        words = {role: tuple(table.word[table.role == role]) for role in ROLES}
        rejected = self.table("rejected_actors").name if self.input_path(
            "rejected_actors").exists() else ()
        return {"titles": self.title_words(), **words, "rejected": tuple(rejected)}

    def own_input(self, name: str) -> Path:
        """The project's own copy of input `name`, to edit (and where the review of discovered
        actors writes): the file it reads already, unless that is the shipped copy, which is then
        copied to the project's `data/` first; an input the workbench does not ship (rejected
        actors) may not exist yet."""
        path = self.input_path(name)
        if path.is_relative_to(SHIPPED):
            own = self.data / INPUTS[name]
            own.parent.mkdir(parents=True, exist_ok=True)
            if path.exists():
                shutil.copyfile(path, own)
            return own
        return path

    def speech_cues(self, language: str = "en") -> tuple[str, ...]:
        """Speech cues that name a quotation's speaker (`data/speech_cues.csv`) of a language;
        `profiling.voices(corpus, cues=project.speech_cues)` gives each document its language's."""
        table = self.table("speech_cues")
        return tuple(table.cue[table.language == language])

    def mwe(self) -> tuple[str, ...]:
        """Multi-word expressions joined into one token (`data/mwe.txt`), lower case."""
        path = self.input_path("mwe")
        return self._cached("mwe", path, lambda p: read_words(p, lower=True)) if path.exists() \
            else ()

    def stopwords(self) -> dict[str, frozenset[str]]:
        """Stopword list per language: the workbench's (`workbench/project/defaults/stopwords/`), each
        replaced by the project's `data/stopwords/<language>.txt` where there is one."""
        return {lang: frozenset(w for line in read_words(f) for w in line.split())
                for lang, f in self._stopword_files().items()}

    def _stopword_files(self) -> dict[str, Path]:
        """The stopword list read for each language, by language code."""
        files = {f.stem: f for f in sorted(STOPWORDS.glob("*.txt"))}
        files |= {f.stem: f for f in sorted((self.data / "stopwords").glob("*.txt"))}
        return dict(sorted(files.items()))


def _settings(config: Path) -> dict:
    """The parsed config file (empty when there is none), every section and key known."""
    if not config.exists():
        return {}
    try:
        settings = tomllib.loads(config.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise InputError(config, [f"line 1: is not valid TOML ({err}); fix the syntax"]) from err
    problems = []
    for section, values in settings.items():
        known = _SETTINGS.get(section)
        if known is None or not isinstance(values, dict):
            problems.append(f"line 1: [{section}] is not a section the workbench reads; use "
                            f"{', '.join(f'[{s}]' for s in _SETTINGS)}")
            continue
        problems += [f"line 1: [{section}] {key} is unknown; use one of {', '.join(sorted(known))}"
                     for key in values if key not in known]
    also = settings.get("stopwords", {}).get("also", [])
    if not isinstance(also, list) or not all(isinstance(x, str) for x in also):
        problems.append('line 1: [stopwords] also must be a list of language codes, e.g. ["en"]')
    workers = settings.get("corpus", {}).get("workers")
    if workers is not None and (not isinstance(workers, int) or isinstance(workers, bool)
                                or workers < 1):
        problems.append(f"line 1: [corpus] workers is {workers!r}; use a whole number of worker "
                        "processes, 1 or more (leave it out to use every core)")
    progress = settings.get("corpus", {}).get("progress")
    if progress is not None and not isinstance(progress, bool):
        problems.append(f"line 1: [corpus] progress is {progress!r}; write true or false")
    cluster = settings.get("cluster", {})
    if len(cluster) > 1 or not all(isinstance(v, str) and v for v in cluster.values()):
        problems.append("line 1: [cluster] names one scheduler, as address = \"tcp://host:8786\" "
                        "or scheduler_file = \"scheduler.json\"")
    if problems:
        raise InputError(config, problems)
    return settings


@lru_cache(maxsize=32)
def _find(start: Path, config: str | None, corpus: str | None) -> Project:
    """`Project.find(start)`, remembered per folder and environment (`config`, `corpus`: the
    values of WORKBENCH_CONFIG and WORKBENCH_CORPUS, part of the key only)."""
    return Project.find(start)


def project(start: str | Path | None = None) -> Project:
    """The project around `start` (default: the working folder), resolved once per folder and
    configuration (the environment variables WORKBENCH_CONFIG and WORKBENCH_CORPUS)."""
    here = Path(start or Path.cwd()).resolve()
    return _find(here, os.environ.get("WORKBENCH_CONFIG"), os.environ.get("WORKBENCH_CORPUS"))


@LoadOptions.as_keywords(metadata=SOURCES)
def load_corpus(path: str | Path = "data/corpus", options: LoadOptions | None = None,
                **overrides) -> Corpus:
    """Load every file under `path` into a `Corpus`; nothing is dropped without a report row.

    The project is the one around the folder holding `path` (its inputs clean and tokenize the
    files; its cache home keeps the tables unless `cache_dir` is given). `options`
    (`workbench.ingest.LoadOptions`; by default with the curated metadata in data/sources.csv)
    with `overrides`, any load option by name: `load_corpus(path, metadata=None,
    columns={"text": "story"}, dedupe="exact")`.
    """
    options = options or LoadOptions(metadata=SOURCES)
    return project(Path(path).parent).load_corpus(path, options, **overrides)


def open_corpus(**overrides) -> Corpus:
    """The corpus the project around the working folder is configured for (workbench.toml or
    the environment), from any folder of the project, e.g. notebooks/."""
    return project().open_corpus(**overrides)
