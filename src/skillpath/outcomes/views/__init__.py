"""The outcomes pages: consent and baseline, surveys, ratings of hires."""
