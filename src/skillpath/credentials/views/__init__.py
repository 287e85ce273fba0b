"""The credentials app's pages."""
