"""Pages of invented sites for the tests of site templates: a site's pages share a head and a
foot (a masthead, a promo, a publisher's sentence) around articles of their own."""

from __future__ import annotations

HEAD = ["Lakeside Courier", "Search the archive", "The independent voice of the lake district"]
FOOT = ["Read the Lakeside Courier on your phone every morning at breakfast",
        "Send us your story ideas and letters to the editor",
        "Lakeside Courier is published by the Lakeside Press Cooperative since 1921."]
ARTICLES = {
    "ferry": ("Ferry service to the northern islands resumes after repairs", [
        "The ferry service between the harbour and the northern islands resumed on Monday after "
        "six weeks of repairs in dry dock, carrying mostly farmers and their machinery.",
        "The operator said the new engines would cut the crossing by twenty minutes and that "
        "winter timetables would be published at the end of the month.",
        "Islanders had relied on a chartered fishing boat for supplies while the ferry was away."]),
    "library": ("Town library opens a reading room for young readers", [
        "The town library opened a reading room for children on Saturday, the first new room "
        "in the building since the roof was replaced twenty years ago.",
        "Volunteers painted the walls with scenes from local legends and donated shelves of "
        "picture books in three languages.",
        "Librarians plan weekly story hours on Wednesday afternoons during the school term."]),
    "orchard": ("Orchard growers expect a late but generous apple harvest", [
        "Apple growers around the lake expect the harvest to start two weeks later than usual "
        "after a cold spring, but the trees carry more fruit than last year.",
        "The cooperative that presses most of the region's cider is hiring forty seasonal "
        "workers and has repaired its old stone mill for the occasion.",
        "Buyers from the coast have already reserved most of the early varieties."]),
    "market": ("Farmers market moves to the old railway station", [
        "The weekly farmers market will move from the church square to the old railway station "
        "in April, where the stalls will stand under the restored platform roof.",
        "Traders welcomed the shelter but asked the council for more parking near the tracks.",
        "The first market at the station is planned for the second Saturday of April."]),
    "school": ("Village school celebrates its hundredth year with an open day", [
        "The village school invited former pupils to an open day on Sunday to celebrate a "
        "hundred years since its first class of eleven children.",
        "Visitors found their old class photographs on the corridor walls and signed a "
        "guest book that will be kept in the town archive.",
        "The head teacher thanked three generations of families for their support."]),
    "bridge": ("Old stone bridge closes for a summer of restoration", [
        "The old stone bridge over the river will close to cars from June until September while "
        "masons replace the worn parapets and reinforce the central arch.",
        "Pedestrians and cyclists may still cross on a temporary wooden walkway built beside it.",
        "The council said detours for buses would be signposted on both banks of the river."]),
}
#: the pages of one site, the Lakeside Courier
COURIER = ("ferry", "library", "orchard", "bridge")


def page(topic: str, *, head=HEAD, foot=FOOT, inside: tuple[str, ...] = ()) -> str:
    """The page of an article: `head`, its headline, its paragraphs with the lines `inside`
    after the second, and `foot`."""
    title, paragraphs = ARTICLES[topic]
    body = [*paragraphs[:2], *inside, *paragraphs[2:]]
    return "\n".join([*head, title, *body, *foot]) + "\n"


def write(folder, pages: dict[str, str]) -> None:
    """Write pages (path in `folder` -> text), making their folders."""
    for name, text in pages.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
