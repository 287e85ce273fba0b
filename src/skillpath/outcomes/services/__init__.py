"""The outcomes app's writes: consent, baseline, follow-up surveys, ratings of hires."""
