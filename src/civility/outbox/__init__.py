"""Events out: the transactional outbox relay and its broker publisher."""
