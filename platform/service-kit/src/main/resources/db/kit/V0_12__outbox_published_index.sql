-- Published events are deleted after the retention (clinic.outbox.retention); this finds them without a scan.
create index outbox_published on outbox (published_at) where published_at is not null;
