"""Human review of automated decisions: the queue, claims, verdicts and notes."""
