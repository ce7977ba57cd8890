"""Webhooks: signed HTTP deliveries of events to subscribers, with retries and a delivery log."""
