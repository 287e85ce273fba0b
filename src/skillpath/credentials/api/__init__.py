"""API of credentials: the definitions' endpoints (``api/definitions.py``) and the
issuing side's (``api/issuing.py``) under one ``router``, which ``api/main.py`` finds."""

from ninja import Router

from skillpath.credentials.api.definitions import router as definitions_router
from skillpath.credentials.api.issuing import router as issuing_router

router = Router(tags=["credentials"])
router.add_router("", definitions_router)
router.add_router("", issuing_router)
