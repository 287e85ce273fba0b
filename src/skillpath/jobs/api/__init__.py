"""API of the jobs app: demand, postings, the seeker's and the employer's side."""

from ninja import Router

from skillpath.jobs.api import demand

router = Router()
router.add_router("", demand.router)
