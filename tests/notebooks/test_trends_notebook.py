"""The keyword-trends notebook runs top to bottom and its tables come out."""


def test_keyword_trends_notebook_executes(run_notebook):
    nb = run_notebook("notebooks/02-keyword-trends.ipynb")
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    shown = " ".join(str(o.get("data", {}).get("text/plain", "")) for o in outputs)
    assert "strategic partnership" in shown and "peacekeepers" in shown
