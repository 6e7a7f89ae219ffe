"""Settings of the cleaning stage, passed explicitly (no module-level configuration)."""

from __future__ import annotations

from dataclasses import dataclass

#: Languages a short line is compared against when looking for foreign UI text. A small,
#: common set: the full py3langid model finds Nigerian Pidgin in English menu words.
DEFAULT_LINE_LANGUAGES: tuple[str, ...] = (
    "en", "fr", "de", "es", "pt", "it", "nl", "sv", "pl", "ro", "tr", "ru", "uk",
    "ar", "fa", "he", "zh", "ja", "ko", "vi", "id", "hi",
)  # fmt: skip


@dataclass(frozen=True)
class CleanSettings:
    """How `clean_document` decides what is article text.

    Attributes:
        repeat_threshold: a line seen in at least this many earlier documents of the same
            outlet (per `line_counts`) is removed as "repeated in outlet".
        detect_language: run py3langid on the document and on suspicious short lines.
        line_languages: candidate languages for the foreign-line check.
        foreign_line_min_prob: probability a short line must reach for another language.
        foreign_line_max_words: longer lines are never judged by language.
        repair_lossy_mojibake: restore `â` standing for lost quotes and dashes.
        boilerplate_files: extra YAML pattern files, same format as data/boilerplate.yaml.
        edge_lines: how many lines at the top count as the top edge (menus, bylines).
        bottom_fraction: share of the lines at the end that count as the bottom edge.
        min_faq_questions: questions needed before a trailing Q&A block is removed.
    """

    repeat_threshold: int = 3
    detect_language: bool = True
    line_languages: tuple[str, ...] = DEFAULT_LINE_LANGUAGES
    foreign_line_min_prob: float = 0.8
    foreign_line_max_words: int = 25
    repair_lossy_mojibake: bool = True
    boilerplate_files: tuple[str, ...] = ()
    edge_lines: int = 8
    bottom_fraction: float = 0.25
    min_faq_questions: int = 3

    def __post_init__(self) -> None:
        if self.repeat_threshold < 1:
            raise ValueError(
                f"repeat_threshold must be at least 1, got {self.repeat_threshold}; "
                "use a count of earlier documents such as 3"
            )
        if not 0 < self.foreign_line_min_prob <= 1:
            raise ValueError(
                f"foreign_line_min_prob must be in (0, 1], got {self.foreign_line_min_prob}"
            )
        if not 0 <= self.bottom_fraction <= 1:
            raise ValueError(f"bottom_fraction must be in [0, 1], got {self.bottom_fraction}")
