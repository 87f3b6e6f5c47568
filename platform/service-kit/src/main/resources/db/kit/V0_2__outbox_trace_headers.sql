-- The trace context of the request or message that caused the event (W3C traceparent and friends, one
-- "name=value" per line), sent as Kafka headers so one referral's path can be followed across the services.
alter table outbox add column trace_headers text;
