"""Settings of the readers, passed explicitly to every reader that needs them."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_USER_AGENT = "dyad/0.1 (news-relations reader; python-httpx)"


@dataclass(frozen=True)
class IngestSettings:
    """Limits and identity for reading files and fetching URLs.

    Attributes:
        max_bytes: Largest single document (a text or HTML file, a fetched page, one
            JSONL line, one WARC payload). Bigger ones are refused, not truncated.
        max_container_bytes: Largest container file (JSON/JSONL, WARC, feed), which holds
            many documents and is streamed where the format allows.
        timeout: Seconds to wait for a connection and for each read of a response.
        max_redirects: HTTP redirects followed before giving up.
        user_agent: Sent with every request, so site owners can see who is fetching.
        fetch_links: Fetch the linked page of a feed item that carries no article body.
        min_summary_chars: A feed summary shorter than this (tags stripped) is a teaser,
            not the article; the item's link is fetched instead.
        trust_env: Let httpx read proxy settings from the environment.
        deadline: Seconds one download may take in all (connecting, redirects, every
            read), however steadily a slow server keeps sending.
        allow_private: Fetch from loopback, private, link-local, multicast and reserved
            addresses too. Off by default: a URL in a feed or a redirect must not make
            dyad reach into the user's own machine or network.
    """

    max_bytes: int = 5_000_000  # the parser's length limit follows it (pipeline.nlp_for)
    max_container_bytes: int = 1024 * 1024 * 1024
    timeout: float = 20.0
    max_redirects: int = 5
    user_agent: str = DEFAULT_USER_AGENT
    fetch_links: bool = True
    min_summary_chars: int = 500
    trust_env: bool = True
    deadline: float = 60.0
    allow_private: bool = False

    def __post_init__(self) -> None:
        for name in ("max_bytes", "max_container_bytes", "max_redirects", "min_summary_chars"):
            if getattr(self, name) < 0:
                raise ValueError(f"IngestSettings.{name} must be >= 0, got {getattr(self, name)}")
        for name in ("timeout", "deadline"):
            if getattr(self, name) <= 0:
                raise ValueError(
                    f"IngestSettings.{name} must be > 0 seconds, got {getattr(self, name)}"
                )
