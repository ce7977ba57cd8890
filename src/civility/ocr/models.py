"""What OCR reads from an image, and the record of it stored with the message."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

Box = tuple[int, int, int, int]
"""A word's place in the image: left, top, width, height, in pixels."""


@dataclass(frozen=True, slots=True)
class ReadWord:
    """One word as the engine read it."""

    text: str
    box: Box
    confidence: float
    line: int


@dataclass(frozen=True, slots=True)
class ImageRead:
    """An engine's reading of one image: its words in reading order."""

    words: tuple[ReadWord, ...]
    languages: tuple[str, ...]
    engine: str


@dataclass(frozen=True, slots=True)
class Word:
    """A word of the image's text: where it is in the message text and in the image."""

    start: int
    end: int
    box: Box
    confidence: float

    def to_dict(self) -> dict[str, Any]:
        """Returns the JSON form stored with the message."""
        return {
            "start": self.start,
            "end": self.end,
            "box": list(self.box),
            "confidence": self.confidence,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Word:
        """Rebuilds a word from its JSON form."""
        left, top, width, height = (int(v) for v in data["box"])
        return cls(
            int(data["start"]), int(data["end"]), (left, top, width, height), data["confidence"]
        )


@dataclass(frozen=True, slots=True)
class ImageText:
    """The text read from a message's image: the range [start, end) of the message text it
    fills, its words with their boxes, and what was read from what."""

    start: int
    end: int
    words: tuple[Word, ...]
    languages: tuple[str, ...]
    engine: str
    mime_type: str
    width: int
    height: int
    size_bytes: int

    @property
    def confidence(self) -> float | None:
        """Returns the engine's mean word confidence (0-100), None when no word was read."""
        if not self.words:
            return None
        return round(sum(w.confidence for w in self.words) / len(self.words), 1)

    def boxes(self, spans: tuple[tuple[int, int], ...] | list[tuple[int, int]]) -> list[Box]:
        """Returns the boxes of the image's words that overlap any of the spans."""
        return [w.box for w in self.words if any(s < w.end and w.start < e for s, e in spans)]

    def to_dict(self) -> dict[str, Any]:
        """Returns the JSON form stored with the message."""
        return {
            "start": self.start,
            "end": self.end,
            "words": [w.to_dict() for w in self.words],
            "languages": list(self.languages),
            "engine": self.engine,
            "mime_type": self.mime_type,
            "width": self.width,
            "height": self.height,
            "size_bytes": self.size_bytes,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ImageText:
        """Rebuilds the record from its JSON form."""
        return cls(
            start=int(data["start"]),
            end=int(data["end"]),
            words=tuple(Word.from_dict(w) for w in data.get("words", [])),
            languages=tuple(data.get("languages", [])),
            engine=str(data.get("engine", "")),
            mime_type=str(data.get("mime_type", "")),
            width=int(data.get("width", 0)),
            height=int(data.get("height", 0)),
            size_bytes=int(data.get("size_bytes", 0)),
        )
