"""One module per domain; importing a module registers its tools and seed sources."""
