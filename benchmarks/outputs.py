"""Every analysis's output on a corpus, saved as files, and two such snapshots compared.

For changes that must not change results (a refactor, a faster ingest): snapshot before, change,
snapshot after, compare. A snapshot is one Parquet file per table (and JSON for graphs, texts and
attributes) of the corpus tables, the CLI report, profiling, trends, KWIC, collocations, mentions,
networks and their metrics.

    python -m benchmarks.outputs snapshot /tmp/before            # the seed corpus
    python -m benchmarks.outputs snapshot /tmp/before --reuters 3000
    python -m benchmarks.outputs compare /tmp/before /tmp/after
"""

from __future__ import annotations

import argparse
import json
import tempfile
import warnings
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd

from benchmarks import corpora
from workbench import Project, load_corpus, networks, overview, profiling, trends
from workbench.actors import discovered_actors, find_mentions
from workbench.app.cli import format_report

PROJECT = Project.find(corpora.ROOT)


def save(out: Path, name: str, value) -> None:
    """`value` under `name`: a DataFrame as Parquet (its DataFrame attrs beside it), else JSON."""
    if isinstance(value, nx.Graph):
        value = {"nodes": sorted([[n, sorted(d.items())] for n, d in value.nodes(data=True)], key=str),
                 "edges": sorted([[*sorted((a, b)), sorted(d.items())]
                                  for a, b, d in value.edges(data=True)], key=str),
                 "graph": sorted(value.graph.items())}
    if not isinstance(value, pd.DataFrame):
        (out / f"{name}.json").write_text(json.dumps(value, default=str, sort_keys=True))
        return
    df, attrs = value.copy(), value.attrs
    df.attrs = {}
    for col in df.columns:
        if isinstance(df[col].dtype, pd.CategoricalDtype):
            df[col] = df[col].astype("string")
        elif df[col].dtype == object:
            df[col] = df[col].map(lambda v: None if v is None or v is pd.NA or (
                isinstance(v, float) and np.isnan(v)) else str(v))
    df.reset_index(drop=True).to_parquet(out / f"{name}.parquet")
    for key, item in attrs.items():
        save(out, f"{name}.attrs.{key}", item)


def snapshot(corpus, out: Path, *, terms: tuple[str, ...], cut: str, pair: tuple[str, str]) -> None:
    """Write every analysis's output on `corpus` into `out`."""
    out.mkdir(parents=True, exist_ok=True)
    for name, table in corpus.tables().items():
        save(out, f"corpus.{name}", table)
    save(out, "cli.report", format_report(corpus))
    scores, said = profiling.sentence_tone(corpus), profiling.voices(corpus, cues=PROJECT.speech_cues)
    groups = profiling.groups(corpus)
    variants, lexicon, keywords = PROJECT.naming_variants(), PROJECT.frames(), PROJECT.keyword_groups()
    names, spans = profiling.variant_matches(corpus, variants), profiling.frame_matches(corpus, lexicon)
    aliases = profiling.actor_aliases(variants)["russia"]
    query = ", ".join(terms)
    tables = {
        "tone.scores": scores, "voices": said, "profiling.groups": groups.reset_index(),
        "profile.outlet": profiling.profile(corpus, said, scores, by="outlet"),
        "profile.document": profiling.profile(corpus, said, scores, by="document"),
        "keyness.content": profiling.keyness_by_group(corpus, min_freq=3, content_only=True),
        "keyness.all": profiling.keyness_by_group(corpus, min_freq=2),
        "naming.matches": names, "naming.table": profiling.naming_table(names, variants, groups),
        "frames.matches": spans,
        "frames.rates": profiling.frame_rates(spans, corpus.documents, groups, list(lexicon)),
        "voices.speakers": profiling.speakers(said, groups),
        "tone.toward": profiling.tone_toward(corpus, aliases, scores, groups),
        "tone.mentions": profiling.actor_mentions(corpus, aliases, scores),
        "tone.summary": profiling.tone_by_group(scores, groups),
        "trends.freq.top": trends.term_frequency(corpus, query, by="year", split="outlet",
                                                 groups=keywords, top=2),
        "trends.stem": trends.term_frequency(corpus, query, by="year", groups=keywords, stem=True),
        "trends.excluded": trends.excluded_documents(corpus, by="month"),
        "trends.dispersion": trends.dispersion(corpus, query, groups=keywords),
        "trends.events": PROJECT.events(),
        "trends.compare": trends.compare_periods(corpus, cut, min_freq=3),
        "colloc.2": trends.collocations(corpus, n=2, min_freq=3),
        "colloc.3pmi": trends.collocations(corpus, n=3, measure="pmi", min_freq=2),
        "collocates": trends.collocates(corpus, terms[0], window=5, min_freq=2),
        "overview.summary": overview.outlet_summary(corpus),
        "overview.lines": overview.document_lines(corpus, str(corpus.documents.doc_id.iloc[0])),
    }
    for by in ("year", "month"):
        tables[f"trends.freq.{by}"] = trends.term_frequency(corpus, query, by=by, split="outlet",
                                                            groups=keywords)
        tables[f"trends.place.{by}"] = trends.place_documents(corpus, by=by, split="outlet")
    for sort in ("position", "left", "right"):
        tables[f"kwic.{sort}"] = trends.kwic(corpus, terms[0], window=6, sort=sort)
    actors = PROJECT.actors()
    mentions = find_mentions(corpus, actors, discovery=PROJECT.discovery())
    tables |= {
        "mentions": mentions,
        "mentions.names": find_mentions(corpus, actors, adjectives=False, metonyms=False),
        "discovered": discovered_actors(mentions),
        "network.evidence": networks.evidence(corpus, mentions, *pair),
    }
    for unit in ("sentence", "paragraph", "document", "window"):
        tables[f"cooc.{unit}"] = networks.cooccurrence(corpus, mentions, unit=unit)
    G = networks.build_network(corpus, mentions, unit="sentence")
    tables |= {"network.graph": G, "network.metrics": networks.metrics(G),
               "network.pmi": networks.build_network(corpus, mentions, unit="paragraph",
                                                     weight="pmi", min_weight=0)}
    if pair[0] in G:
        tables["network.ego"] = networks.ego_network(G, pair[0])
    largest = groups.value_counts().index[:2].tolist()
    if len(largest) == 2:
        tables["network.compare"] = networks.compare_networks(
            corpus, mentions, {"outlets": [largest[0]]}, {"outlets": [largest[1]]})
    for name, value in tables.items():
        save(out, name, value)


def compare(before: Path, after: Path) -> list[str]:
    """The names of the outputs that differ (or exist on one side only), with what differs."""
    names = {p.name for p in before.iterdir() if p.is_file()}
    other = {p.name for p in after.iterdir() if p.is_file()}
    found = [f"{n}: only in {before}" for n in sorted(names - other)]
    found += [f"{n}: only in {after}" for n in sorted(other - names)]
    for name in sorted(names & other):
        if name.endswith(".json"):
            if (before / name).read_text() != (after / name).read_text():
                found.append(f"{name}: differs")
            continue
        try:
            pd.testing.assert_frame_equal(pd.read_parquet(before / name),
                                          pd.read_parquet(after / name), rtol=1e-12, atol=1e-12)
        except AssertionError as err:
            found.append(f"{name}: {' '.join(str(err).split())[:300]}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    snap = sub.add_parser("snapshot", help="write every analysis's output into a folder")
    snap.add_argument("out", type=Path)
    snap.add_argument("--reuters", type=int, metavar="N",
                      help="the first N Reuters-21578 items instead of the seed corpus")
    diff = sub.add_parser("compare", help="compare two snapshot folders")
    diff.add_argument("before", type=Path)
    diff.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    if args.command == "compare":
        found = compare(args.before, args.after)
        print("\n".join(found) or "identical")
        return 1 if found else 0
    warnings.simplefilter("ignore")  # keyness capped to the largest groups, etc.
    with tempfile.TemporaryDirectory(prefix="outputs-") as tmp:
        if args.reuters:
            spec = corpora.SPECS["reuters"]
            corpus = load_corpus(corpora.prepare(spec, Path(tmp), limit=args.reuters),
                                 metadata=None, columns=spec.columns, cache_dir=Path(tmp) / "cache")
            snapshot(corpus, args.out, terms=("oil", "interest rate*", "bank*"), cut="1987-04-01",
                     pair=("United States", "Japan"))
        else:
            corpus = load_corpus(PROJECT.data / "corpus", metadata=PROJECT.data / "sources.csv",
                                 cache_dir=Path(tmp) / "cache")
            snapshot(corpus, args.out, terms=("peacekeep*", "strategic partnership", "@alliance"),
                     cut="2023-09-19", pair=("Russia", "Azerbaijan"))
    print(f"wrote {len(list(args.out.iterdir()))} files to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
