-- Who each referral's patient is, from referral-submitted, so that staff pages name people rather than ids. Never
-- written to logs, audit entries, dead letters or metrics.
create table patient_directory (
    referral_id    uuid primary key,
    patient_id     uuid,
    first_name     text,
    last_name      text,
    date_of_birth  date,
    phone          text
);
create index patient_directory_last_name on patient_directory (lower(last_name));
