"""Item calibration by marginal maximum likelihood (Bock-Aitkin EM with quadrature).

Responses are a persons x items array with ``numpy.nan`` where an item was not
given; adaptive tests leave most cells empty, which the method handles directly
(missing at random given the responses seen). Abilities follow ``N(0, 1)``, which
fixes the scale.

Items with fewer than ``min_responses`` responses are not estimated: they keep the
provisional parameters passed as ``init_discrimination`` / ``init_difficulty`` (and
still inform the abilities of the people who answered them), or ``nan`` when none
were given. ``calibrated_`` tells which items were estimated.

Standard errors come from the empirical cross-product (XPD) information of each
estimated item's parameters, and reach difficulties by the delta method.

By default the free discriminations are then shrunk by empirical Bayes
(``slope_shrinkage``): the bank's maximum-likelihood log-slopes give a normal prior
(their mean, and their variance less the mean estimation noise, which each item's
expected information gives), and each slope moves to its posterior mean under a
normal approximation of its likelihood. Thinly answered items, whose slopes are
noisy, move toward the bank's; well-measured ones barely move. Difficulties keep
their maximum-likelihood values (the intercepts follow the slopes), so an item's
location is left as its data put it. ``slope_prior_`` holds the prior's
(mean, SD) of ``log a``; ``discrimination_se_`` is the posterior SD.

Examples
--------
>>> model = TwoPL().fit(responses)  # doctest: +SKIP
>>> model.discrimination_, model.difficulty_, model.difficulty_se_  # doctest: +SKIP
"""

from skillpath.core.calibrate.estimators import GradedResponse, Rasch, TwoPL

__all__ = ["GradedResponse", "Rasch", "TwoPL"]
