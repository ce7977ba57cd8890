"""The dashboard's review item shows the text read from an image in its own labelled block."""

from __future__ import annotations

from tests.ocr.test_ocr_compose import IMAGE, _read

from civility.ocr.compose import compose
from civility.policy.verdict import Action, Reason, ReasonSource
from civility.web import render


def test_the_dashboard_shows_the_image_text_in_its_own_labelled_block() -> None:
    text, image = compose("see <this>", _read("I will", "kill you"), IMAGE)
    kill = text.index("kill")
    reason = Reason(
        "threat", "m", ReasonSource.MODEL, Action.HIDE, "threat", 0.9, ((kill, kill + 8), (0, 3))
    )
    html = str(render.highlight(text, [reason], image))
    caption, read = html.split('<span class="from-image">')
    assert caption == '<mark title="threat">see</mark> &lt;this&gt;'
    assert "read from the image (en, confidence 90)" in read
    assert '<mark title="threat">kill you</mark>' in read
    assert str(render.highlight(text, [reason])).count("<mark") == 2  # without: one block
