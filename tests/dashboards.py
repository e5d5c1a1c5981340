"""Dashboards built as the notebooks build them, with the repository project's inputs."""

from seed_paths import PROJECT

from workbench import profiling
from workbench.actors import find_mentions
from workbench.widgets.networks import networks_dashboard
from workbench.widgets.profiling import profiling_dashboard
from workbench.widgets.trends import trends_dashboard


def profiling_dash(corpus, **options):
    return profiling_dashboard(corpus, variants=PROJECT.naming_variants(), frames=PROJECT.frames(),
                               scores=profiling.sentence_tone(corpus),
                               said=profiling.voices(corpus, cues=PROJECT.speech_cues,
                                                  mentions=find_mentions(corpus, PROJECT.actors(),
                                                                         discovery=PROJECT.discovery())),
                               **options)


def networks_dash(corpus, export_folder, project=PROJECT, **options):
    return networks_dashboard(corpus, project=project, export_folder=export_folder, **options)


def trends_dash(corpus, **options):
    return trends_dashboard(corpus, groups=PROJECT.keyword_groups(), events=PROJECT.events(),
                            **options)
