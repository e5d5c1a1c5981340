"""Source profiling: how each outlet writes (notebook 01). Method notes: docs/methods/profiling.md.

- `profile`, `groups`, `mattr`, `syllables`: the profile table (`measures`).
- `keyness_by_group`, `term_spans`: distinctive vocabulary (`distinctive`).
- `naming`: which variant of a loaded name each outlet uses.
- `frames`: framing lexicons per 1,000 tokens.
- `voices`: quotations and reported speech, and who speaks (cue patterns in `cues`, speakers as
  actors in `speaker_resolution`).
- `tone`: VADER tone of sentences, and toward an actor.
"""

from . import frames, naming, tone, voices
from .distinctive import keyness_by_group, term_spans
from .measures import groups, mattr, profile, syllables

__all__ = ["frames", "groups", "keyness_by_group", "mattr", "naming", "profile", "syllables",
           "term_spans", "tone", "voices"]
