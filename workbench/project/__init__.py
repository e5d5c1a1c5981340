"""The project: where it is (root, `data/`, the cache home), which corpus it opens, and every
researcher-editable input, read and validated in one style (`<file> line <n>: what; fix`).

- `project()`: the `Project` around the working folder, resolved once.
- `Project`: `root`, `data`, `cache`, `reports`, `views`, `corpus_path()`, `load_options()`, `open_corpus()`,
  `load_corpus(path)`, and the inputs:
  `actors()`, `naming_variants()`, `frames()`, `keyword_groups()`, `events()`, `title_words()`,
  `speech_cues()`, `mwe()`, `stopwords()`, `table(name)`; `inputs()` says where each is read
  from (the project's `data/`, or the copy shipped in `workbench/project/defaults/`), and
  `own_input(name)` gives the project its own copy to edit.
- `load_corpus(path)`, `open_corpus()`: a corpus with the project's inputs and cache.
- `InputError`: a researcher-editable input that cannot be used, with every problem listed.
"""

from .inputs import TYPES, InputError
from .project import Project, load_corpus, open_corpus, project

__all__ = ["TYPES", "InputError", "Project", "load_corpus", "open_corpus", "project"]
