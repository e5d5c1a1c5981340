"""Source profiling: how each outlet writes (notebook 01). Method notes: docs/methods/profiling.md.

- `profile`, `groups`, `mattr`, `syllables`: the profile table (`measures`).
- `keyness_by_group`, `term_spans`: distinctive vocabulary (`distinctive`); `most_distinctive`,
  a group's surest word.
- `variant_matches`, `naming_table`, `actor_aliases`: which variant of a loaded name each outlet
  uses (`naming`); `most_used_variant`, `most_named_concepts`.
- `frame_matches`, `frame_rates`: framing lexicons per 1,000 tokens (`frames`);
  `most_matched_frame`.
- The `most_*` functions are notebook 01's defaults, taken from the corpus.
- `voices`, `speakers`, `speaker_voices`: quotations and reported speech, and who speaks
  (`voices`; cue patterns in `cues`, speakers as actors in `speaker_resolution`).
- `sentence_tone`, `tone_by_group`, `tone_toward`, `actor_mentions`, `extreme_sentences`: VADER
  tone of sentences, per group of documents and toward an actor (`tone`).
"""

from .distinctive import keyness_by_group, most_distinctive, term_spans
from .frames import frame_matches, frame_rates, most_matched_frame
from .measures import groups, mattr, profile, syllables
from .naming import actor_aliases, most_named_concepts, most_used_variant, naming_table, variant_matches
from .tone import actor_mentions, extreme_sentences, sentence_tone, tone_by_group, tone_toward
from .voices import speaker_voices, speakers, voices

__all__ = ["actor_aliases", "actor_mentions", "extreme_sentences", "frame_matches", "frame_rates",
           "groups", "keyness_by_group", "mattr", "most_distinctive", "most_matched_frame",
           "most_named_concepts", "most_used_variant", "naming_table", "profile", "sentence_tone",
           "speaker_voices", "speakers", "syllables", "term_spans", "tone_by_group", "tone_toward",
           "variant_matches", "voices"]
