"""API of the jobs app: demand, postings, the seeker's and the employer's side."""

from ninja import Router

from skillpath.jobs.api import demand, postings

router = Router()
router.add_router("", demand.router)
router.add_router("", postings.router)
