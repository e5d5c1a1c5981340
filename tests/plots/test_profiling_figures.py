"""Profiling figures draw the largest groups and say how many they left out."""

from __future__ import annotations

import pandas as pd
from seed_paths import PROJECT

from workbench import profiling
from workbench.plots.profiling import profile_bars


def test_profile_bars_draw_the_groups_with_most_tokens_and_say_so(seed_corpus):
    scores = profiling.sentence_tone(seed_corpus)
    said = profiling.voices(seed_corpus, cues=PROJECT.speech_cues)
    table = profiling.profile(seed_corpus, said, scores)
    many = pd.concat([table.assign(group=table.group + f" {i}", tokens=table.tokens + i)
                      for i in range(12)], ignore_index=True)
    fig = profile_bars(many, "ttr", max_bars=10)
    drawn = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert set(drawn) == set(many.nlargest(10, "tokens").group)
    assert fig.axes[0].get_title() == f"ttr per outlet (10 of {len(many)} outlets with most tokens)"
    assert profile_bars(table, "ttr").axes[0].get_title() == "ttr per outlet"
