"""The API's paging, with bounds: a page number past any database column is bad input.

ninja's ``PageNumberPagination`` takes any integer; 2**64 reached the database as an
OFFSET it cannot hold and answered 500. Here both numbers are bounded in the input
schema, so they are refused as 422 with the field named, like any bad parameter.
"""

from __future__ import annotations

from ninja import Field, Schema
from ninja.pagination import PageNumberPagination

MAX_PAGE = 1_000_000_000
MAX_PAGE_SIZE = 1000


class BoundedPageNumberPagination(PageNumberPagination):
    """Page-number paging whose ``page`` and ``page_size`` stay within reason."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_PAGE)
        page_size: int | None = Field(None, ge=1, le=MAX_PAGE_SIZE)
