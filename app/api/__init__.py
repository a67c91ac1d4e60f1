"""HTTP layer: thin routers over the ingest and query modules."""
