"""API of the jobs app: demand, postings, the seeker's and the employer's side."""

from ninja import Router

from skillpath.jobs.api import demand, employer, postings

router = Router()
router.add_router("", demand.router)
router.add_router("", postings.router)
router.add_router("", employer.router)
