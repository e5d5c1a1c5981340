"""Figures: each function takes a DataFrame an analysis returned and gives a matplotlib `Figure`;
no analysis happens here.

- `profiling`: `profile_bars`, `keyness_bars`, `naming_heatmap`, `frame_heatmap`, `tone_bars`.
- `trends`: `plot_trend` (with event markers), `plot_dispersion`, `date_label`.
- `networks`: `draw_network`, `network_layout` (actors keep their place across views).
"""
