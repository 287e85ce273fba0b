"""The demo world as data, built through the product's own services and importers."""
