"""Figures: each function takes a DataFrame an analysis returned and gives a matplotlib `Figure`.

`profiling` (profile, keyness, naming, frames, tone bars), `trends` (trend lines, dispersion),
`networks` (layout and drawing). No analysis happens here.
"""
