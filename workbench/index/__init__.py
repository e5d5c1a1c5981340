"""What every analysis looks things up in: queries, the term index, the document axis, groups,
passages and keyness.

- `parse_query`, `as_queries`, `named_query`, `Query`: the query syntax; `query_table`: what
  named queries count.
- `term_index`, `find`, `match_tokens`: where a query matches (built once per corpus).
- `document_axis`, `select_documents`, `date_end`: dates, periods and the document selection rule.
- `group_labels`, `outlet_of`, `rows_by_document`: grouping documents; `largest_groups` and
  `most_frequent`: the defaults a notebook takes from the corpus (the largest outlets, the
  choice seen most often).
- `passages`: spans turned into readable evidence.
- `keyness`, `log_likelihood`, `log_ratio`: one keyness implementation for every comparison.
"""

from .axis import FREQ, DocumentAxis, Granularity, date_end, document_axis, select_documents
from .groups import group_labels, largest_groups, most_frequent, outlet_of, rows_by_document
from .keyness import keyness, log_likelihood, log_ratio
from .passages import passages
from .query import Query, as_queries, named_query, parse_query, query_table
from .terms import TermIndex, find, match_tokens, term_index

__all__ = ["FREQ", "DocumentAxis", "Granularity", "Query", "TermIndex", "as_queries", "date_end",
           "document_axis", "find", "group_labels", "keyness", "largest_groups", "log_likelihood",
           "log_ratio", "match_tokens", "most_frequent", "named_query", "outlet_of", "parse_query",
           "passages", "query_table", "rows_by_document", "select_documents", "term_index"]
