"""A small corpus of our own for the linking tests: every sentence written by us.

One meeting in March 2025 reported by a wire story (three reprints credit it), an
independent outlet that quotes Putin in other words, and an outlet that dates the
meeting a day later; the same two men meeting again in May; a strike that Israel denies;
an administration named after its term ended.
"""

from __future__ import annotations

WIRE = (
    "MOSCOW, March 10 (Reuters) - Russian President Vladimir Putin met Iranian Foreign "
    "Minister Abbas Araghchi in the Kremlin on Monday, as the two countries prepared a new "
    "trade agreement.\n\n"
    '"Our cooperation with Iran is strategic and it will keep growing every year," Putin '
    "said at the start of the talks.\n\n"
    "Araghchi said Tehran valued the support of Moscow on the nuclear file and thanked the "
    "Russian leadership for its position.\n\n"
    "Officials of both sides discussed rail links, grain deliveries and payments in national "
    "currencies, according to people familiar with the agenda."
)


def _record(
    name: str, outlet: str, published: str, text: str, title: str | None = None
) -> dict[str, str | None]:
    return {"name": name, "outlet": outlet, "published": published, "title": title, "text": text}


MARCH = [
    _record("wire-one", "wire-reprint-one.example", "2025-03-10", WIRE),
    _record(
        "wire-two",
        "reprint-two.example",
        "2025-03-10",
        WIRE.replace("as the two countries prepared", "while the two countries prepared")
        + "\n\nReprinted from Reuters.",
    ),
    _record("wire-three", "reprint-three.example", "2025-03-10", WIRE + "\n\nFollow us for more."),
    _record(
        "tehran-desk",
        "tehran-desk.example",
        "2025-03-11",
        "Foreign Minister Abbas Araghchi held talks with Vladimir Putin in Moscow on Monday.\n\n"
        'Putin told the Iranian guest that "our cooperation with Iran is strategic and it will '
        'continue to grow each year".\n\n'
        "The Iranian delegation also visited the headquarters of a Russian state railway firm "
        "to discuss the planned corridor to the Gulf.",
    ),
    _record(
        "caspian-notes",
        "caspian-notes.example",
        "2025-03-12",
        "Vladimir Putin received Abbas Araghchi in the Kremlin on Tuesday to review the "
        "preparations for the trade agreement.\n\n"
        "The meeting lasted about two hours, and the grain trade was high on the agenda.",
    ),
]

MAY = [
    _record(
        "tehran-desk-may",
        "tehran-desk.example",
        "2025-05-06",
        "Vladimir Putin met Abbas Araghchi in Moscow on Monday for the second time this "
        "year.\n\n"
        "The two men reviewed the grain deliveries agreed in March and the progress of the "
        "railway corridor.",
    ),
    _record(
        "caspian-notes-may",
        "caspian-notes.example",
        "2025-05-06",
        "Vladimir Putin received Abbas Araghchi in the Kremlin on Monday for the third time "
        "this year.\n\nThe two sides said the railway corridor would open next year.",
    ),
]

STRIKE = [
    _record(
        "gulf-monitor",
        "gulf-monitor.example",
        "2025-04-14",
        "Israel struck a military base in western Iran on Sunday, Iranian state television "
        "reported.\n\nThe strike killed two guards and damaged a radar station near the "
        "border, local officials said.",
    ),
    _record(
        "levant-wire",
        "levant-wire.example",
        "2025-04-14",
        "Israel denied on Monday that it struck Iran on Sunday.\n\n"
        "A military spokesman in Tel Aviv said no aircraft had entered Iranian airspace "
        "over the weekend and called the reports of a radar station hit false.",
    ),
]

TENURE = [
    _record(
        "sanctions-desk",
        "sanctions-desk.example",
        "2025-06-16",
        "The Biden administration imposed new sanctions on Iran on Monday, targeting "
        "shipping companies that carry Iranian oil.\n\n"
        "The measures freeze the assets of eleven firms registered in three countries.",
    ),
]

ALL = MARCH + MAY + STRIKE + TENURE
