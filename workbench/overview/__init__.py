"""Corpus overview (notebook 00): what is in the corpus, how each document was cleaned, how far
its metadata can be trusted, and which stories several outlets ran.

- `document_table`, `find_documents` (`documents`): the documents as a table to read (dates as
  precisely as known), and a search over doc_ids, outlets and titles (the document viewer's).
- `document_lines`, `outlet_summary` (`summary`).
- `quality`, `needs_attention` (`quality`): per outlet, and the documents to look at.
- `site_removals`, `site_templates`, `unusual_removals` (`sites`): per site, what each rule
  removed and the template learned from its pages, and the pages whose cleaning to check first.
- `republications`, `republishers` (`summary`): copy groups, and who republishes whom.
- `provenance` (`provenance`): the archive exports it was built from, their searches, and the
  articles set aside as repeats.
"""

from .documents import document_table, find_documents
from .provenance import provenance
from .quality import needs_attention, quality
from .sites import site_removals, site_templates, unusual_removals
from .summary import document_lines, outlet_summary, republications, republishers

__all__ = ["document_lines", "document_table", "find_documents", "needs_attention", "outlet_summary",
           "provenance", "quality", "republications", "republishers", "site_removals",
           "site_templates", "unusual_removals"]
