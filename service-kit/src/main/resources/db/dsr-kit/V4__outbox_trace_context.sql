-- The W3C trace context of the request or event that wrote the row, so that the relay's publish span and the
-- consumers' processing spans join the same trace (see TraceContext). Null when nothing was being traced.
ALTER TABLE outbox_event
    ADD COLUMN traceparent TEXT,
    ADD COLUMN tracestate  TEXT;
