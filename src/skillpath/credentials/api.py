"""API of credentials. The issuing side's endpoints live in ``api_issuing.py``;
the definitions' endpoints are added to ``router`` here."""

from ninja import Router

from skillpath.credentials.api_definitions import router as definitions_router
from skillpath.credentials.api_issuing import router as issuing_router

router = Router(tags=["credentials"])
router.add_router("", definitions_router)
router.add_router("", issuing_router)
