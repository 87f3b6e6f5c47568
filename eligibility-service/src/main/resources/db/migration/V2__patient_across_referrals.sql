-- The patient a referral belongs to (stable across their referrals) and the injections it reported from other
-- clinics: every decision names both, for scheduling's 84 days per patient. Referrals known before: none.
alter table referral_case add column patient_id uuid;

create table referral_outside_treatment (
    referral_id  uuid not null,
    day          date not null,
    primary key (referral_id, day)
);
