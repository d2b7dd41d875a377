"""Processing algorithms of the ``moemae`` provider: thin adapters over backend functions."""
