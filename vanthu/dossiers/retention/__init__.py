"""The reference retention schedule, shipped as data (domain.md §6)."""
