"""Item calibration by marginal maximum likelihood (Bock-Aitkin EM with quadrature)."""

from skillpath.core.calibrate.estimators import GradedResponse, Rasch, TwoPL

__all__ = ["GradedResponse", "Rasch", "TwoPL"]
