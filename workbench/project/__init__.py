"""The project: where it is (root, `data/`, cache), which corpus it opens, and the machine's workers."""

from .parallel import WORKERS, map_bounded
from .project import corpus_settings, data_path, project_root

__all__ = ["WORKERS", "corpus_settings", "data_path", "map_bounded", "project_root"]
