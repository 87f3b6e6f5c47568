-- Who did what to which referral, review or appointment, and when. Written in the same transaction as the change.
-- detail names what changed (a status, a slot, a reason code), never patient data.
create table audit_entry (
    id            bigserial primary key,
    at            timestamptz not null,
    actor         text        not null,
    action        text        not null,
    subject_type  text        not null,
    subject_id    uuid        not null,
    referral_id   uuid,
    detail        text
);
create index audit_entry_subject on audit_entry (subject_id, at);
create index audit_entry_referral on audit_entry (referral_id, at);
