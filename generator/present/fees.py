"""What a service or hotline costs, in words."""

from __future__ import annotations

from dataclasses import dataclass

from .labels import FEES


@dataclass(frozen=True)
class Fee:
    label: str  # "Gratis"; '' when not known
    note: str

    @property
    def free(self) -> bool:
        return self.label == FEES["free"]

    @property
    def text(self) -> str:
        """One line: "Gratis. Visum dibayar pemerintah." ('' when not known)."""
        return f"{self.label}. {self.note}" if self.note and self.label else self.label


def fee(fees) -> Fee:
    """A fees field (a `Fees`, `unknown` or None) as label and note."""
    if fees is None or fees == "unknown":
        return Fee("", "")
    return Fee(FEES[fees.kind], fees.note or "")
