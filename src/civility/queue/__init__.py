"""The scoring queue: one interface, an in-process implementation and broker adapters."""
