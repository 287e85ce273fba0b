"""Every write of the credentials app, one module per part of it."""
