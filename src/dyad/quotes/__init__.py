"""Direct and indirect quotes and their speakers."""

from dyad.quotes.marks import Quotation, find_quotations

__all__ = ["Quotation", "find_quotations"]
